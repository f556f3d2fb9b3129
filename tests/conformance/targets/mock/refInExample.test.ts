// A `$ref` inside an example's value is data, not a reference (OpenAPI 3.1 §4.8.19.1: the value is
// a literal), but Prism dereferences the whole document first, so it answers the example with each
// `{ "$ref": "#/…" }` that names a part of the document replaced by that part (PagerDuty's MCP
// examples list `{ "$ref": "#/components/examples/ListIncidentsTool" }`). That answer is the
// documented example as Prism reads it, not a mock answering something else.
import { describe, expect, it } from 'vitest';
import { runInlineSpec } from '../../../support/runInlineSpec.js';

const document = {
  openapi: '3.1.0',
  info: { title: 'ref in example', version: '1' },
  paths: {
    '/tools': {
      get: {
        operationId: 'listTools',
        responses: {
          '200': {
            description: 'ok',
            content: {
              'application/json': {
                schema: { type: 'object', properties: { tools: { type: 'array' } } },
                examples: {
                  referring: { value: { tools: [{ $ref: '#/components/examples/Tool' }] } },
                  // a literal answer the mock must still give exactly
                  plain: { value: { tools: [{ name: 'b' }] } },
                },
              },
            },
          },
        },
      },
    },
    // The Example Object a `$ref` names is what Prism puts in its place, so this answer lacks `name`.
    '/broken': {
      get: {
        operationId: 'listBroken',
        responses: {
          '200': {
            description: 'ok',
            content: {
              'application/json': {
                schema: { type: 'object', properties: { tools: { type: 'array', items: { type: 'object', required: ['name'] } } } },
                examples: { referring: { value: { tools: [{ $ref: '#/components/examples/Tool' }] } } },
              },
            },
          },
        },
      },
    },
  },
  components: { examples: { Tool: { summary: 'a tool', value: { name: 'a' } } } },
};

describe('an example holding a $ref to a part of the document', () => {
  it('is answered by Prism with the part it names, and that answer passes as the documented example', async () => {
    const results = await runInlineSpec('ref-in-example', document);
    const outcome = (id: string) => results.find((r) => r.testCase.id === id);
    const referring = outcome('ref-in-example listTools documented 200 referring');
    expect(referring?.failures.map((f) => `[${f.rule}] ${f.message}`)).toEqual([]);
    expect(referring?.outcome).toBe('passed');
    expect(outcome('ref-in-example listTools documented 200 plain')?.outcome).toBe('passed');
    // Such an answer that breaks its schema is the document's defect, named at the example.
    const broken = outcome('ref-in-example listBroken documented 200 referring');
    expect(broken?.failures.filter((f) => f.rule === 'document-example').map((f) => f.message)).toEqual([
      expect.stringContaining("the mock answered the document's own example #/paths/~1broken/get/responses/200/content/application~1json/examples/referring/value"),
    ]);
  }, 120_000);
});
