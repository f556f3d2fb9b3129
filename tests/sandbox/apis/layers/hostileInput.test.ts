// Hostile input to the Layers slice: each gets the document's 4xx in the Layers envelope (checked on
// every answer by the harness), never a 500.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, openHarnessDatabase, type HarnessDatabase } from '../../http/harness.js';

let hdb: HarnessDatabase;
beforeAll(async () => {
  hdb = await openHarnessDatabase();
});
afterAll(async () => {
  await hdb?.close();
});

const raw = (t: string) => Buffer.from(JSON.stringify({ t, i: '4a8e1bc2-5d3f-4b6a-9c7e-1f2a3b4c5d6e' }), 'utf8').toString('base64url');

describe('hostile input to Layers', () => {
  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty'])('a body key named %s: 422 naming it, on PATCH and DELETE', async (name) => {
    const h = await hdb.harness();
    const path = `/v1/influencers/${h.demo.layers.influencerId}`;
    const text = `{"${name}": 1}`;
    for (const method of ['PATCH', 'DELETE']) {
      const r = await h.send(method, path, { headers: { ...bearer(h.demo.layers.apiKey), 'Content-Type': 'application/json' }, body: text });
      expect(r.status, `${method} ${JSON.stringify(r.body)}`).toBe(422);
      expect(Object.keys(r.body.error.details.fieldErrors)).toContain(name);
    }
  });

  it('a NUL character in a string: 422 naming the field; nothing reaches the database', async () => {
    const h = await hdb.harness();
    const r = await h.send('PATCH', `/v1/influencers/${h.demo.layers.influencerId}`, { headers: bearer(h.demo.layers.apiKey), body: { name: 'Ava\u0000Chen' } });
    expect(r.status).toBe(422);
    expect(r.body.error.details.fieldErrors.name).toEqual(['Must not contain the NUL character (\\u0000)']);
    expect(h.logs).toEqual([]);
  });

  it.each(['2026-02-30T00:00:00.000000Z', '0000-01-01T00:00:00.000000Z'])('a cursor carrying %s: 400 on cursor', async (t) => {
    const h = await hdb.harness();
    const r = await h.send('GET', '/v1/influencers', { headers: bearer(h.demo.layers.apiKey), query: { cursor: raw(t) } });
    expect(r.status).toBe(400);
    expect(Object.keys(r.body.error.details.fieldErrors)).toEqual(['cursor']);
    expect(h.logs).toEqual([]);
  });

  it.each(['99.99999999999999999', '1e-400', '15e-1', '1.0', '1e1', '2.50e1'])('limit=%s, whose text is no integer (whatever number it denotes or a double rounds it to): 400 on limit', async (limit) => {
    const h = await hdb.harness();
    const r = await h.send('GET', '/v1/influencers', { headers: bearer(h.demo.layers.apiKey), query: { limit } });
    expect(r.status).toBe(400);
    expect(r.body.error.details.fieldErrors.limit).toEqual(['Expected integer, received string']);
  });


  it.each([
    ['{"name":"secret-token-123",,}', 'Malformed JSON at line 1, column 28'],
    ['[1,,"secret-token-123"]', 'Malformed JSON: unexpected ","'],
    ['{"name": "x",}', 'Malformed JSON at line 1, column 14'],
    ['{"name":\n"x"}\n}', 'Malformed JSON at line 3, column 1'],
    ['{"name":', 'Malformed JSON: the body ends before its value does'],
  ])('malformed JSON %j: 422 on body in words of its own, neither the parser\'s nor the body\'s text', async (text, message) => {
    const h = await hdb.harness();
    const r = await h.send('PATCH', `/v1/influencers/${h.demo.layers.influencerId}`, { headers: { ...bearer(h.demo.layers.apiKey), 'Content-Type': 'application/json' }, body: text });
    expect(r.status).toBe(422);
    expect(r.body.error.details.fieldErrors.body).toEqual([message]);
    expect(JSON.stringify(r.body)).not.toMatch(/secret-token|is not valid JSON|in JSON at position/);
  });

  it('a body of 50,000 unknown keys: one 422 listing the first 100 and how many more', async () => {
    const h = await hdb.harness();
    const body = Object.fromEntries(Array.from({ length: 50_000 }, (_, i) => [`unknown_${i}`, i]));
    const r = await h.send('PATCH', `/v1/influencers/${h.demo.layers.influencerId}`, { headers: bearer(h.demo.layers.apiKey), body });
    expect(r.status).toBe(422);
    const fields = Object.keys(r.body.error.details.fieldErrors);
    expect(fields.length).toBeLessThanOrEqual(101);
    expect(r.body.error.details.fieldErrors.body.at(-1)).toMatch(/more problems, not listed/);
  });
});

