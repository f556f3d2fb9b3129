import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAyrshareProfile, createHokoWorkspace, createOrganization, engineName, openTestDatabase } from '../support/sandboxDatabase.js';
import type { TestDatabase } from '../support/sandboxDatabase.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase();
});
afterAll(async () => {
  await t?.close();
});

const exists = async (table: string, column: string, ids: string[]) =>
  (await t.db.query<{ id: string }>(`SELECT ${column} AS id FROM ${table} WHERE ${column}::text = ANY($1::text[]) ORDER BY 1`, [ids])).rows.map((r) => r.id);

describe(`States store on ${engineName}`, () => {
  it('creates an influencer with the fields given (ageRange null kept) and defaults for the rest', async () => {
    const org = await createOrganization(t.db);
    const a = await t.store.layers.states.createInfluencer(org.organizationId, { name: 'Ava Chen', ageRange: null });
    const b = await t.store.layers.states.createInfluencer(org.organizationId, {});
    expect(await t.store.layers.getInfluencer(org.organizationId, a.id)).toMatchObject({ name: 'Ava Chen', ageRange: null, gender: 'female', language: 'en', status: 'ready' });
    const rowB = await t.store.layers.getInfluencer(org.organizationId, b.id);
    expect(rowB?.ageRange).not.toBeNull();
    expect(rowB?.projectId).toBe((await t.store.layers.getInfluencer(org.organizationId, a.id))?.projectId);
  });

  it('creates a connected social account with the number of queued posts asked for', async () => {
    const org = await createOrganization(t.db);
    const { id } = await t.store.layers.states.createSocialAccount(org.organizationId, 5);
    const { rows } = await t.db.query<{ status: string; token: string | null; queued: number }>(
      `SELECT a.status, a.token, (SELECT count(*)::int FROM layers_scheduled_posts p WHERE p.social_account_id = a.id AND p.status = 'queued') AS queued
         FROM layers_social_accounts a WHERE a.id = $1`,
      [id],
    );
    expect(rows[0]).toEqual({ status: 'connected', token: expect.stringMatching(/^tok_/), queued: 5 });
  });

  it('returns the same other organization every time, distinct from the caller\'s', async () => {
    const org = await createOrganization(t.db);
    const [first, second] = await Promise.all([t.store.layers.states.otherOrganization(), t.store.layers.states.otherOrganization()]);
    expect(first).toBe(second);
    expect(first).not.toBe(org.organizationId);
    const { id } = await t.store.layers.states.createSocialAccount(first as string, 1);
    expect(await t.store.layers.revokeSocialAccount(org.organizationId, id)).toBeNull();
  });

  it('creates a Layers key with exactly the scopes given', async () => {
    const org = await createOrganization(t.db);
    const { keyId, apiKey } = await t.store.layers.states.createLayersKey(org.organizationId, ['influencers:write']);
    expect(apiKey).toMatch(/^lp_test_[A-Za-z0-9]{32}$/);
    expect(await t.store.layers.findKey(apiKey)).toEqual({ keyId, organizationId: org.organizationId, scopes: ['influencers:write'], killSwitch: null });
  });

  it('creates partners in the workspace', async () => {
    const { workspaceId } = await createHokoWorkspace(t.db);
    const { ids } = await t.store.hoko.states.createPartners(workspaceId, 3);
    expect(new Set(ids).size).toBe(3);
    expect(await exists('hoko_partners', 'id', ids)).toEqual([...ids].sort());
  });

  it('teardown removes exactly the rows it is given, of the kind it is given', async () => {
    const org = await createOrganization(t.db);
    const inf = [await t.store.layers.states.createInfluencer(org.organizationId, {}), await t.store.layers.states.createInfluencer(org.organizationId, {})].map((r) => r.id);
    const accounts = [await t.store.layers.states.createSocialAccount(org.organizationId, 2), await t.store.layers.states.createSocialAccount(org.organizationId, 1)].map((r) => r.id);
    const keys = [await t.store.layers.states.createLayersKey(org.organizationId, []), await t.store.layers.states.createLayersKey(org.organizationId, [])].map((r) => r.keyId);
    const { profileId } = await createAyrshareProfile(t.db);
    const posts = await t.store.ayrshare.states.createPosts(profileId, 1, 2);
    const { workspaceId } = await createHokoWorkspace(t.db);
    const partners = (await t.store.hoko.states.createPartners(workspaceId, 3)).ids;

    await t.store.layers.states.teardown('influencer', [inf[0] as string, 'not-a-uuid']);
    await t.store.layers.states.teardown('socialAccount', [accounts[0] as string]);
    await t.store.layers.states.teardown('layersKey', [keys[0] as string]);
    await t.store.ayrshare.states.teardown([posts.pendingIds[0] as string, posts.publishedIds[0] as string]);
    await t.store.hoko.states.teardown(partners.slice(0, 2));
    // Each slice's teardown names its own table: an influencer id given as partners removes nothing.
    await t.store.hoko.states.teardown([inf[1] as string]);

    expect(await exists('layers_influencers', 'id', inf)).toEqual([inf[1]]);
    expect(await exists('layers_social_accounts', 'id', accounts)).toEqual([accounts[1]]);
    expect(await exists('layers_scheduled_posts', 'social_account_id', accounts)).toEqual([accounts[1]]);
    expect(await exists('layers_api_keys', 'id', keys)).toEqual([keys[1]]);
    expect(await exists('ayrshare_posts', 'id', [...posts.pendingIds, ...posts.publishedIds])).toEqual([posts.publishedIds[1]]);
    expect(await exists('hoko_partners', 'id', partners)).toEqual([partners[2]]);
    expect(await exists('layers_organizations', 'id', [org.organizationId])).toEqual([org.organizationId]);
  });
});
