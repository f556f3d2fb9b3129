// Request validation over bodies with very many problems: a body whose 150,000 members each hold
// a NUL (or an unpaired surrogate) is the API's own body error, not a 500 from a call with
// 150,000 arguments.
import { describe, expect, it } from 'vitest';
import { MAX_BODY_DEPTH } from '../../../src/sandbox/http/requestValidation.js';
import { type Harness, useHarness } from './harness.js';

let h: Harness;
useHarness((_, harness) => {
  h = harness;
});

const manyMembers = (value: string) => `{${Array.from({ length: 150_000 }, (_, i) => `"k${i}":"${value}"`).join(',')}}`;

describe('bodies with very many unstorable members', () => {
  it.each([
    ['a NUL', '\\u0000'],
    ['an unpaired surrogate', '\\ud800'],
  ])('150,000 members each holding %s: Ayrshare 400 code 101, nothing deleted', async (_, escape) => {
    const r = await h.send('DELETE', '/api/post', { headers: { Authorization: `Bearer ${h.demo.ayrshare.apiKey}`, 'Content-Type': 'application/json' }, body: manyMembers(escape) });
    expect(r.status).toBe(400);
    expect(r.body.code).toBe(101);
    expect(h.logs.filter((l) => /unexpected error/.test(l))).toEqual([]);
  });
});

describe('bodies nested 100,000 deep (valid JSON)', () => {
  const deep = (bottom: string) => `${'['.repeat(100_000)}${bottom}${']'.repeat(100_000)}`;
  it.each([
    ['plain', '1'],
    ['holding a NUL at the bottom', '"\\u0000"'],
    ['holding a lone surrogate at the bottom', '"\\ud800"'],
    ['holding an object with a repeated key', '{"a":1,"a":2}'],
  ])('%s: Layers PATCH 422 VALIDATION, Ayrshare 400 code 101, nothing changed, no unexpected error', async (_, bottom) => {
    const layers = await h.send('PATCH', `/v1/influencers/inf_${h.demo.layers.influencerId}`, { headers: { 'X-Api-Key': h.demo.layers.apiKey, 'Content-Type': 'application/json' }, body: `{"name":${deep(bottom)}}` });
    expect(layers.status).toBe(422);
    expect(layers.body.error.code).toBe('VALIDATION');
    const ayrshare = await h.send('DELETE', '/api/post', { headers: { Authorization: `Bearer ${h.demo.ayrshare.apiKey}`, 'Content-Type': 'application/json' }, body: `{"id":${deep(bottom)}}` });
    expect(ayrshare.status).toBe(400);
    expect(ayrshare.body.code).toBe(101);
    expect(h.logs.filter((l) => /unexpected error/.test(l))).toEqual([]);
  });
});

describe(`bodies nested past ${MAX_BODY_DEPTH} levels`, () => {
  const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
  it('are refused before they are parsed, in each API\'s own body error, naming the depth', async () => {
    const layers = await h.send('PATCH', `/v1/influencers/inf_${h.demo.layers.influencerId}`, { headers: { 'X-Api-Key': h.demo.layers.apiKey, 'Content-Type': 'application/json' }, body: `{"name":${nested(MAX_BODY_DEPTH)}}` });
    expect(layers.status).toBe(422);
    expect(JSON.stringify(layers.body.error.details)).toContain(`more than ${MAX_BODY_DEPTH} levels deep`);
    const hoko = await h.send('DELETE', '/api/partners', { headers: { Authorization: `Bearer ${h.demo.hoko.apiKey}`, 'Content-Type': 'application/json' }, body: `{"partnerIds":${nested(1_000_000)}}` });
    expect(hoko.status).toBe(400);
    expect(hoko.body.error.en).toEqual(expect.any(String));
  });
  it(`a body ${MAX_BODY_DEPTH} levels deep is read as any other (its schema decides)`, async () => {
    const layers = await h.send('PATCH', `/v1/influencers/inf_${h.demo.layers.influencerId}`, { headers: { 'X-Api-Key': h.demo.layers.apiKey, 'Content-Type': 'application/json' }, body: `{"name":${nested(MAX_BODY_DEPTH - 1)}}` });
    expect(layers.status).toBe(422);
    expect(JSON.stringify(layers.body.error.details)).not.toContain('levels deep');
  });
});
