// The Layers slice of the sandbox over the real store (PGlite): the answer order, envelopes valid against the
// document (checked on every response by the harness), fieldErrors keys, ids, 404-not-403, idempotency.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createOrganization } from '../../../support/sandboxDatabase.js';
import { bearer, openHarnessDatabase, type Harness, type HarnessDatabase } from '../../http/harness.js';

let hdb: HarnessDatabase;
beforeAll(async () => {
  hdb = await openHarnessDatabase();
});
afterAll(async () => {
  await hdb?.close();
});
const createHarness = (options?: Parameters<HarnessDatabase['harness']>[0]) => hdb.harness(options);

let h: Harness;
let key: string;
beforeEach(async () => {
  h = await createHarness();
  key = h.demo.layers.apiKey;
});

const influencerPath = (id: string) => `/v1/influencers/${id}`;
const accountPath = (id: string) => `/v1/social-accounts/sa_${id}`;

describe('authentication', () => {
  it('accepts the key as a bearer token or as X-Api-Key', async () => {
    expect((await h.send('GET', '/v1/influencers', { headers: bearer(key) })).status).toBe(200);
    expect((await h.send('GET', '/v1/influencers', { headers: { 'X-Api-Key': key } })).status).toBe(200);
  });

  it.each([
    ['no credentials', {}],
    ['an unknown bearer key', bearer('lp_nope')],
    ['an unknown X-Api-Key', { 'X-Api-Key': 'lp_nope' }],
    ['a Basic Authorization header', { Authorization: 'Basic bm90LWEta2V5' }],
  ])('answers 401 UNAUTHENTICATED to %s, with a req_ requestId', async (_, headers) => {
    const r = await h.send('GET', '/v1/influencers', { headers });
    expect(r.status).toBe(401);
    expect(r.body.error.code).toBe('UNAUTHENTICATED');
    expect(r.body.error.requestId).toMatch(/^req_[A-Za-z0-9_-]+$/);
    expect(r.headers?.['X-Request-Id']).toBe(r.body.error.requestId);
  });
});

describe('the order of the checks: 401 → 503 → 429 → 403 → 400 → 422 → 404', () => {
  // A request that breaks every later rule at once: read-only key, malformed id, malformed body.
  const everythingWrong = (apiKey: string) => h.send('PATCH', influencerPath('not-an-id'), { headers: bearer(apiKey), body: '{"broken' });

  it('401 first, whatever else is wrong', async () => {
    expect((await everythingWrong('lp_unknown')).status).toBe(401);
  });

  it('then the kill switch, 503 with details.scope (key, organization, global)', async () => {
    const k = (await h.store.layers.findKey(h.demo.layers.readOnlyKey))!;
    try {
      await h.store.layers.setKillSwitch('global', null, true);
      expect((await everythingWrong(h.demo.layers.readOnlyKey)).body.error).toMatchObject({ code: 'KILL_SWITCH', details: { scope: 'global' } });
      await h.store.layers.setKillSwitch('organization', k.organizationId, true);
      expect((await everythingWrong(h.demo.layers.readOnlyKey)).body.error.details.scope).toBe('organization');
      await h.store.layers.setKillSwitch('key', k.keyId, true);
      const r = await everythingWrong(h.demo.layers.readOnlyKey);
      expect(r.status).toBe(503);
      expect(r.body.error.details.scope).toBe('key');
    } finally {
      // One database per file: switch everything back on for the other tests.
      await h.store.layers.setKillSwitch('key', k.keyId, false);
      await h.store.layers.setKillSwitch('organization', k.organizationId, false);
      await h.store.layers.setKillSwitch('global', null, false);
    }
  });

  it('then the rate limit, 429 with Retry-After', async () => {
    h = await createHarness({ rateLimit: { capacity: 2, refillPerSecond: 0.5 } });
    const readOnly = h.demo.layers.readOnlyKey;
    await everythingWrong(readOnly);
    await everythingWrong(readOnly);
    const r = await everythingWrong(readOnly);
    expect(r.status).toBe(429);
    expect(r.body.error.code).toBe('RATE_LIMITED');
    expect(Number(r.headers?.['Retry-After'])).toBeGreaterThanOrEqual(1);
    // The budget is per key: another key is not limited.
    expect((await h.send('GET', '/v1/influencers', { headers: bearer(h.demo.layers.apiKey) })).status).toBe(200);
  });

  it('then the scope named by the operation, 403 FORBIDDEN_SCOPE with details.requiredScope', async () => {
    const r = await everythingWrong(h.demo.layers.readOnlyKey);
    expect(r.status).toBe(403);
    expect(r.body.error).toMatchObject({ code: 'FORBIDDEN_SCOPE', details: { requiredScope: 'influencers:write' } });
    const revoke = await h.send('DELETE', accountPath(randomUUID()), { headers: bearer(h.demo.layers.readOnlyKey) });
    expect(revoke.body.error.details.requiredScope).toBe('social:write');
  });

  it('then the path (400), before the body (422)', async () => {
    const r = await everythingWrong(key);
    expect(r.status).toBe(400);
    expect(r.body.error.details.fieldErrors).toHaveProperty('influencerId');
  });

  it('then the body (422), before looking the influencer up (404)', async () => {
    const r = await h.send('PATCH', influencerPath(randomUUID()), { headers: bearer(key), body: '{"broken' });
    expect(r.status).toBe(422);
    expect(Object.keys(r.body.error.details.fieldErrors)).toEqual(['body']);
    expect((await h.send('PATCH', influencerPath(randomUUID()), { headers: bearer(key), body: { name: 'x' } })).status).toBe(404);
  });
});

