// POST /__states: the suite's provider-state protocol, validated against its JSON Schema, and only on loopback.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProviderStateProtocol } from '../../../src/core/providerStates/protocol.js';
import { createProviderStates } from '../../../src/sandbox/http/providerStates.js';
import type { ProviderState } from '../../../src/sandbox/slice.js';
import { registry } from '../../support/sandboxDatabase.js';
import { openHarnessDatabase, request, type Harness, type HarnessDatabase } from './harness.js';

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
    ['params against the state schema', { action: 'setup', api: 'hoko', state: 'partners exist', params: { count: 20_001 } }],
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

describe('a teardown deletes only what a setup of this server created', () => {
  const rows = async (h: Harness, table: string, ids: string[]) => (await h.db.query(`SELECT id FROM ${table} WHERE id::text = ANY($1::text[])`, [ids])).rows.length;

  it("refuses another tenant's ids and the demo data's ids, and deletes nothing", async () => {
    const h = await createHarness({ providerStates: true });
    // Another workspace's partners, made through the store (no setup of this server answered them).
    const other = await h.db.query<{ id: string }>(`INSERT INTO hoko_workspaces (slug, name) VALUES ('someone-else', 'Someone else') RETURNING id`);
    const foreign = (await h.store.hoko.states.createPartners(other.rows[0]!.id, 2)).ids;
    const demoPartners = (await h.db.query<{ id: string }>('SELECT id::text FROM hoko_partners WHERE workspace_id = $1', [h.demo.hoko.workspaceId])).rows.map((r) => r.id);
    const demoPosts = (await h.db.query<{ id: string }>('SELECT id FROM ayrshare_posts WHERE profile_id = $1', [h.demo.ayrshare.profileId])).rows.map((r) => r.id);
    expect(demoPartners.length).toBeGreaterThan(0);
    expect(demoPosts.length).toBeGreaterThan(0);

    for (const [api, state, params, data, table, ids] of [
      ['hoko', 'partners exist', { count: 1 }, { partnerIds: demoPartners }, 'hoko_partners', demoPartners],
      ['hoko', 'partners exist', { count: 1 }, { partnerIds: foreign }, 'hoko_partners', foreign],
      ['ayrshare', 'posts exist', { pending: 1, published: 0 }, { pendingIds: demoPosts, publishedIds: [] }, 'ayrshare_posts', demoPosts],
      ['layers', 'influencer exists', {}, { influencerId: h.demo.layers.influencerId }, 'layers_influencers', [h.demo.layers.influencerId.replace(/^inf_/, '')]],
    ] as const) {
      const before = await rows(h, table, [...ids]);
      const r = await post(h, { action: 'teardown', api, state, params, data });
      expect(r.status, JSON.stringify(r.body)).toBe(400);
      expect(r.body.error).toMatch(/nothing was deleted/);
      expect(await rows(h, table, [...ids])).toBe(before);
    }
  });

  it('refuses a teardown that adds an id to what the setup answered, and one of data already torn down', async () => {
    const h = await createHarness({ providerStates: true });
    const demoPartner = (await h.db.query<{ id: string }>('SELECT id::text FROM hoko_partners WHERE workspace_id = $1 LIMIT 1', [h.demo.hoko.workspaceId])).rows[0]!.id;
    const setup = await post(h, { action: 'setup', api: 'hoko', state: 'partners exist', params: { count: 2 } });
    const widened = { partnerIds: [...setup.body.data.partnerIds, demoPartner] };
    expect((await post(h, { action: 'teardown', api: 'hoko', state: 'partners exist', params: { count: 2 }, data: widened })).status).toBe(400);
    expect(await rows(h, 'hoko_partners', [demoPartner, ...setup.body.data.partnerIds])).toBe(3);
    expect((await post(h, { action: 'teardown', api: 'hoko', state: 'partners exist', params: { count: 2 }, data: setup.body.data })).status).toBe(204);
    expect(await rows(h, 'hoko_partners', setup.body.data.partnerIds)).toBe(0);
    expect((await post(h, { action: 'teardown', api: 'hoko', state: 'partners exist', params: { count: 2 }, data: setup.body.data })).status).toBe(400);
    expect(await rows(h, 'hoko_partners', [demoPartner])).toBe(1);
  });

  it.each([
    ['hoko', 'partners exist', { count: 20_001 }, 'count'],
    ['ayrshare', 'posts exist', { pending: 1001, published: 0 }, 'pending'],
    ['ayrshare', 'posts exist', { pending: 0, published: 1001 }, 'published'],
    ['layers', 'social account exists', { queuedPosts: 1001 }, 'queuedPosts'],
  ])('%s %s: a count over its documented maximum is a 400 naming it (%j)', async (api, state, params, field) => {
    const h = await createHarness({ providerStates: true });
    const r = await post(h, { action: 'setup', api, state, params });
    expect(r.status).toBe(400);
    expect(r.body.error).toContain(field);
  });

  it('a member name given twice is a 400 naming it, and nothing is set up (JSON.parse would take the last)', async () => {
    const h = await createHarness({ providerStates: true });
    const before = (await h.db.query<{ n: number }>('SELECT count(*)::int AS n FROM layers_influencers')).rows[0]!.n;
    for (const text of ['{"action":"setup","api":"layers","state":"influencer exists","params":{"name":"A","name":"B"}}', '{"action":"teardown","action":"setup","api":"layers","state":"influencer exists","params":{}}']) {
      const r = await h.send('POST', '/__states', { body: text });
      expect(r.status, text).toBe(400);
      expect(r.body.error).toMatch(/given twice/);
    }
    expect((await h.db.query<{ n: number }>('SELECT count(*)::int AS n FROM layers_influencers')).rows[0]!.n).toBe(before);
  });

  it('malformed JSON is told in the sandbox\'s own words, never quoting the body back as the parser does', async () => {
    const h = await createHarness({ providerStates: true });
    const r = await h.send('POST', '/__states', { body: '{"action":"setup","params":{"apiKey":"secret-token-123",,}}' });
    expect(r.status).toBe(400);
    expect(r.body.error).toMatch(/^malformed JSON at line 1, column \d+$/);
    expect(JSON.stringify(r.body)).not.toMatch(/secret-token|is not valid JSON|in JSON at position/);
  });

  it('a NUL character in a param is a 400 naming it, before it reaches the database', async () => {
    const h = await createHarness({ providerStates: true });
    const r = await post(h, { action: 'setup', api: 'layers', state: 'influencer exists', params: { name: 'Ava\u0000Chen' } });
    expect(r.status).toBe(400);
    expect(r.body.error).toMatch(/params\.name must not contain the NUL/);
    expect(h.logs).toEqual([]);
  });

  it('so is an unpaired surrogate, which the API bodies refuse too (UTF-8 cannot encode it)', async () => {
    const h = await createHarness({ providerStates: true });
    const r = await h.send('POST', '/__states', { headers: { 'Content-Type': 'application/json' }, body: '{"action":"setup","api":"layers","state":"influencer exists","params":{"name":"Ava\\ud800"}}' });
    expect(r.status).toBe(400);
    expect(r.body.error).toMatch(/params\.name must not contain an unpaired surrogate/);
  });
});

