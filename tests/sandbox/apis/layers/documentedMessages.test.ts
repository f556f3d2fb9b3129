// Every named error example of the Layers document is an answer the sandbox gives, word for word
// (code, message, details), for its cause; a new example fails here until its cause is added.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, openHarnessDatabase, type Harness, type HarnessDatabase, type SendOptions } from '../../http/harness.js';

let hdb: HarnessDatabase;
let h: Harness;
let noScopeKey: string;
beforeAll(async () => {
  hdb = await openHarnessDatabase();
  h = await hdb.harness();
  noScopeKey = (await h.store.layers.states.createLayersKey(h.demo.layers.organizationId, [])).apiKey;
});
afterAll(async () => {
  await hdb?.close();
});

const layers = () => h.apis.find((a) => a.name === 'layers')!;
type Request = { method: string; path: string; options?: SendOptions };
const auth = (key = h.demo.layers.apiKey) => bearer(key);

/** A request each operation accepts (an unknown id, so nothing changes), for the causes common to every operation. */
const valid: Record<string, () => Request> = {
  listInfluencers: () => ({ method: 'GET', path: '/v1/influencers' }),
  getInfluencer: () => ({ method: 'GET', path: `/v1/influencers/inf_${randomUUID()}` }),
  deleteInfluencer: () => ({ method: 'DELETE', path: `/v1/influencers/inf_${randomUUID()}` }),
  patchInfluencer: () => ({ method: 'PATCH', path: `/v1/influencers/inf_${randomUUID()}`, options: { body: { name: 'Ava' } } }),
  revokeSocialAccount: () => ({ method: 'DELETE', path: `/v1/social-accounts/sa_${randomUUID()}` }),
};
const send = (r: Request, headers: Record<string, string> = auth()) => h.send(r.method, r.path, { ...r.options, headers: { ...headers, ...r.options?.headers } });

/** Cause → the answer, by `<operationId> <status> <example name>`; `*` stands for every operation. */
const causes: Record<string, (operationId: string) => Promise<{ status: number; body: any }>> = {
  '* 401 unauthenticated': (op) => send(valid[op]!(), {}),
  '* 403 missingScope': (op) => send(valid[op]!(), auth(noScopeKey)),
  '* 429 rateLimited': async (op) => {
    const limited = await hdb.harness({ rateLimit: { capacity: 1, refillPerSecond: 0.001 } });
    const r = valid[op]!();
    await limited.send(r.method, r.path, { ...r.options, headers: auth() });
    return limited.send(r.method, r.path, { ...r.options, headers: auth() });
  },
  '* 500 internal': async (op) => {
    const failing = await hdb.harness();
    const method = { listInfluencers: 'listInfluencers', getInfluencer: 'getInfluencer', deleteInfluencer: 'deleteInfluencer', patchInfluencer: 'patchInfluencer', revokeSocialAccount: 'revokeSocialAccount' }[op] as 'getInfluencer';
    failing.store.layers[method] = async () => {
      throw new Error('boom');
    };
    const r = valid[op]!();
    return failing.send(r.method, r.path, { ...r.options, headers: auth() });
  },
  '* 503 keyDisabled': async (op) => {
    const { keyId, apiKey } = await h.store.layers.states.createLayersKey(h.demo.layers.organizationId, ['influencers:read', 'influencers:write', 'social:write']);
    await h.store.layers.setKillSwitch('key', keyId, true);
    return send(valid[op]!(), auth(apiKey));
  },
  '* 503 globalDisabled': async (op) => {
    await h.store.layers.setKillSwitch('global', null, true);
    try {
      return await send(valid[op]!());
    } finally {
      await h.store.layers.setKillSwitch('global', null, false);
    }
  },
  '* 400 malformedId': (op) => {
    const r = valid[op]!();
    return send({ ...r, path: r.path.replace(/\/[^/]+$/, '/not-an-id') });
  },
  '* 404 notFound': (op) => send(valid[op]!()),
  'listInfluencers 400 limitTooLarge': () => send({ method: 'GET', path: '/v1/influencers', options: { query: { limit: '101' } } }),
  'getInfluencer 404 notFound': () => send({ method: 'GET', path: '/v1/influencers/inf_01HXZ9AB3CDEF4GHJK5MNPQRST' }),
  'deleteInfluencer 422 reasonTooLong': () => send({ ...valid.deleteInfluencer!(), options: { body: { reason: 'x'.repeat(1025) } } }),
  'deleteInfluencer 422 unknownField': () => send({ ...valid.deleteInfluencer!(), options: { body: { reason: 'Partner requested deletion.', hard: true } } }),
  'patchInfluencer 422 invalidEnum': () => send({ ...valid.patchInfluencer!(), options: { body: { gender: 'robot' } } }),
  'patchInfluencer 422 unknownField': () => send({ ...valid.patchInfluencer!(), options: { body: { nickname: 'Avi' } } }),
  'patchInfluencer 422 emptyBody': () => send({ ...valid.patchInfluencer!(), options: { body: {} } }),
  'patchInfluencer 422 genderNull': () => send({ ...valid.patchInfluencer!(), options: { body: { gender: null } } }),
  'revokeSocialAccount 400 idempotencyKeyTooLong': () => send({ ...valid.revokeSocialAccount!(), options: { headers: { 'Idempotency-Key': 'k'.repeat(256) } } }),
  'revokeSocialAccount 400 idempotencyKeyEmpty': () => send({ ...valid.revokeSocialAccount!(), options: { headers: { 'Idempotency-Key': '' } } }),
  'revokeSocialAccount 409 keyReused': async () => {
    const key = { 'Idempotency-Key': `reuse-${randomUUID()}` };
    await send({ ...valid.revokeSocialAccount!(), options: { headers: key } });
    return send({ ...valid.revokeSocialAccount!(), options: { headers: key } });
  },
};

const documented = () =>
  layers().operations.flatMap((op) =>
    op.statuses().filter((s) => /^[45]\d\d$/.test(s)).flatMap((status) => Object.entries(op.namedExamples(status)).map(([name, value]) => ({ op: op.operationId, status, name, value: value as { error: Record<string, unknown> } }))),
  );
const causeOf = (op: string, status: string, name: string) => causes[`${op} ${status} ${name}`] ?? causes[`* ${status} ${name}`];

describe('the Layers named error examples, produced by the sandbox', () => {
  it('every documented error example has a cause here', async () => {
    h = await hdb.harness();
    const missing = documented().filter((e) => !causeOf(e.op, e.status, e.name)).map((e) => `${e.op} ${e.status} ${e.name}`);
    expect(missing).toEqual([]);
  });

  it('answers each example word for word (all but the requestId)', async () => {
    h = await hdb.harness();
    noScopeKey = (await h.store.layers.states.createLayersKey(h.demo.layers.organizationId, [])).apiKey;
    for (const e of documented()) {
      const cause = causeOf(e.op, e.status, e.name)!;
      const r = await cause(e.op);
      const { requestId: _, ...expected } = e.value.error;
      const { requestId: __, ...actual } = r.body.error ?? {};
      expect({ example: `${e.op} ${e.status} ${e.name}`, status: r.status, error: actual }).toEqual({ example: `${e.op} ${e.status} ${e.name}`, status: Number(e.status), error: expected });
    }
  });
});