describe('validation: 400 for path and query, 422 for the body, fieldErrors keyed by the field', () => {
  it.each([
    ['limit', { limit: '101' }],
    ['limit', { limit: '0' }],
    ['limit', { limit: 'abc' }],
    ['limit', { limit: '1.5' }],
    ['limit', { limit: ['5', '6'] }],
    ['cursor', { cursor: 'not-a-cursor-we-issued' }],
  ])('query %s %j → 400', async (field, query) => {
    const r = await h.send('GET', '/v1/influencers', { headers: bearer(key), query });
    expect(r.status).toBe(400);
    expect(Object.keys(r.body.error.details.fieldErrors)).toEqual([field]);
  });

  it('coerces an integer query string and applies the documented default limit', async () => {
    for (let i = 0; i < 25; i++) await h.store.layers.states.createInfluencer(h.demo.layers.organizationId, {});
    expect((await h.send('GET', '/v1/influencers', { headers: bearer(key), query: { limit: '3' } })).body.items).toHaveLength(3);
    expect((await h.send('GET', '/v1/influencers', { headers: bearer(key) })).body.items).toHaveLength(20);
  });

  it.each(['!', 'inf_', 'sa_4a8e1bc2-5d3f-4b6a-9c7e-1f2a3b4c5d6e', 'inf_4a8e1bc2-5d3f-4b6a-9c7e-1f2a3b4c5d6'])('a malformed influencerId %j → 400 naming influencerId', async (id) => {
    for (const method of ['GET', 'PATCH', 'DELETE']) {
      const r = await h.send(method, influencerPath(encodeURIComponent(id)), { headers: bearer(key), body: { name: 'x' } });
      expect(r.status).toBe(400);
      expect(r.body.error.details.fieldErrors).toHaveProperty('influencerId');
    }
  });

  it('a bare uuid socialAccountId is malformed (sa_<uuid> only) → 400', async () => {
    const r = await h.send('DELETE', `/v1/social-accounts/${h.demo.layers.socialAccountId}`, { headers: bearer(key) });
    expect(r.status).toBe(400);
    expect(r.body.error.details.fieldErrors).toHaveProperty('socialAccountId');
  });

  it('an Idempotency-Key longer than 255 characters → 400 naming the header', async () => {
    const r = await h.send('DELETE', accountPath(h.demo.layers.socialAccountId), { headers: { ...bearer(key), 'Idempotency-Key': 'k'.repeat(256) } });
    expect(r.status).toBe(400);
    expect(r.body.error.details.fieldErrors).toHaveProperty('Idempotency-Key');
  });

  it.each([
    [{ gender: null }, ['gender']],
    [{ gender: 'robot' }, ['gender']],
    [{ nickname: 'x' }, ['nickname']],
    [{ name: '' }, ['name']],
    [{ language: 'english' }, ['language']],
    [{ ageRange: 5, brandVoice: 'sarcastic' }, ['ageRange', 'brandVoice']],
    [{}, ['body']],
    [[], ['body']],
    [null, ['body']],
    ['{"unterminated": ', ['body']],
  ])('PATCH body %j → 422 with fieldErrors %j', async (body, fields) => {
    const r = await h.send('PATCH', influencerPath(`inf_${h.demo.layers.influencerId}`), { headers: bearer(key), body: typeof body === 'string' ? body : JSON.stringify(body) });
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('VALIDATION');
    expect(Object.keys(r.body.error.details.fieldErrors).sort()).toEqual([...fields].sort());
  });

  it('a PATCH without a body → 422 under body; a rejected PATCH changes nothing', async () => {
    const r = await h.send('PATCH', influencerPath(h.demo.layers.influencerId), { headers: bearer(key) });
    expect(r.status).toBe(422);
    expect(r.body.error.details.fieldErrors.body).toBeDefined();
    expect((await h.send('GET', influencerPath(h.demo.layers.influencerId), { headers: bearer(key) })).body.gender).toBe('female');
  });

  it('a body over the size limit → 422 under body', async () => {
    h = await createHarness({ bodyLimitBytes: 1024 });
    const r = await h.send('PATCH', influencerPath(h.demo.layers.influencerId), { headers: bearer(key), raw: { kind: 'too-large', limitBytes: 1024 } });
    expect(r.status).toBe(422);
    expect(r.body.error.details.fieldErrors.body[0]).toMatch(/larger than 1024 bytes/);
  });
});

