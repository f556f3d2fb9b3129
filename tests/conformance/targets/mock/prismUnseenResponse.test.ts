// A response with none of description, headers, content or links (a `$ref` to a Schema Object in a
// response's place, an empty `{}`) is no Response Object, and Prism leaves it out: asked for that
// status, it answers its own 404. The cases that need it are the document's defect, skipped on the
// mock saying so, not failures of the mock; the operation's other responses are still checked.
import { describe, expect, it } from 'vitest';
import { runInlineSpec } from '../../../support/runInlineSpec.js';

const document = {
  openapi: '3.1.0',
  info: { title: 'unseen response', version: '1' },
  paths: {
    '/things': {
      get: {
        operationId: 'getThing',
        responses: {
          '200': { $ref: '#/components/schemas/Thing' },
          '404': { description: 'no such thing', content: { 'application/json': { schema: { type: 'object' } } } },
        },
      },
    },
    '/empty': { delete: { operationId: 'deleteEmpty', responses: { '204': {} } } },
  },
  components: { schemas: { Thing: { type: 'object', properties: { id: { type: 'string' } } } } },
};

describe('a response Prism leaves out', () => {
  it('skips the cases that need it on the mock, naming the response and why, and checks the others', async () => {
    const results = await runInlineSpec('unseen-response', document);
    const outcome = (id: string) => results.find((r) => r.testCase.id === id);
    for (const id of ['unseen-response getThing documented 200', 'unseen-response getThing valid', 'unseen-response deleteEmpty valid']) {
      expect(outcome(id)?.outcome, id).toBe('skipped');
    }
    expect(outcome('unseen-response getThing valid')?.skipReason).toMatch(/the 200 response \(#\/components\/schemas\/Thing\) has none of description, headers, content or links.*a defect of the document/);
    expect(outcome('unseen-response deleteEmpty valid')?.skipReason).toMatch(/the 204 response \(#\/paths\/~1empty\/delete\/responses\/204\)/);
    expect(outcome('unseen-response getThing documented 404')?.outcome).toBe('passed');
    expect(results.filter((r) => r.outcome === 'failed').map((r) => r.testCase.id)).toEqual([]);
  }, 120_000);
});