describe('duplicate keys in a Layers body', () => {
  it('PATCH {"name":"a","name":"b"}: 422 naming name, nothing changed (JSON.parse would keep "b")', async () => {
    const h = await hdb.harness();
    const before = await h.store.layers.getInfluencer(h.demo.layers.organizationId, h.demo.layers.influencerId);
    const r = await h.send('PATCH', `/v1/influencers/${h.demo.layers.influencerId}`, { headers: bearer(h.demo.layers.apiKey), body: '{"name":"First","name":"Second"}' });
    expect(r.status).toBe(422);
    expect(r.body.error.details.fieldErrors).toEqual({ name: ['Must be given at most once'] });
    expect((await h.store.layers.getInfluencer(h.demo.layers.organizationId, h.demo.layers.influencerId))?.name).toBe(before?.name);
  });

  it('DELETE with reason twice: 422 naming reason, the influencer stays', async () => {
    const h = await hdb.harness();
    const { id } = await h.store.layers.states.createInfluencer(h.demo.layers.organizationId, {});
    const r = await h.send('DELETE', `/v1/influencers/inf_${id}`, { headers: bearer(h.demo.layers.apiKey), body: '{"reason":"a","reason":"b"}' });
    expect(r.status).toBe(422);
    expect(r.body.error.details.fieldErrors).toEqual({ reason: ['Must be given at most once'] });
    expect(await h.store.layers.getInfluencer(h.demo.layers.organizationId, id)).not.toBeNull();
  });
});

describe('unpaired surrogates (\\ud800 … \\udfff alone), which UTF-8 cannot encode', () => {
  it.each(['a\\ud800b', '\\udfff', 'x\\ud83d'])('PATCH name "%s": 422 naming name, nothing stored (it was stored as U+FFFD)', async (escaped) => {
    const h = await hdb.harness();
    const before = await h.store.layers.getInfluencer(h.demo.layers.organizationId, h.demo.layers.influencerId);
    const r = await h.send('PATCH', `/v1/influencers/${h.demo.layers.influencerId}`, { headers: bearer(h.demo.layers.apiKey), body: `{"name":"${escaped}"}` });
    expect(r.status).toBe(422);
    expect(r.body.error.details.fieldErrors).toEqual({ name: ['Must not contain an unpaired surrogate (\\ud800 to \\udfff)'] });
    expect((await h.store.layers.getInfluencer(h.demo.layers.organizationId, h.demo.layers.influencerId))?.name).toBe(before?.name);
  });

  it('a surrogate pair (an emoji written as \\ud83d\\ude80) is a character like any other: 200', async () => {
    const h = await hdb.harness();
    const { id } = await h.store.layers.states.createInfluencer(h.demo.layers.organizationId, {});
    const r = await h.send('PATCH', `/v1/influencers/${id}`, { headers: bearer(h.demo.layers.apiKey), body: '{"name":"Ava \\ud83d\\ude80"}' });
    expect(r.status).toBe(200);
    expect(r.body.name).toBe('Ava 🚀');
  });
});