describe('influencers', () => {
  it('returns prefixed ids, and accepts the path id prefixed or bare', async () => {
    const id = h.demo.layers.influencerId;
    for (const pathId of [`inf_${id}`, id]) {
      const r = await h.send('GET', influencerPath(pathId), { headers: bearer(key) });
      expect(r.status).toBe(200);
      expect(r.body.influencerId).toBe(`inf_${id}`);
      expect(r.body.projectId).toMatch(/^prj_[0-9a-f-]{36}$/);
    }
  });

  it('PATCH passes only the fields sent and answers the full record', async () => {
    const r = await h.send('PATCH', influencerPath(`inf_${h.demo.layers.influencerId}`), { headers: bearer(key), body: { ageRange: null } });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ ageRange: null, gender: 'female', name: 'Ava Chen' });
  });

  it('DELETE accepts an empty body or a reason, stores the reason with the key id, then everything is 404', async () => {
    const { id: a } = await h.store.layers.states.createInfluencer(h.demo.layers.organizationId, {});
    const { id: b } = await h.store.layers.states.createInfluencer(h.demo.layers.organizationId, {});
    expect((await h.send('DELETE', influencerPath(`inf_${a}`), { headers: bearer(key) })).body).toMatchObject({ influencerId: `inf_${a}`, status: 'deleted' });
    const withReason = await h.send('DELETE', influencerPath(b), { headers: { 'X-Api-Key': key }, body: { reason: 'Customer asked.' } });
    expect(withReason.status).toBe(200);
    const keyId = (await h.store.layers.findKey(key))!.keyId;
    expect(await h.store.layers.deletionAudit(b)).toMatchObject({ reason: 'Customer asked.', keyId });
    for (const [method, body] of [['GET', undefined], ['PATCH', { name: 'x' }], ['DELETE', undefined]] as const) {
      const r = await h.send(method, influencerPath(`inf_${b}`), { headers: bearer(key), body });
      expect(r.status).toBe(404);
      expect(r.body.error.code).toBe('NOT_FOUND');
    }
  });

  it("another organization's influencer is 404, never 403", async () => {
    const { id } = await h.store.layers.states.createInfluencer(await h.store.layers.states.otherOrganization(), {});
    for (const method of ['GET', 'PATCH', 'DELETE']) {
      expect((await h.send(method, influencerPath(`inf_${id}`), { headers: bearer(key), ...(method === 'PATCH' ? { body: { name: 'x' } } : {}) })).status).toBe(404);
    }
  });
});

