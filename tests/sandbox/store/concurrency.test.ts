/**
 * Races on one account, one batch of partners, one post. On PGlite the transactions are queued
 * one after the other; on PostgreSQL they truly run at once on separate connections, which is
 * what the row locks and conditional updates are for, so these tests also run on a throwaway
 * PostgreSQL server (DATABASE_URL when set, else one started for the file; skipped, with the
 * reason printed, where none can be had).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAyrshareProfile, createHokoWorkspace, createOrganization, databaseUrl, openTestDatabase } from '../../support/sandboxDatabase.js';
import type { TestDatabase } from '../../support/sandboxDatabase.js';
import { startPostgres } from '../../support/startPostgres.js';

const postgres = databaseUrl ? { url: databaseUrl, stop: async () => undefined } : await startPostgres();
if ('skipReason' in postgres) console.warn(`concurrency on PostgreSQL skipped: ${postgres.skipReason}`);
afterAll(async () => {
  if (!('skipReason' in postgres)) await postgres.stop();
});
const engines = [
  { engineName: 'PGlite (in memory)', url: undefined as string | undefined, skip: Boolean(databaseUrl) },
  { engineName: 'PostgreSQL', url: 'skipReason' in postgres ? undefined : postgres.url, skip: 'skipReason' in postgres },
];

describe.each(engines)('concurrency on $engineName', ({ engineName, url, skip }) => {
  let t: TestDatabase;
  beforeAll(async () => {
    if (skip) return;
    t = await openTestDatabase(url);
    // Test-only audit: one row per committed change of a partner's deleted_at (rolled back with its transaction).
    await t.db.exec(`
      CREATE TABLE partner_delete_log (partner_id uuid NOT NULL);
      CREATE FUNCTION log_partner_delete() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO partner_delete_log VALUES (NEW.id);
        RETURN NEW;
      END $$;
      CREATE TRIGGER partner_delete_log AFTER UPDATE OF deleted_at ON hoko_partners
        FOR EACH ROW WHEN (OLD.deleted_at IS DISTINCT FROM NEW.deleted_at) EXECUTE FUNCTION log_partner_delete();
    `);
  });
  afterAll(async () => {
    await t?.close();
  });

  describe.skipIf(skip)(engineName, () => {
    it('two revokes of one account at once: one result, one null, and the posts are canceled once', async () => {
      for (let round = 0; round < 5; round++) {
        const org = await createOrganization(t.db);
        const { id } = await t.store.layers.states.createSocialAccount(org.organizationId, 6);
        const results = await Promise.all([t.store.layers.revokeSocialAccount(org.organizationId, id), t.store.layers.revokeSocialAccount(org.organizationId, id)]);
        const winners = results.filter((r) => r !== null);
        expect(winners).toHaveLength(1);
        expect(results.filter((r) => r === null)).toHaveLength(1);
        expect(winners[0]?.canceledScheduledPosts).toBe(6);
        const { rows } = await t.db.query<{ canceled: number; queued: number; times: number }>(
          `SELECT count(*) FILTER (WHERE status = 'canceled')::int AS canceled, count(*) FILTER (WHERE status = 'queued')::int AS queued,
                  count(DISTINCT canceled_at)::int AS times
             FROM layers_scheduled_posts WHERE social_account_id = $1`,
          [id],
        );
        expect(rows[0]).toEqual({ canceled: 6, queued: 0, times: 1 });
      }
    });

    it('many revokes at once, with one failing by fault: exactly one result, counts add up to the queued posts', async () => {
      const org = await createOrganization(t.db);
      const { id } = await t.store.layers.states.createSocialAccount(org.organizationId, 4);
      const calls = [
        t.store.layers.revokeSocialAccount(org.organizationId, id, { failAt: 'revoke:after-cancel' }).catch((e: Error) => e.name),
        ...Array.from({ length: 5 }, () => t.store.layers.revokeSocialAccount(org.organizationId, id)),
      ];
      const results = await Promise.all(calls);
      const winners = results.filter((r) => r !== null && typeof r === 'object');
      expect(winners).toHaveLength(1);
      expect(results.filter((r) => r === 'InjectedFault').length).toBeLessThanOrEqual(1);
      expect(winners.reduce((sum, r) => sum + (r as { canceledScheduledPosts: number }).canceledScheduledPosts, 0)).toBe(4);
    });

    it('8 parallel Hoko deletes of overlapping batches: each partner deleted exactly once, no call reports an id it did not delete', async () => {
      const { workspaceId } = await createHokoWorkspace(t.db);
      const { ids } = await t.store.hoko.states.createPartners(workspaceId, 400);
      // Batch i covers partners [40i, 40i + 80): each overlaps its neighbours by half.
      const batches = Array.from({ length: 8 }, (_, i) => ids.slice(40 * i, 40 * i + 80));
      const results = await Promise.all(batches.map((batch) => t.store.hoko.deletePartners(workspaceId, batch)));

      const reported = results.flatMap((r) => (r.kind === 'deleted' ? r.deletedIds : []));
      expect(new Set(reported).size).toBe(reported.length); // no id reported by two calls
      results.forEach((r, i) => {
        if (r.kind === 'deleted') expect(r.deletedIds).toEqual(batches[i]);
        else expect(r.ids.every((id) => batches[i]?.includes(id))).toBe(true);
      });
      expect(results.some((r) => r.kind === 'deleted')).toBe(true);

      // What the database holds is exactly what the calls reported.
      const deletedNow = (await t.db.query<{ id: string }>('SELECT id FROM hoko_partners WHERE id = ANY($1::uuid[]) AND deleted_at IS NOT NULL', [ids])).rows.map((r) => r.id);
      expect([...deletedNow].sort()).toEqual([...reported].sort());

      // Finish the rest, then every partner was deleted exactly once overall.
      const rest = ids.filter((id) => !reported.includes(id));
      const final = rest.length > 0 ? await t.store.hoko.deletePartners(workspaceId, rest) : { kind: 'deleted' as const, deletedIds: [] };
      expect(final).toEqual({ kind: 'deleted', deletedIds: rest });
      const log = await t.db.query<{ partner_id: string; n: number }>(
        'SELECT partner_id, count(*)::int AS n FROM partner_delete_log WHERE partner_id = ANY($1::uuid[]) GROUP BY partner_id',
        [ids],
      );
      expect(log.rows).toHaveLength(400);
      expect(log.rows.every((r) => r.n === 1)).toBe(true);
    });

    it('8 parallel Hoko deletes of disjoint batches all succeed', async () => {
      const { workspaceId } = await createHokoWorkspace(t.db);
      const { ids } = await t.store.hoko.states.createPartners(workspaceId, 800);
      const batches = Array.from({ length: 8 }, (_, i) => ids.slice(100 * i, 100 * i + 100));
      const results = await Promise.all(batches.map((batch) => t.store.hoko.deletePartners(workspaceId, batch)));
      expect(results).toEqual(batches.map((deletedIds) => ({ kind: 'deleted', deletedIds })));
    });

    it('the same partners in reverse order from two calls: one deletes them all, the other deletes none', async () => {
      const { workspaceId } = await createHokoWorkspace(t.db);
      const { ids } = await t.store.hoko.states.createPartners(workspaceId, 2000);
      const results = await Promise.all([t.store.hoko.deletePartners(workspaceId, ids), t.store.hoko.deletePartners(workspaceId, [...ids].reverse())]);
      expect(results.map((r) => r.kind).sort()).toEqual(['deleted', 'invalid']);
    });

    it('two deletes of one influencer at once: one result, one null, one audit', async () => {
      const org = await createOrganization(t.db);
      const { id } = await t.store.layers.states.createInfluencer(org.organizationId, {});
      const results = await Promise.all([
        t.store.layers.deleteInfluencer(org.organizationId, id, { reason: 'first', keyId: org.keyId }),
        t.store.layers.deleteInfluencer(org.organizationId, id, { reason: 'second', keyId: org.keyId }),
      ]);
      expect(results.filter((r) => r !== null)).toHaveLength(1);
      const winner = results[0] ? 'first' : 'second';
      expect((await t.store.layers.deletionAudit(id))?.reason).toBe(winner);
    });

    it('two deletes of one Ayrshare post at once: one deleted, one already_deleted', async () => {
      const { profileId } = await createAyrshareProfile(t.db);
      // Removed by hand at the networks, so the markManualDeleted one may win too.
      const { publishedIds } = await t.store.ayrshare.states.createPosts(profileId, 0, 1, { removedAtNetwork: true });
      const id = publishedIds[0] as string;
      const results = await Promise.all([t.store.ayrshare.deletePost(profileId, id, false), t.store.ayrshare.deletePost(profileId, id, true)]);
      const kinds = results.map((r) => r.kind);
      expect(kinds.filter((k) => k === 'already_deleted')).toHaveLength(1);
      expect(kinds.filter((k) => k === 'deleted' || k === 'marked')).toHaveLength(1);
    });

    it('Ayrshare bulk deletes racing delete-all-scheduled on the same pending posts: no call fails (no deadlock), each post deleted once', async () => {
      for (let round = 0; round < 6; round++) {
        const { profileId } = await createAyrshareProfile(t.db);
        const { pendingIds } = await t.store.ayrshare.states.createPosts(profileId, 600, 0);
        const halves = [pendingIds.slice(0, 300), pendingIds.slice(300)];
        const settled = await Promise.allSettled([
          t.store.ayrshare.deleteBulk(profileId, halves[0]!, false),
          t.store.ayrshare.deleteAllScheduled(profileId),
          t.store.ayrshare.deleteBulk(profileId, halves[1]!, false),
          t.store.ayrshare.deleteAllScheduled(profileId),
        ]);
        const failures = settled.flatMap((s) => (s.status === 'rejected' ? [String((s.reason as Error).message)] : []));
        expect(failures, `round ${round}`).toEqual([]);
        const [bulkA, allA, bulkB, allB] = settled.map((s) => (s as PromiseFulfilledResult<unknown>).value) as [
          Awaited<ReturnType<typeof t.store.ayrshare.deleteBulk>>,
          { ids: string[] },
          Awaited<ReturnType<typeof t.store.ayrshare.deleteBulk>>,
          { ids: string[] },
        ];
        for (const bulk of [bulkA, bulkB]) expect(['deleted', 'already_deleted']).toContain(bulk.kind);
        const deletedBy = [...(bulkA.kind === 'deleted' ? bulkA.ids : []), ...allA.ids, ...(bulkB.kind === 'deleted' ? bulkB.ids : []), ...allB.ids];
        expect([...deletedBy].sort()).toEqual([...pendingIds].sort()); // every post once, by one call
      }
    });

    it('overlapping Ayrshare bulk deletes: posts deleted once, the loser changes nothing', async () => {
      const { profileId } = await createAyrshareProfile(t.db);
      const { publishedIds } = await t.store.ayrshare.states.createPosts(profileId, 0, 6, { removedAtNetwork: true });
      const results = await Promise.all([
        t.store.ayrshare.deleteBulk(profileId, publishedIds.slice(0, 4), false),
        t.store.ayrshare.deleteBulk(profileId, publishedIds.slice(2).reverse(), true),
      ]);
      expect(results.map((r) => r.kind).sort()).toEqual(['already_deleted', 'deleted']);
      const won = results.find((r) => r.kind === 'deleted') as { ids: string[] };
      const { rows } = await t.db.query<{ id: string }>('SELECT id FROM ayrshare_posts WHERE id = ANY($1::text[]) AND deleted_at IS NOT NULL', [publishedIds]);
      expect(rows.map((r) => r.id).sort()).toEqual([...won.ids].sort());
    });
  });
});
