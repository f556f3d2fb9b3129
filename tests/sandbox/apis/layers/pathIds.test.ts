// Layers path ids in the sandbox: both shapes the vendor shows are ids (a ULID-style one is simply
// unknown: 404, never 400 or 500), a malformed id is told what was expected in words, and the
// printed read-only key reads.
import { describe, expect, it } from 'vitest';
import { useHarness, bearer, type Harness, type HarnessDatabase } from '../../http/harness.js';

let hdb: HarnessDatabase;
let h: Harness;
useHarness((opened, harness) => ((hdb = opened), (h = harness)));
const ULID = '01HXZ9AB3CDEF4GHJK5MNPQRST';
const send = (method: string, path: string, body?: unknown, key = h.demo.layers.apiKey) => h.send(method, path, { headers: bearer(key), ...(body === undefined ? {} : { body }) });

describe('ids of the ULID shape', () => {
  it.each([
    ['GET', `/v1/influencers/inf_${ULID}`, undefined],
    ['PATCH', `/v1/influencers/inf_${ULID}`, { name: 'Ava' }],
    ['DELETE', `/v1/influencers/inf_${ULID}`, undefined],
    ['DELETE', `/v1/social-accounts/sa_${ULID}`, undefined],
  ])('%s %s → 404 (the store only has uuids)', async (method, path, body) => {
    const r = await send(method, path, body);
    expect(r.status).toBe(404);
    expect(r.body.error.code).toBe('NOT_FOUND');
  });
});

describe('malformed path ids', () => {
  it.each([
    ['GET', '/v1/influencers/inf_', 'influencerId', 'Expected inf_… or a uuid'],
    ['DELETE', '/v1/influencers/prj_123', 'influencerId', 'Expected inf_… or a uuid'],
    ['PATCH', '/v1/influencers/not%20an%20id', 'influencerId', 'Expected inf_… or a uuid'],
    ['DELETE', '/v1/social-accounts/9c1e42a0-b7f3-4e5d-a2c1-8b4f5e6c7d8e', 'socialAccountId', 'Expected sa_…'],
    ['DELETE', '/v1/social-accounts/sa_', 'socialAccountId', 'Expected sa_…'],
  ])('%s %s → 400 telling %s what was expected, in words', async (method, path, field, words) => {
    const r = await send(method, path, method === 'PATCH' ? { name: 'Ava' } : undefined);
    expect(r.status).toBe(400);
    expect(r.body.error.details.fieldErrors).toEqual({ [field]: [words] });
  });
});

describe('the printed read-only key', () => {
  it('reads the list and one influencer (influencers:read suffices), and writes nothing', async () => {
    const key = h.demo.layers.readOnlyKey;
    expect((await send('GET', '/v1/influencers', undefined, key)).status).toBe(200);
    const one = await send('GET', `/v1/influencers/inf_${h.demo.layers.influencerId}`, undefined, key);
    expect(one.status).toBe(200);
    expect(one.body.influencerId).toBe(`inf_${h.demo.layers.influencerId}`);
    const write = await send('PATCH', `/v1/influencers/inf_${h.demo.layers.influencerId}`, { name: 'Ava' }, key);
    expect(write.status).toBe(403);
    expect(write.body.error.details.requiredScope).toBe('influencers:write');
  });
});
