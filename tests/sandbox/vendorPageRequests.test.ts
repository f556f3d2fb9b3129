// The vendor pages' own requests (/work/shared/seeds/, copied here word for word but for the API
// key placeholder, which is the demo key) sent to a listening sandbox right after its demo seed:
// each answers what the page shows, with the page's ids and values (timestamps aside).
import { describe, expect, it } from 'vitest';
import type { ListeningSandbox } from '../../src/sandbox/http/createSandboxServer.js';
import { type Harness, useListeningHarness } from './http/harness.js';

let h: Harness;
let server: ListeningSandbox;
useListeningHarness((harness, listening) => {
  h = harness;
  server = listening;
});

const call = async (method: string, path: string, headers: Record<string, string>, body?: string) => {
  const r = await fetch(`${server.baseUrl}${path}`, { method, headers, ...(body === undefined ? {} : { body }) });
  return { status: r.status, body: (await r.json()) as Record<string, unknown> };
};

describe('Hoko, DELETE /api/partners (004)', () => {
  it('the 200 request: ["550e8400-e29b-41d4-a716-446655440000"] answers the page\'s deletedIds', async () => {
    const r = await call('DELETE', '/api/partners', { Authorization: `Bearer ${h.demo.hoko.apiKey}`, 'Content-Type': 'application/json' }, '[\n    "550e8400-e29b-41d4-a716-446655440000"\n  ]');
    expect(r).toEqual({ status: 200, body: { deletedIds: ['550e8400-e29b-41d4-a716-446655440000'] } });
  });

  it('the 400 request: ["invalid-id"] answers the page\'s bilingual error', async () => {
    const r = await call('DELETE', '/api/partners', { Authorization: `Bearer ${h.demo.hoko.apiKey}`, 'Content-Type': 'application/json' }, '[\n    "invalid-id"\n  ]');
    expect(r).toEqual({ status: 400, body: { error: { en: 'Invalid request', ar: 'طلب غير صالح' } } });
  });

  it('the 401 request (Bearer invalid_key, no body) and the 403 request of a key without linksWrite', async () => {
    expect(await call('DELETE', '/api/partners', { Authorization: 'Bearer invalid_key' })).toEqual({ status: 401, body: { error: { en: 'Invalid API key', ar: 'مفتاح API غير صالح' } } });
    expect(await call('DELETE', '/api/partners', { Authorization: `Bearer ${h.demo.hoko.readOnlyKey}` })).toEqual({
      status: 403,
      body: { error: { en: 'Missing required scopes', ar: 'الصلاحيات المطلوبة مفقودة' }, missingScopes: ['linksWrite'] },
    });
  });
});

describe('Layers, DELETE /v1/influencers/:influencerId (000)', () => {
  // The curl, TypeScript and Python examples: X-Api-Key, Content-Type: application/json, a reason each.
  const bodies = ['{ "reason": "Partner requested deletion." }', JSON.stringify({ reason: 'Customer requested removal.' }), JSON.stringify({ reason: 'No longer needed.' })];

  it.each(bodies)('the example request %s answers the page\'s 200, then a second one the page\'s 404', async (body) => {
    const influencerId = `inf_${(await h.store.layers.states.createInfluencer(h.demo.layers.organizationId, {})).id}`;
    const headers = { 'X-Api-Key': h.demo.layers.apiKey, 'Content-Type': 'application/json' };
    expect(await call('DELETE', `/v1/influencers/${influencerId}`, headers, body)).toEqual({
      status: 200,
      body: { influencerId, status: 'deleted', deletedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/) },
    });
    // "Not found in this org, or already deleted."
    expect(await call('DELETE', `/v1/influencers/${influencerId}`, headers, body)).toEqual({
      status: 404,
      body: { error: { code: 'NOT_FOUND', message: 'Influencer not found.', requestId: expect.stringMatching(/^req_/) } },
    });
  });
});

