// POST /__states: the suite's provider-state protocol, validated against its JSON Schema, and only on loopback.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openHarnessDatabase, type Harness, type HarnessDatabase } from './harness.js';

let hdb: HarnessDatabase;
beforeAll(async () => {
  hdb = await openHarnessDatabase();
});
afterAll(async () => {
  await hdb?.close();
});
const createHarness = (options?: Parameters<HarnessDatabase['harness']>[0]) => hdb.harness(options);

const post = (h: Harness, body: unknown, remoteAddress?: string) =>
  h.send('POST', '/__states', { body, ...(remoteAddress ? { remoteAddress } : {}) });

describe('provider states', () => {
  it('sets up every state in the demo tenant and tears down exactly what it created', async () => {
    const h = await createHarness({ providerStates: true });
    const { organizationId } = h.demo.layers;

    const inf = await post(h, { action: 'setup', api: 'layers', state: 'influencer exists', params: { name: 'Ava Chen', ageRange: null } });
    expect(inf.status).toBe(200);
    expect(inf.body.data.influencerId).toMatch(/^inf_[0-9a-f-]{36}$/);
    const bare = inf.body.data.influencerId.slice(4);
    expect(await h.store.layers.getInfluencer(organizationId, bare)).toMatchObject({ name: 'Ava Chen', ageRange: null });

    const sa = await post(h, { action: 'setup', api: 'layers', state: 'social account exists', params: { queuedPosts: 3 } });
    expect(sa.body.data.socialAccountId).toMatch(/^sa_/);
    const account = async (id: string) =>
      (await h.db.query<{ organization_id: string; queued: number }>(
        `SELECT organization_id, (SELECT count(*)::int FROM layers_scheduled_posts WHERE social_account_id = a.id AND status = 'queued') AS queued FROM layers_social_accounts a WHERE id = $1`,
        [id],
      )).rows[0];
    expect(await account(sa.body.data.socialAccountId.slice(3))).toEqual({ organization_id: organizationId, queued: 3 });

    const other = await post(h, { action: 'setup', api: 'layers', state: 'social account exists in another organization', params: {} });
    expect((await account(other.body.data.socialAccountId.slice(3)))?.organization_id).toBe(await h.store.layers.states.otherOrganization());

    const key = await post(h, { action: 'setup', api: 'layers', state: 'api key without scope', params: { scope: 'social:write' } });
    const found = await h.store.layers.findKey(key.body.data.apiKey);
    expect(found).toMatchObject({ organizationId, scopes: ['influencers:read', 'influencers:write'] }); // every scope of the document but the one named

    const posts = await post(h, { action: 'setup', api: 'ayrshare', state: 'posts exist', params: { pending: 1, published: 2 } });
    expect(posts.body.data.pendingIds).toHaveLength(1);
    expect(posts.body.data.publishedIds).toHaveLength(2);

    const partners = await post(h, { action: 'setup', api: 'hoko', state: 'partners exist', params: { count: 4 } });
    expect(partners.body.data.partnerIds).toHaveLength(4);

    const hokoKey = await post(h, { action: 'setup', api: 'hoko', state: 'api key without scope', params: { scope: 'linksWrite' } });
    expect(await h.store.hoko.findKey(hokoKey.body.data.apiKey)).toEqual({ workspaceId: h.demo.hoko.workspaceId, scopes: [] });

    for (const [state, api, r, params] of [
      ['influencer exists', 'layers', inf, {}],
      ['social account exists', 'layers', sa, { queuedPosts: 3 }],
      ['api key without scope', 'layers', key, { scope: 'social:write' }],
      ['posts exist', 'ayrshare', posts, { pending: 1, published: 2 }],
      ['partners exist', 'hoko', partners, { count: 4 }],
      ['api key without scope', 'hoko', hokoKey, { scope: 'linksWrite' }],
    ] as const) {
      const t = await post(h, { action: 'teardown', api, state, params, data: r.body.data });
      expect(t.status).toBe(204);
    }
    const left = async (table: string, ids: string[]) => (await h.db.query(`SELECT id FROM ${table} WHERE id::text = ANY($1::text[])`, [ids])).rows;
    expect(await left('layers_influencers', [bare])).toEqual([]);
    expect(await left('layers_social_accounts', [sa.body.data.socialAccountId.slice(3)])).toEqual([]);
    expect(await left('layers_api_keys', [key.body.data.keyId])).toEqual([]);
    expect(await left('ayrshare_posts', [...posts.body.data.pendingIds, ...posts.body.data.publishedIds])).toEqual([]);
    expect(await left('hoko_partners', partners.body.data.partnerIds)).toEqual([]);
    // What a setup did not create is left alone.
    expect(await left('layers_social_accounts', [other.body.data.socialAccountId.slice(3)])).toHaveLength(1);
    expect(await h.store.layers.findKey(key.body.data.apiKey)).toBeNull();
  });

  it.each([
    ['not JSON', '{'],
    ['an unknown action', { action: 'reset', api: 'hoko', state: 'partners exist', params: {} }],
    ['an unknown state', { action: 'setup', api: 'hoko', state: 'world exists', params: {} }],
    ['a state of another API', { action: 'setup', api: 'hoko', state: 'posts exist', params: { pending: 1, published: 1 } }],
    ['params against the state schema', { action: 'setup', api: 'hoko', state: 'partners exist', params: { count: 10_001 } }],
    ['influencer fields the Layers document rejects', { action: 'setup', api: 'layers', state: 'influencer exists', params: { gender: 'robot' } }],
    ['a missing required param', { action: 'setup', api: 'layers', state: 'social account exists', params: {} }],
    ['a teardown without data', { action: 'teardown', api: 'hoko', state: 'partners exist', params: { count: 1 } }],
    ['a teardown whose data lacks the ids', { action: 'teardown', api: 'hoko', state: 'partners exist', params: { count: 1 }, data: {} }],
  ])('answers 400 to %s', async (_, body) => {
    const h = await createHarness({ providerStates: true });
    const r = await post(h, body);
    expect(r.status).toBe(400);
    expect(typeof r.body.error).toBe('string');
  });

  it('takes POST only', async () => {
    const h = await createHarness({ providerStates: true });
    expect((await h.send('GET', '/__states')).status).toBe(405);
  });

  it('is not served to a peer that is not on loopback', async () => {
    const h = await createHarness({ providerStates: true });
    expect((await post(h, { action: 'setup', api: 'hoko', state: 'partners exist', params: { count: 1 } }, '192.168.1.20')).status).toBe(404);
    expect((await post(h, { action: 'setup', api: 'hoko', state: 'partners exist', params: { count: 1 } }, '::ffff:127.0.0.1')).status).toBe(200);
  });

  it('refuses to listen on a non-loopback address when enabled', async () => {
    const h = await createHarness({ providerStates: true });
    await expect(h.sandbox.listen(0, '0.0.0.0')).rejects.toThrow(/loopback/);
    const off = await createHarness();
    const listening = await off.sandbox.listen(0, '0.0.0.0');
    await listening.close();
  });
});
