/**
 * Two sandboxes on one PostgreSQL database (each with its own pool, read cache and key cache):
 * what one writes, the other answers from then on, though both cache reads. Runs on a throwaway
 * PostgreSQL server (DATABASE_URL when set); skipped, with the reason printed, where none can be had.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { admin as adminOn, createOrganization, databaseUrl, mountTestSandbox, openSandboxDatabase } from '../../support/sandboxDatabase.js';
import { startPostgres } from '../../support/startPostgres.js';
import { createSandboxServer } from '../../../src/sandbox/http/createSandboxServer.js';
import { request } from '../http/harness.js';

const postgres = databaseUrl ? { url: databaseUrl, stop: async () => undefined } : await startPostgres();
if ('skipReason' in postgres) console.warn(`shared PostgreSQL skipped: ${postgres.skipReason}`);

describe.skipIf('skipReason' in postgres)('two sandboxes sharing one PostgreSQL', () => {
  const url = 'url' in postgres ? postgres.url : '';
  const schema = `sandbox_shared_${randomUUID().replaceAll('-', '')}`;
  const inSchema = new URL(url);
  inSchema.searchParams.set('options', `-c search_path=${schema}`);
  const admin = (sql: string) => adminOn(url, sql);
  let a: Awaited<ReturnType<typeof open>>;
  let b: Awaited<ReturnType<typeof open>>;
  const open = async () => {
    const db = await openSandboxDatabase({ databaseUrl: inSchema.toString() });
    return { db, ...(await mountTestSandbox(db)) };
  };

  beforeAll(async () => {
    await admin(`CREATE SCHEMA ${schema}`);
    a = await open();
    b = await open();
  });
  afterAll(async () => {
    await a?.db.close();
    await b?.db.close();
    await admin(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    if (!('skipReason' in postgres)) await postgres.stop();
  });

  it('an influencer one sandbox deletes is gone from the other, which had it cached', async () => {
    const org = await createOrganization(a.db);
    const { id } = await a.store.layers.states.createInfluencer(org.organizationId, {});
    expect(await b.store.layers.getInfluencer(org.organizationId, id)).not.toBeNull();
    expect(await b.store.layers.getInfluencer(org.organizationId, id)).not.toBeNull(); // now from b's memory
    expect(await a.store.layers.deleteInfluencer(org.organizationId, id, { keyId: org.keyId })).not.toBeNull();
    await vi.waitFor(async () => expect(await b.store.layers.getInfluencer(org.organizationId, id)).toBeNull(), { timeout: 10_000, interval: 20 });
  });

  it('reads are answered from memory: a write that skips the announcement (trigger disabled) goes unseen', async () => {
    const org = await createOrganization(a.db);
    const { id } = await a.store.layers.states.createInfluencer(org.organizationId, { name: 'Before' });
    // Until the notifications of a's own writes have all reached b, one may still clear its cache: try again.
    await vi.waitFor(
      async () => {
        const seen = (await b.store.layers.getInfluencer(org.organizationId, id))?.name;
        await admin(`ALTER TABLE ${schema}.layers_influencers DISABLE TRIGGER sandbox_notify_change; UPDATE ${schema}.layers_influencers SET name = '${randomUUID()}' WHERE id = '${id}'; ALTER TABLE ${schema}.layers_influencers ENABLE TRIGGER sandbox_notify_change`);
        expect((await b.store.layers.getInfluencer(org.organizationId, id))?.name).toBe(seen);
      },
      { timeout: 10_000, interval: 20 },
    );
  });

  it('a write made outside any sandbox (a psql session) is seen by the sandboxes, which had the row cached', async () => {
    const org = await createOrganization(a.db);
    const { id } = await a.store.layers.states.createInfluencer(org.organizationId, { name: 'Before' });
    expect((await a.store.layers.getInfluencer(org.organizationId, id))?.name).toBe('Before');
    expect((await b.store.layers.getInfluencer(org.organizationId, id))?.name).toBe('Before');
    await admin(`UPDATE ${schema}.layers_influencers SET name = 'After' WHERE id = '${id}'`);
    for (const sandbox of [a, b]) {
      await vi.waitFor(async () => expect((await sandbox.store.layers.getInfluencer(org.organizationId, id))?.name).toBe('After'), { timeout: 10_000, interval: 20 });
    }
  });

  it('a sandbox that has closed is no longer notified, and one that opens is notified from its start', async () => {
    const channels = async () => {
      const client = new pg.Client({ connectionString: inSchema.toString() });
      await client.connect();
      try {
        const { rows } = await client.query<{ body: string }>("SELECT pg_get_functiondef('sandbox_notify_change'::regproc) AS body");
        return [...(rows[0]?.body ?? '').matchAll(/pg_notify\('(sandbox_changes_[0-9a-f]+)'/g)].map((m) => m[1]);
      } finally {
        await client.end();
      }
    };
    expect(await channels()).toHaveLength(2);
    const c = await open();
    expect(await channels()).toHaveLength(3);
    const org = await createOrganization(a.db);
    const { id } = await a.store.layers.states.createInfluencer(org.organizationId, { name: 'Before' });
    expect((await c.store.layers.getInfluencer(org.organizationId, id))?.name).toBe('Before');
    await a.store.layers.patchInfluencer(org.organizationId, id, { name: 'After' });
    await vi.waitFor(async () => expect((await c.store.layers.getInfluencer(org.organizationId, id))?.name).toBe('After'), { timeout: 10_000, interval: 20 });
    await c.db.close();
    expect(await channels()).toHaveLength(2);
  });

  it('a kill switch one sandbox sets holds in the other, which had the key cached', async () => {
    const org = await createOrganization(a.db);
    expect((await b.store.layers.findKey(org.apiKey))?.killSwitch).toBeFalsy();
    await a.store.layers.setKillSwitch('organization', org.organizationId, true);
    await vi.waitFor(async () => expect((await b.store.layers.findKey(org.apiKey))?.killSwitch).toBeTruthy(), { timeout: 10_000, interval: 20 });
  });
  it('one Idempotency-Key sent to both sandboxes at once: the revoke runs once, both answer its 200 byte for byte; the same key on another account is a 409', async () => {
    const org = await createOrganization(a.db);
    const { id } = await a.store.layers.states.createSocialAccount(org.organizationId, 3);
    const servers = await Promise.all([a, b].map((s) => createSandboxServer(s.sandbox, { demo: {}, log: () => undefined })));
    const revoke = (server: (typeof servers)[number], accountId: string) =>
      server.handle(request('DELETE', `/v1/social-accounts/sa_${accountId}`, { headers: { Authorization: `Bearer ${org.apiKey}`, 'Idempotency-Key': `same-${id}` } }));
    for (let round = 0; round < 3; round++) {
      const [first, second] = await Promise.all([revoke(servers[0]!, id), revoke(servers[1]!, id)]);
      expect([first.status, second.status]).toEqual([200, 200]);
      expect(JSON.stringify(first.body)).toBe(JSON.stringify(second.body));
      expect((first.body as { canceledScheduledPosts: number }).canceledScheduledPosts).toBe(3);
    }
    const other = await a.store.layers.states.createSocialAccount(org.organizationId, 1);
    expect((await revoke(servers[1]!, other.id)).status).toBe(409);
  });
});
