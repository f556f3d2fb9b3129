// The request examples of the Layers vendor pages (the document's named request examples and the
// id examples of its path parameters, which tests/contract/facts/ ties to the pages) are accepted by
// the sandbox: never a 400 or 422. An id is a 200 when it exists, a 404 when not.
import { describe, expect, it } from 'vitest';
import { useHarness, bearer, type Harness, type HarnessDatabase } from '../../http/harness.js';

let hdb: HarnessDatabase;
let h: Harness;
useHarness((opened, harness) => ((hdb = opened), (h = harness)));
const layers = () => h.apis.find((a) => a.name === 'layers')!;
const send = (method: string, path: string, body?: unknown) => h.send(method, path, { headers: bearer(h.demo.layers.apiKey), ...(body === undefined ? {} : { body }) });
/** The operations of the three Layers pages, and getInfluencer for the ids they show. */
const PAGE_OPERATIONS = ['deleteInfluencer', 'patchInfluencer', 'revokeSocialAccount', 'getInfluencer'];
const idExamples = (operationId: string) =>
  layers()
    .operation(operationId)
    .parameters()
    .filter((p) => p.value.in === 'path')
    .flatMap((p) => Object.values((p.value as { examples?: Record<string, { value: string }> }).examples ?? {}).map((e) => ({ name: String(p.value.name), value: e.value })));
const fresh = async () => `inf_${(await h.store.layers.states.createInfluencer(h.demo.layers.organizationId, {})).id}`;

describe('the ids in the pages\' URLs', () => {
  it('every operation of the pages has id examples', () => {
    for (const op of PAGE_OPERATIONS) expect(idExamples(op).length, op).toBeGreaterThan(0);
  });

  it.each(PAGE_OPERATIONS)('%s: each example id is a 200 or a 404, never a 400', async (operationId) => {
    const op = layers().operation(operationId);
    const body = operationId === 'patchInfluencer' ? { name: 'Ava' } : undefined;
    for (const { name, value } of idExamples(operationId)) {
      const r = await send(op.method.toUpperCase(), op.path.replace(`{${name}}`, value), body);
      expect([200, 404], `${operationId} ${value} → ${r.status} ${JSON.stringify(r.body)}`).toContain(r.status);
    }
  });
});

describe('the request bodies of the pages', () => {
  it.each(['patchInfluencer', 'deleteInfluencer'])('%s: each named request example is a 200 on an existing influencer', async (operationId) => {
    const op = layers().operation(operationId);
    const examples = Object.entries(op.namedExamples('request'));
    expect(examples.length).toBeGreaterThan(0);
    for (const [name, body] of examples) {
      const r = await send(op.method.toUpperCase(), op.path.replace('{influencerId}', await fresh()), body);
      expect(r.status, `${operationId} ${name} → ${JSON.stringify(r.body)}`).toBe(200);
    }
  });
});