describe('revoke', () => {
  it('answers the exact canceled count with a prefixed id; a second revoke and another org are 404', async () => {
    const { id } = await h.store.layers.states.createSocialAccount(h.demo.layers.organizationId, 3);
    const r = await h.send('DELETE', accountPath(id), { headers: bearer(key) });
    expect(r.body).toMatchObject({ socialAccountId: `sa_${id}`, canceledScheduledPosts: 3, status: 'disconnected', disconnectedReason: 'revoked_by_partner' });
    expect((await h.send('DELETE', accountPath(id), { headers: bearer(key) })).status).toBe(404);
    const { id: other } = await h.store.layers.states.createSocialAccount(await h.store.layers.states.otherOrganization(), 0);
    expect((await h.send('DELETE', accountPath(other), { headers: bearer(key) })).status).toBe(404);
  });

  it('cancels the queued posts only: posts already published through the account stay published and are not counted', async () => {
    const { id } = await h.store.layers.states.createSocialAccount(h.demo.layers.organizationId, 3, { publishedPosts: 2 });
    const r = await h.send('DELETE', accountPath(id), { headers: bearer(key) });
    expect(r.body).toMatchObject({ canceledScheduledPosts: 3 });
    const { rows } = await h.db.query<{ status: string; n: number }>('SELECT status, count(*)::int AS n FROM layers_scheduled_posts WHERE social_account_id = $1 GROUP BY status ORDER BY status', [id]);
    expect(rows).toEqual([{ status: 'canceled', n: 3 }, { status: 'published', n: 2 }]);
  });

  it('revokes a leased account like any other (200, disconnected, its queued posts canceled) and leaves its lease', async () => {
    const { id } = await h.store.layers.states.createSocialAccount(h.demo.layers.organizationId, 2, { leased: true });
    const r = await h.send('DELETE', accountPath(id), { headers: bearer(key) });
    expect(r).toMatchObject({ status: 200, body: { socialAccountId: `sa_${id}`, status: 'disconnected', canceledScheduledPosts: 2 } });
    const { rows } = await h.db.query<{ status: string; leased: boolean }>('SELECT status, leased FROM layers_social_accounts WHERE id = $1', [id]);
    expect(rows).toEqual([{ status: 'disconnected', leased: true }]);
  });

  it('Idempotency-Key: a replay answers the first result byte for byte, another path with the key is 409', async () => {
    const { id: first } = await h.store.layers.states.createSocialAccount(h.demo.layers.organizationId, 2);
    const { id: second } = await h.store.layers.states.createSocialAccount(h.demo.layers.organizationId, 0);
    const headers = { ...bearer(key), 'Idempotency-Key': 'offboard-1' };
    const a = await h.send('DELETE', accountPath(first), { headers });
    const replay = await h.send('DELETE', accountPath(first), { headers });
    expect(a.status).toBe(200);
    expect(replay.status).toBe(200);
    expect(replay.text).toBe(a.text);
    expect(replay.headers?.['Idempotent-Replayed']).toBe('true');
    const conflict = await h.send('DELETE', accountPath(second), { headers });
    expect(conflict.status).toBe(409);
    expect(conflict.body.error.code).toBe('IDEMPOTENCY_CONFLICT');
    // The same key of another API key is another record.
    const { apiKey: otherKey } = await h.store.layers.states.createLayersKey(h.demo.layers.organizationId, ['social:write']);
    expect((await h.send('DELETE', accountPath(second), { headers: { ...bearer(otherKey), 'Idempotency-Key': 'offboard-1' } })).status).toBe(200);
  });

  it('Idempotency-Key: the same account spelled in upper case is the same request, a replay (not a 409)', async () => {
    const { id } = await h.store.layers.states.createSocialAccount(h.demo.layers.organizationId, 2);
    const headers = { ...bearer(key), 'Idempotency-Key': `spelling-${id}` };
    const a = await h.send('DELETE', accountPath(id), { headers });
    const replay = await h.send('DELETE', accountPath(id.toUpperCase()), { headers });
    expect(a.body.canceledScheduledPosts).toBe(2);
    expect(replay.status).toBe(200);
    expect(replay.text).toBe(a.text);
    expect(replay.headers?.['Idempotent-Replayed']).toBe('true');
  });

  it('passes the fault hook to the store; an injected fault is 500 INTERNAL, changes nothing, and is not replayed', async () => {
    h = await createHarness({ faults: { failAt: 'revoke:after-cancel' } });
    const { id } = await h.store.layers.states.createSocialAccount(h.demo.layers.organizationId, 2);
    const headers = { ...bearer(h.demo.layers.apiKey), 'Idempotency-Key': 'retry-me' };
    const r = await h.send('DELETE', accountPath(id), { headers });
    expect(r.status).toBe(500);
    expect(r.body.error.code).toBe('INTERNAL');
    // The hook reached the store: it failed inside the revoke's transaction, which changed nothing.
    expect(h.logs.join('\n')).toMatch(/injected fault/);
    // The hook is live: turned off, the retry with the same key runs again and cancels both posts.
    delete h.sandbox.faults.failAt;
    expect((await h.send('DELETE', accountPath(id), { headers })).body.canceledScheduledPosts).toBe(2);
  });

  it('any unexpected store error is a 500 INTERNAL in the envelope', async () => {
    h.store.layers.getInfluencer = async () => {
      throw new Error('connection lost');
    };
    const r = await h.send('GET', influencerPath(h.demo.layers.influencerId), { headers: bearer(key) });
    expect(r.status).toBe(500);
    expect(r.body.error.code).toBe('INTERNAL');
  });
});

describe('listing', () => {
  it('answers prefixed ids and follows nextCursor; archived influencers never appear', async () => {
    // An organization of its own: the file's other tests add influencers to the demo one.
    const org = await createOrganization(h.db);
    key = org.apiKey;
    for (let i = 0; i < 4; i++) await h.store.layers.states.createInfluencer(org.organizationId, {});
    const { id: gone } = await h.store.layers.states.createInfluencer(org.organizationId, {});
    await h.send('DELETE', influencerPath(gone), { headers: bearer(key) });
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const r = await h.send('GET', '/v1/influencers', { headers: bearer(key), query: { limit: '2', ...(cursor ? { cursor } : {}) } });
      seen.push(...r.body.items.map((i: { influencerId: string }) => i.influencerId));
      cursor = r.body.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toHaveLength(4);
    expect(seen.every((id) => id.startsWith('inf_'))).toBe(true);
    expect(seen).not.toContain(`inf_${gone}`);
  });
});