describe("Layers 'social account exists' with the influencer its queued posts carry", () => {
  it('sets the posts up on that influencer, and an influencer of no organization of the key is a 400 that sets nothing up', async () => {
    const h = await createHarness({ providerStates: true });
    const influencer = await post(h, { action: 'setup', api: 'layers', state: 'influencer exists', params: {} });
    const influencerId = (influencer.body.data as { influencerId: string }).influencerId;
    const account = await post(h, { action: 'setup', api: 'layers', state: 'social account exists', params: { queuedPosts: 2, influencerId } });
    expect(account.status, JSON.stringify(account.body)).toBe(200);
    const socialAccountId = (account.body.data as { socialAccountId: string }).socialAccountId.replace(/^sa_/, '');
    const posts = await h.db.query<{ influencer_id: string }>('SELECT influencer_id::text FROM layers_scheduled_posts WHERE social_account_id = $1', [socialAccountId]);
    expect(posts.rows).toEqual([{ influencer_id: influencerId.replace(/^inf_/, '') }, { influencer_id: influencerId.replace(/^inf_/, '') }]);
    const foreign = await h.store.layers.states.createInfluencer(await h.store.layers.states.otherOrganization(), {});
    const before = (await h.db.query('SELECT id FROM layers_social_accounts')).rows.length;
    for (const bad of [`inf_${foreign.id}`, 'inf_not-a-uuid']) {
      const r = await post(h, { action: 'setup', api: 'layers', state: 'social account exists', params: { queuedPosts: 1, influencerId: bad } });
      expect(r.status, JSON.stringify(r.body)).toBe(400);
      expect(JSON.stringify(r.body)).toMatch(/influencerId/);
    }
    expect((await h.db.query('SELECT id FROM layers_social_accounts')).rows.length).toBe(before);
  });
});

describe('a state that fails inside', () => {
  it('answers 500 with a fixed message; the database text goes to the log only', async () => {
    const protocol = loadProviderStateProtocol(registry);
    const failing: ProviderState = {
      setup: () => Promise.reject(new Error('relation "hoko_partners" does not exist')),
      teardown: () => Promise.reject(new Error('relation "hoko_partners" does not exist')),
    };
    const table = Object.fromEntries(registry.apis.map((a) => [a.name, Object.fromEntries(protocol.states(a.name).map((s) => [s, failing]))]));
    const logs: string[] = [];
    const states = createProviderStates(protocol, table, (l) => logs.push(l));
    const r = await states(request('POST', '/__states', { body: { action: 'setup', api: 'hoko', state: 'partners exist', params: { count: 1 } } }));
    expect(r.status).toBe(500);
    expect(JSON.stringify(r.body)).not.toMatch(/relation|hoko_partners/);
    expect(r.body).toEqual({ error: "the setup of 'partners exist' failed inside the sandbox; the details are in its log" });
    expect(logs.join('\n')).toMatch(/relation "hoko_partners" does not exist/);
  });
});
