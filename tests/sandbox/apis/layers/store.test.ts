import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from '../../../../src/sandbox/apis/layers/influencerCursor.js';
import { InjectedFault } from '../../../../src/sandbox/http/faults.js';
import type { InfluencerRow } from '../../../../src/sandbox/apis/layers/types.js';
import { createOrganization, engineName, openTestDatabase } from '../../../support/sandboxDatabase.js';
import type { TestDatabase } from '../../../support/sandboxDatabase.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase();
});
afterAll(async () => {
  await t?.close();
});

const postStatuses = async (accountId: string) =>
  (await t.db.query<{ status: string }>('SELECT status FROM layers_scheduled_posts WHERE social_account_id = $1 ORDER BY status', [accountId])).rows.map((r) => r.status);
const account = async (id: string) =>
  (await t.db.query<{ status: string; token: string | null; disconnected_reason: string | null; disconnected_at: Date | null }>(
    'SELECT status, token, disconnected_reason, disconnected_at FROM layers_social_accounts WHERE id = $1',
    [id],
  )).rows[0];

describe(`Layers store on ${engineName}`, () => {
  describe('findKey', () => {
    it('finds a key by its secret, with organization and scopes, and no kill switch', async () => {
      const org = await createOrganization(t.db, ['influencers:write']);
      expect(await t.store.layers.findKey(org.apiKey)).toEqual({ keyId: org.keyId, organizationId: org.organizationId, scopes: ['influencers:write'], killSwitch: null });
    });

    it('answers null for an unknown or empty key, and stores only the hash', async () => {
      const org = await createOrganization(t.db);
      expect(await t.store.layers.findKey(`${org.apiKey}x`)).toBeNull();
      expect(await t.store.layers.findKey('')).toBeNull();
      const { rows } = await t.db.query<{ secret_sha256: string }>('SELECT secret_sha256 FROM layers_api_keys WHERE id = $1', [org.keyId]);
      expect(rows[0]?.secret_sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(rows[0]?.secret_sha256).not.toContain(org.apiKey);
    });

    it('reports the kill switch in force: key beats organization beats global', async () => {
      const org = await createOrganization(t.db);
      const scope = async () => (await t.store.layers.findKey(org.apiKey))?.killSwitch;
      await t.store.layers.setKillSwitch('global', null, true);
      try {
        expect(await scope()).toBe('global');
        await t.store.layers.setKillSwitch('organization', org.organizationId, true);
        expect(await scope()).toBe('organization');
        await t.store.layers.setKillSwitch('key', org.keyId, true);
        expect(await scope()).toBe('key');
        await t.store.layers.setKillSwitch('key', org.keyId, false);
        await t.store.layers.setKillSwitch('organization', org.organizationId, false);
        expect(await scope()).toBe('global');
      } finally {
        await t.store.layers.setKillSwitch('global', null, false);
      }
      expect(await scope()).toBeNull();
    });

    it('refuses a kill switch for a key or organization that does not exist', async () => {
      await expect(t.store.layers.setKillSwitch('key', randomUUID(), true)).rejects.toThrow(/No API key/);
      await expect(t.store.layers.setKillSwitch('organization', null, true)).rejects.toThrow(/No organization/);
    });
  });

  describe('influencers', () => {
    it('gets a live influencer of the organization, null in another organization or for a bad id', async () => {
      const org = await createOrganization(t.db);
      const other = await createOrganization(t.db);
      const { id } = await t.store.layers.states.createInfluencer(org.organizationId, { name: 'Ava Chen', gender: 'female', ageRange: 'adult', brandVoice: 'warm', language: 'en' });
      const row = await t.store.layers.getInfluencer(org.organizationId, id);
      expect(row).toMatchObject({ id, name: 'Ava Chen', gender: 'female', ageRange: 'adult', brandVoice: 'warm', language: 'en', status: 'ready' });
      expect(row?.projectId).toMatch(/^[0-9a-f-]{36}$/);
      expect(new Date(row?.createdAt ?? '').toISOString()).toBe(row?.createdAt);
      expect(await t.store.layers.getInfluencer(other.organizationId, id)).toBeNull();
      expect(await t.store.layers.getInfluencer(org.organizationId, randomUUID())).toBeNull();
      expect(await t.store.layers.getInfluencer(org.organizationId, 'inf_not-a-uuid')).toBeNull();
    });

    it('patches only the fields given; ageRange null clears; updatedAt moves; another organization gets null', async () => {
      const org = await createOrganization(t.db);
      const { id } = await t.store.layers.states.createInfluencer(org.organizationId, { name: 'Ava Chen', gender: 'female', ageRange: 'adult', brandVoice: 'warm', language: 'en' });
      const before = (await t.store.layers.getInfluencer(org.organizationId, id)) as InfluencerRow;
      await new Promise((r) => setTimeout(r, 5));
      const patched = await t.store.layers.patchInfluencer(org.organizationId, id, { brandVoice: 'casual' });
      expect(patched).toEqual({ ...before, brandVoice: 'casual', updatedAt: patched?.updatedAt });
      expect(Date.parse(patched?.updatedAt ?? '')).toBeGreaterThan(Date.parse(before.updatedAt));
      const cleared = await t.store.layers.patchInfluencer(org.organizationId, id, { ageRange: null, language: 'es-MX', name: 'Ava C.' });
      expect(cleared).toMatchObject({ ageRange: null, language: 'es-MX', name: 'Ava C.', gender: 'female', brandVoice: 'casual' });
      expect(await t.store.layers.patchInfluencer(org.organizationId, id, {})).toEqual(cleared);
      const other = await createOrganization(t.db);
      expect(await t.store.layers.patchInfluencer(other.organizationId, id, { name: 'Stolen' })).toBeNull();
      expect((await t.store.layers.getInfluencer(org.organizationId, id))?.name).toBe('Ava C.');
    });

    it('soft-deletes: the row stays archived with the deletion audit; get, patch, list and a second delete see nothing', async () => {
      const org = await createOrganization(t.db);
      const { id } = await t.store.layers.states.createInfluencer(org.organizationId, {});
      const deleted = await t.store.layers.deleteInfluencer(org.organizationId, id, { reason: 'Partner requested deletion.', keyId: org.keyId });
      expect(deleted?.id).toBe(id);
      expect(new Date(deleted?.deletedAt ?? '').toISOString()).toBe(deleted?.deletedAt);
      const { rows } = await t.db.query<{ is_archived: boolean; attributes: { deletion: unknown } }>('SELECT is_archived, attributes FROM layers_influencers WHERE id = $1', [id]);
      expect(rows[0]?.is_archived).toBe(true);
      expect(rows[0]?.attributes.deletion).toEqual({ reason: 'Partner requested deletion.', keyId: org.keyId, at: deleted?.deletedAt });
      expect(await t.store.layers.deletionAudit(id)).toEqual({ reason: 'Partner requested deletion.', keyId: org.keyId, at: deleted?.deletedAt });
      expect(await t.store.layers.getInfluencer(org.organizationId, id)).toBeNull();
      expect(await t.store.layers.patchInfluencer(org.organizationId, id, { name: 'Back?' })).toBeNull();
      expect((await t.store.layers.listInfluencers(org.organizationId, 100))?.items.map((i) => i.id)).not.toContain(id);
      expect(await t.store.layers.deleteInfluencer(org.organizationId, id, { keyId: org.keyId })).toBeNull();
      expect(await t.store.layers.deletionAudit(id)).toEqual({ reason: 'Partner requested deletion.', keyId: org.keyId, at: deleted?.deletedAt });
    });

    it('records a deletion without a reason as reason null; another organization cannot delete', async () => {
      const org = await createOrganization(t.db);
      const other = await createOrganization(t.db);
      const { id } = await t.store.layers.states.createInfluencer(org.organizationId, {});
      expect(await t.store.layers.deleteInfluencer(other.organizationId, id, { keyId: other.keyId })).toBeNull();
      expect(await t.store.layers.deletionAudit(id)).toBeNull();
      await t.store.layers.deleteInfluencer(org.organizationId, id, { keyId: org.keyId });
      expect((await t.store.layers.deletionAudit(id))?.reason).toBeNull();
    });
  });

  describe('listInfluencers', () => {
    it('lists newest first over pages with an opaque cursor, never archived ones nor other organizations', async () => {
      const org = await createOrganization(t.db);
      const other = await createOrganization(t.db);
      await t.store.layers.states.createInfluencer(other.organizationId, {});
      const ids: string[] = [];
      for (let n = 0; n < 7; n++) ids.push((await t.store.layers.states.createInfluencer(org.organizationId, { name: `Influencer ${n}` })).id);
      // Some share one created_at (one transaction): the id breaks the tie.
      await t.db.query(`UPDATE layers_influencers SET created_at = timestamptz '2026-04-01T00:00:00.123456Z' WHERE id = ANY($1::uuid[])`, [ids.slice(2, 5)]);
      await t.store.layers.deleteInfluencer(org.organizationId, ids[6] as string, { keyId: org.keyId });

      const expected = (
        await t.db.query<{ id: string }>('SELECT id FROM layers_influencers WHERE organization_id = $1 AND NOT is_archived ORDER BY created_at DESC, id DESC', [org.organizationId])
      ).rows.map((r) => r.id);
      expect(expected).toHaveLength(6);

      const seen: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = await t.store.layers.listInfluencers(org.organizationId, 2, cursor);
        expect(page).not.toBeNull();
        expect(page?.items.length).toBeLessThanOrEqual(2);
        seen.push(...(page?.items.map((i) => i.id) ?? []));
        cursor = page?.nextCursor ?? undefined;
        pages++;
      } while (cursor);
      expect(seen).toEqual(expected);
      expect(pages).toBe(3);
    });

    it('answers nextCursor null on the last page and an empty page for an organization with none', async () => {
      const org = await createOrganization(t.db);
      expect(await t.store.layers.listInfluencers(org.organizationId, 20)).toEqual({ items: [], nextCursor: null });
      await t.store.layers.states.createInfluencer(org.organizationId, {});
      const page = await t.store.layers.listInfluencers(org.organizationId, 1);
      expect(page?.items).toHaveLength(1);
      expect(page?.nextCursor).toBeNull();
    });

    it('answers null for a cursor it did not issue', async () => {
      const org = await createOrganization(t.db);
      const valid = encodeCursor({ createdAt: '2026-04-01T00:00:00.000000Z', id: randomUUID() });
      expect(await t.store.layers.listInfluencers(org.organizationId, 20, valid)).toEqual({ items: [], nextCursor: null });
      for (const bad of ['', 'not a cursor', 'eyJjcmVhdGVkQXQiOiIyMDI2LTA0LTAxIn0', Buffer.from('{"t":"2026-04-01","i":"x"}').toString('base64url'), `${valid}=`, `${valid}AA`]) {
        expect(await t.store.layers.listInfluencers(org.organizationId, 20, bad), bad).toBeNull();
      }
      expect(decodeCursor(valid)).not.toBeNull();
    });
  });

  describe('revokeSocialAccount', () => {
    it('disconnects the account (token dropped, revoked_by_partner) and cancels exactly its queued posts', async () => {
      const org = await createOrganization(t.db);
      const { id } = await t.store.layers.states.createSocialAccount(org.organizationId, 3);
      const bystander = await t.store.layers.states.createSocialAccount(org.organizationId, 2);
      await t.db.query(`INSERT INTO layers_scheduled_posts (social_account_id, scheduled_for, status) VALUES ($1, now(), 'published')`, [id]);

      const result = await t.store.layers.revokeSocialAccount(org.organizationId, id);
      expect(result).toEqual({ socialAccountId: id, canceledScheduledPosts: 3, disconnectedAt: expect.any(String) });
      expect(new Date(result?.disconnectedAt ?? '').toISOString()).toBe(result?.disconnectedAt);
      expect(await account(id)).toMatchObject({ status: 'disconnected', token: null, disconnected_reason: 'revoked_by_partner' });
      expect(await postStatuses(id)).toEqual(['canceled', 'canceled', 'canceled', 'published']);
      expect(await postStatuses(bystander.id)).toEqual(['queued', 'queued']);
    });

    it('answers null for a second revoke, another organization, an unknown or malformed id', async () => {
      const org = await createOrganization(t.db);
      const other = await createOrganization(t.db);
      const { id } = await t.store.layers.states.createSocialAccount(org.organizationId, 0);
      expect(await t.store.layers.revokeSocialAccount(other.organizationId, id)).toBeNull();
      expect((await account(id))?.status).toBe('connected');
      expect(await t.store.layers.revokeSocialAccount(org.organizationId, id)).toMatchObject({ canceledScheduledPosts: 0 });
      expect(await t.store.layers.revokeSocialAccount(org.organizationId, id)).toBeNull();
      expect(await t.store.layers.revokeSocialAccount(org.organizationId, randomUUID())).toBeNull();
      expect(await t.store.layers.revokeSocialAccount(org.organizationId, 'sa_nope')).toBeNull();
    });

    it('changes nothing when it fails after canceling the posts (fault revoke:after-cancel), and a retry then works', async () => {
      const org = await createOrganization(t.db);
      const { id } = await t.store.layers.states.createSocialAccount(org.organizationId, 4);
      const before = await account(id);
      await expect(t.store.layers.revokeSocialAccount(org.organizationId, id, { failAt: 'revoke:after-cancel' })).rejects.toBeInstanceOf(InjectedFault);
      expect(await account(id)).toEqual(before);
      expect(before?.status).toBe('connected');
      expect(before?.token).not.toBeNull();
      expect(await postStatuses(id)).toEqual(['queued', 'queued', 'queued', 'queued']);
      expect((await t.db.query('SELECT 1 FROM layers_scheduled_posts WHERE social_account_id = $1 AND canceled_at IS NOT NULL', [id])).rows).toHaveLength(0);
      expect(await t.store.layers.revokeSocialAccount(org.organizationId, id, { failAt: 'hoko:after-first-delete' })).toMatchObject({ canceledScheduledPosts: 4 });
    });
  });

  describe('withIdempotency', () => {
    const ok = (body: unknown) => async () => ({ status: 200, body });

    it('runs once, then replays the stored outcome for the same fingerprint', async () => {
      const key = randomUUID();
      let runs = 0;
      const run = async () => ({ status: 200, body: { n: ++runs, list: [1, 2] } });
      expect(await t.store.layers.withIdempotency('key-a', key, 'DELETE /sa_1', run)).toEqual({ kind: 'fresh', outcome: { status: 200, body: { n: 1, list: [1, 2] } } });
      expect(await t.store.layers.withIdempotency('key-a', key, 'DELETE /sa_1', run)).toEqual({ kind: 'replay', outcome: { status: 200, body: { n: 1, list: [1, 2] } } });
      expect(runs).toBe(1);
    });

    it('answers conflict for the same key with another fingerprint, without running', async () => {
      const key = randomUUID();
      await t.store.layers.withIdempotency('key-a', key, 'DELETE /sa_1', ok('first'));
      let ran = false;
      expect(await t.store.layers.withIdempotency('key-a', key, 'DELETE /sa_2', async () => ((ran = true), { status: 200, body: null }))).toEqual({ kind: 'conflict' });
      expect(ran).toBe(false);
    });

    it('keeps keys of different API keys apart', async () => {
      const key = randomUUID();
      await t.store.layers.withIdempotency('key-a', key, 'DELETE /sa_1', ok('a'));
      expect(await t.store.layers.withIdempotency('key-b', key, 'DELETE /sa_2', ok('b'))).toEqual({ kind: 'fresh', outcome: { status: 200, body: 'b' } });
    });

    it('stores 404 outcomes but not 500s (nor a run that throws): those run again', async () => {
      const key404 = randomUUID();
      await t.store.layers.withIdempotency('key-a', key404, 'f', async () => ({ status: 404, body: { error: 'gone' } }));
      expect(await t.store.layers.withIdempotency('key-a', key404, 'f', ok('later'))).toEqual({ kind: 'replay', outcome: { status: 404, body: { error: 'gone' } } });

      const key500 = randomUUID();
      expect(await t.store.layers.withIdempotency('key-a', key500, 'f', async () => ({ status: 500, body: {} }))).toMatchObject({ kind: 'fresh' });
      expect(await t.store.layers.withIdempotency('key-a', key500, 'f', ok('retried'))).toEqual({ kind: 'fresh', outcome: { status: 200, body: 'retried' } });

      const keyThrow = randomUUID();
      await expect(t.store.layers.withIdempotency('key-a', keyThrow, 'f', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
      expect(await t.store.layers.withIdempotency('key-a', keyThrow, 'f', ok('after throw'))).toMatchObject({ kind: 'fresh' });
    });

    it('forgets an outcome after 24 hours', async () => {
      const key = randomUUID();
      await t.store.layers.withIdempotency('key-a', key, 'f', ok('old'));
      await t.db.query(`UPDATE idempotency_records SET created_at = now() - interval '24 hours 1 second' WHERE idempotency_key = $1`, [key]);
      expect(await t.store.layers.withIdempotency('key-a', key, 'other', ok('new'))).toEqual({ kind: 'fresh', outcome: { status: 200, body: 'new' } });
    });

    it('runs once when two requests with one key arrive at the same time; the other replays', async () => {
      const key = randomUUID();
      let runs = 0;
      const run = async () => {
        runs++;
        await new Promise((r) => setTimeout(r, 50));
        return { status: 200, body: { runs } };
      };
      const results = await Promise.all([1, 2, 3].map(() => t.store.layers.withIdempotency('key-a', key, 'f', run)));
      expect(runs).toBe(1);
      expect(results.map((r) => r.kind).sort()).toEqual(['fresh', 'replay', 'replay']);
      for (const r of results) expect(r).toMatchObject({ outcome: { status: 200, body: { runs: 1 } } });
    });
  });
});
