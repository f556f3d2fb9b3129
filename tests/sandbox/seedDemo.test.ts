import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engineName, mountTestSandbox, openSandboxDatabase as openDatabase, openTestDatabase, slices } from '../support/sandboxDatabase.js';
import type { TestDatabase } from '../support/sandboxDatabase.js';
import { sliceMigrations } from '../../src/sandbox/slices.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase();
});
afterAll(async () => {
  await t?.close();
});

describe(`seedDemo on ${engineName}`, () => {
  it('creates a demo tenant whose keys work, with data to call', async () => {
    const demo = await t.seedDemo();
    expect(demo.layers.apiKey).toMatch(/^lp_demo_/);
    expect(demo.ayrshare.apiKey).toMatch(/^ayr_demo_/);
    expect(demo.hoko.apiKey).toMatch(/^hoko_demo_/);

    const key = await t.store.layers.findKey(demo.layers.apiKey);
    expect(key).toMatchObject({ organizationId: demo.layers.organizationId, killSwitch: null });
    expect(key?.scopes).toEqual(expect.arrayContaining(['influencers:write', 'social:write']));
    const readOnly = await t.store.layers.findKey(demo.layers.readOnlyKey);
    expect(readOnly?.organizationId).toBe(demo.layers.organizationId);
    expect(readOnly?.scopes).not.toContain('social:write');
    expect(readOnly?.scopes.some((s) => s.endsWith(':write'))).toBe(false);

    expect(await t.store.layers.getInfluencer(demo.layers.organizationId, demo.layers.influencerId)).toMatchObject({ name: 'Ava Chen' });
    expect((await t.store.layers.listInfluencers(demo.layers.organizationId, 20))?.items.length).toBeGreaterThanOrEqual(3);
    expect(await t.store.ayrshare.findProfile(demo.ayrshare.apiKey)).toEqual({ profileId: demo.ayrshare.profileId, deniedOperations: [] });
    for (const id of demo.ayrshare.postIds) expect(id).toMatch(/^[A-Za-z0-9]{20}$/);
    expect(await t.store.hoko.findKey(demo.hoko.apiKey)).toEqual({ workspaceId: demo.hoko.workspaceId, scopes: expect.arrayContaining(['linksWrite']) });
    expect(demo.hoko.partnerIds.length).toBeGreaterThan(0);
    // The demo account has queued posts to cancel.
    expect(await t.store.layers.revokeSocialAccount(demo.layers.organizationId, demo.layers.socialAccountId)).toMatchObject({ canceledScheduledPosts: 3 });
  });

  it('is idempotent: a second run gives the same data and adds no rows', async () => {
    const count = async () =>
      (await t.db.query<{ n: number }>(`SELECT (SELECT count(*) FROM layers_api_keys) + (SELECT count(*) FROM layers_influencers) + (SELECT count(*) FROM ayrshare_posts) + (SELECT count(*) FROM hoko_partners) AS n`)).rows[0]?.n;
    const first = await t.seedDemo();
    const rows = Number(await count());
    expect(await t.seedDemo()).toEqual(first);
    expect(Number(await count())).toBe(rows);
  });
});

describe('seedDemo with a persisted PGlite dataDir', () => {
  it('finds the same tenant after a restart, keeps what changed, and migrates nothing twice', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sandbox-store-'));
    try {
      const db1 = await openDatabase({ dataDir: dir });
      const first = await mountTestSandbox(db1);
      const demo = await first.seedDemo();
      await first.store.hoko.deletePartners(demo.hoko.workspaceId, [demo.hoko.partnerIds[0] as string]);
      await db1.close();

      const db2 = await openDatabase({ dataDir: dir });
      try {
        const { store, seedDemo } = await mountTestSandbox(db2);
        expect(await seedDemo()).toEqual(demo);
        expect(await store.layers.findKey(demo.layers.apiKey)).not.toBeNull();
        expect(await store.hoko.deletePartners(demo.hoko.workspaceId, [demo.hoko.partnerIds[0] as string])).toEqual({ kind: 'invalid', ids: [demo.hoko.partnerIds[0]] });
        const { rows } = await db2.query<{ n: number }>('SELECT count(*)::int AS n FROM schema_migrations');
        expect(rows[0]?.n).toBe((await sliceMigrations(slices)).length); // every migration once: the shared set's and each slice's
      } finally {
        await db2.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