describe('Layers, PATCH /v1/influencers/:influencerId (001)', () => {
  it('the example request { "brandVoice": "casual", "language": "es-MX" } answers the full updated record, as the page\'s 200 shows', async () => {
    const influencerId = `inf_${(await h.store.layers.states.createInfluencer(h.demo.layers.organizationId, { name: 'Ava Chen', gender: 'female', ageRange: 'young_adult' })).id}`;
    const r = await call('PATCH', `/v1/influencers/${influencerId}`, { Authorization: `Bearer ${h.demo.layers.apiKey}`, 'Content-Type': 'application/json' }, '{ "brandVoice": "casual", "language": "es-MX" }');
    expect(r.status).toBe(200);
    expect(Object.keys(r.body).sort()).toEqual(['ageRange', 'brandVoice', 'createdAt', 'gender', 'influencerId', 'language', 'name', 'projectId', 'status', 'updatedAt']);
    expect(r.body).toMatchObject({ influencerId, name: 'Ava Chen', gender: 'female', ageRange: 'young_adult', brandVoice: 'casual', language: 'es-MX', status: 'ready' });
  });

  it('the page\'s 422: a gender out of its enum names gender in fieldErrors with "Invalid enum value"', async () => {
    const influencerId = `inf_${(await h.store.layers.states.createInfluencer(h.demo.layers.organizationId, {})).id}`;
    const r = await call('PATCH', `/v1/influencers/${influencerId}`, { Authorization: `Bearer ${h.demo.layers.apiKey}`, 'Content-Type': 'application/json' }, '{ "gender": "other" }');
    expect(r).toEqual({ status: 422, body: { error: { code: 'VALIDATION', message: 'Invalid body.', requestId: expect.stringMatching(/^req_/), details: { fieldErrors: { gender: ['Invalid enum value'] } } } } });
  });
});

describe('Layers, DELETE /v1/social-accounts/:socialAccountId (002)', () => {
  it('the example request revokes sa_9c1e42a0-… and cancels its 4 queued posts, as the page\'s 200 shows', async () => {
    const r = await call('DELETE', '/v1/social-accounts/sa_9c1e42a0-b7f3-4e5d-a2c1-8b4f5e6c7d8e', { Authorization: `Bearer ${h.demo.layers.apiKey}` });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({
      socialAccountId: 'sa_9c1e42a0-b7f3-4e5d-a2c1-8b4f5e6c7d8e',
      status: 'disconnected',
      disconnectedReason: 'revoked_by_partner',
      canceledScheduledPosts: 4,
      disconnectedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/),
    });
    // "Account not in your organization, or already disconnected": 404.
    expect((await call('DELETE', '/v1/social-accounts/sa_9c1e42a0-b7f3-4e5d-a2c1-8b4f5e6c7d8e', { Authorization: `Bearer ${h.demo.layers.apiKey}` })).body).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });
});

describe('Ayrshare, DELETE /api/post (003)', () => {
  const auth = () => ({ Authorization: `Bearer ${h.demo.ayrshare.apiKey}`, 'Content-Type': 'application/json' });
  const x = { 'X-Twitter-OAuth1-Api-Key': 'X_CONSUMER_KEY', 'X-Twitter-OAuth1-Api-Secret': 'X_CONSUMER_SECRET' };

  it('the PHP example\'s post 7NFVK0QIXET5rCUS9tmf (with the X headers the page requires) answers the page\'s "200: Success"', async () => {
    const r = await call('DELETE', '/api/post', { ...auth(), ...x }, JSON.stringify({ id: '7NFVK0QIXET5rCUS9tmf' }));
    expect(r).toEqual({
      status: 200,
      body: {
        twitter: { action: 'delete', status: 'success', id: '1288900099663775749' },
        facebook: { action: 'delete', status: 'success', id: '104920007983682_108683297607743' },
        status: 'success',
      },
    });
  });

  it('p8Ee6xDPx8PRxsjtDXf3: markManualDeleted answers the page\'s 200, then a delete the page\'s 383', async () => {
    expect(await call('DELETE', '/api/post', auth(), JSON.stringify({ id: 'p8Ee6xDPx8PRxsjtDXf3', markManualDeleted: true }))).toEqual({ status: 200, body: { status: 'success', id: 'p8Ee6xDPx8PRxsjtDXf3' } });
    expect(await call('DELETE', '/api/post', auth(), JSON.stringify({ id: 'p8Ee6xDPx8PRxsjtDXf3' }))).toEqual({
      status: 400,
      body: { action: 'delete', status: 'error', code: 383, message: 'The post is already deleted.', id: 'p8Ee6xDPx8PRxsjtDXf3' },
    });
  });

  it('DD3fA2DC4qe2T48hSdgs, still live at its network: markManualDeleted answers the page\'s 382', async () => {
    const r = await call('DELETE', '/api/post', auth(), JSON.stringify({ id: 'DD3fA2DC4qe2T48hSdgs', markManualDeleted: true }));
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ action: 'delete', status: 'error', code: 382, id: 'DD3fA2DC4qe2T48hSdgs', markManualDeleted: true });
  });

  it('IdpUOyihLEpIx0d0N9mI and the placeholder "Post ID" are no posts: the page\'s 114', async () => {
    for (const id of ['IdpUOyihLEpIx0d0N9mI', 'Post ID']) {
      expect(await call('DELETE', '/api/post', auth(), JSON.stringify({ id }))).toEqual({ status: 400, body: { action: 'delete', status: 'error', code: 114, message: 'Delete id not found.', id } });
    }
  });
});

