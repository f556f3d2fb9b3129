// Annotations beside a `$ref` (a `title`, a `description`) are left out of Prism's copy: its
// dereferencer merges such a `$ref` into a new object, and in a recursive schema its bundle then
// points a later `$ref` at the wrong part. Intercom's search query, a oneOf of a single filter and a
// list of filters (each a single filter or a list again), each branch a `$ref` with a `title`:
// both branches then matched every filter, and Prism refused the document's own example (400,
// "must match exactly one schema in oneOf"), a false failure of the valid request.
import { describe, expect, it } from 'vitest';
import { documentForPrism } from '../../../../src/conformance/targets/mock/documentForPrism.js';
import { toOpenApiDocument } from '../../../../src/openapi/loadDocument.js';
import { runInlineSpec } from '../../../support/runInlineSpec.js';

const single = { type: 'object', properties: { field: { type: 'string' }, operator: { type: 'string', enum: ['=', '>'] }, value: { type: 'string' } } };
const multiple = {
  type: 'object',
  properties: {
    operator: { type: 'string', enum: ['AND', 'OR'] },
    value: { oneOf: [{ type: 'array', items: { $ref: '#/components/schemas/Multiple' } }, { type: 'array', items: { $ref: '#/components/schemas/Single' } }] },
  },
};
const document = {
  openapi: '3.1.0',
  info: { title: 'ref siblings', version: '1' },
  paths: {
    '/search': {
      post: {
        operationId: 'search',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: { type: 'object', required: ['query'], properties: { query: { oneOf: [{ $ref: '#/components/schemas/Single', title: 'one filter' }, { $ref: '#/components/schemas/Multiple', title: 'many filters', description: 'AND or OR' }] } } },
              examples: { filters: { value: { query: { operator: 'AND', value: [{ field: 'created_at', operator: '>', value: '1306054154' }] } } } },
            },
          },
        },
        responses: { '200': { description: 'found' }, '400': { description: 'invalid' } },
      },
    },
  },
  components: { schemas: { Single: single, Multiple: multiple } },
};

describe("annotations beside a $ref in Prism's copy", () => {
  it('are left out, and nothing else is: data members keep them', () => {
    const withData = { ...document, components: { schemas: { ...document.components.schemas, Data: { type: 'object', examples: [{ $ref: '#/components/schemas/Single', title: 'kept' }] } } } };
    const copy = documentForPrism(toOpenApiDocument(withData, 'inline')) as typeof withData;
    const query = (copy.paths['/search'].post.requestBody.content['application/json'].schema.properties.query as { oneOf: unknown[] }).oneOf;
    expect(query).toEqual([{ $ref: '#/components/schemas/Single' }, { $ref: '#/components/schemas/Multiple' }]);
    expect(copy.components.schemas.Data.examples).toEqual([{ $ref: '#/components/schemas/Single', title: 'kept' }]);
  });

  it('no longer make Prism refuse the valid example of a recursive oneOf', async () => {
    const results = await runInlineSpec('ref-siblings', document);
    const valid = results.find((r) => r.testCase.id === 'ref-siblings search valid filters');
    expect(valid?.failures.map((f) => `[${f.rule}] ${f.message}`)).toEqual([]);
    expect(valid?.outcome).toBe('passed');
  }, 120_000);
});