// The value classes the pages imply, beyond their literal examples: the same requests as a client
// may spell them.
describe('the pages\' values as clients spell them', () => {
  const layersInfluencer = async () => `inf_${(await h.store.layers.states.createInfluencer(h.demo.layers.organizationId, {})).id}`;
  const astral = '\u{1F600}';

  it('Layers delete (000): an empty body with the curl example\'s Content-Type: application/json is accepted', async () => {
    const r = await call('DELETE', `/v1/influencers/${await layersInfluencer()}`, { 'X-Api-Key': h.demo.layers.apiKey, 'Content-Type': 'application/json' }, '');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ status: 'deleted' });
  });

  it('Layers: the bearer scheme in any letter case (RFC 9110: auth-schemes are case-insensitive)', async () => {
    for (const scheme of ['bearer', 'BEARER']) {
      expect((await call('DELETE', `/v1/influencers/${await layersInfluencer()}`, { Authorization: `${scheme} ${h.demo.layers.apiKey}` })).status, scheme).toBe(200);
    }
  });

  it('Layers: reason (max 1024) and name (1-128) count characters, so astral ones reach the edge too', async () => {
    const del = (reason: string) => layersInfluencer().then((id) => call('DELETE', `/v1/influencers/${id}`, { Authorization: `Bearer ${h.demo.layers.apiKey}`, 'Content-Type': 'application/json' }, JSON.stringify({ reason })));
    expect((await del(astral.repeat(1024))).status).toBe(200);
    expect(await del(astral.repeat(1025))).toMatchObject({ status: 422, body: { error: { code: 'VALIDATION', details: { fieldErrors: { reason: [expect.any(String)] } } } } });
    const id = await layersInfluencer();
    const patch = (name: string) => call('PATCH', `/v1/influencers/${id}`, { Authorization: `Bearer ${h.demo.layers.apiKey}`, 'Content-Type': 'application/json' }, JSON.stringify({ name }));
    expect(await patch(astral.repeat(128))).toMatchObject({ status: 200, body: { name: astral.repeat(128) } });
    expect(await patch(astral.repeat(129))).toMatchObject({ status: 422, body: { error: { details: { fieldErrors: { name: [expect.any(String)] } } } } });
  });

  it('Layers: a path uuid in upper case names the same influencer (uuids are case-insensitive on input)', async () => {
    const id = await layersInfluencer();
    for (const path of [`inf_${id.slice(4).toUpperCase()}`, id.slice(4).toUpperCase()]) {
      expect(await call('GET', `/v1/influencers/${path}`, { Authorization: `Bearer ${h.demo.layers.apiKey}` }), path).toMatchObject({ status: 200, body: { influencerId: id } });
    }
  });

  it('Hoko (004): a partner uuid in upper case deletes that partner', async () => {
    const [id] = (await h.store.hoko.states.createPartners(h.demo.hoko.workspaceId, 1)).ids;
    const r = await call('DELETE', '/api/partners', { Authorization: `Bearer ${h.demo.hoko.apiKey}`, 'Content-Type': 'application/json' }, JSON.stringify([String(id).toUpperCase()]));
    expect(r).toEqual({ status: 200, body: { deletedIds: [String(id).toUpperCase()] } });
  });

  it('Ayrshare (003): the C# example\'s body and Content-Type (charset=utf-8) are read, so "Post ID" is the page\'s 114', async () => {
    const r = await call('DELETE', '/api/post', { Authorization: `Bearer ${h.demo.ayrshare.apiKey}`, 'Content-Type': 'application/json; charset=utf-8' }, '{"id" : "Post ID"}');
    expect(r).toMatchObject({ status: 400, body: { code: 114, message: 'Delete id not found.', id: 'Post ID' } });
  });
});
