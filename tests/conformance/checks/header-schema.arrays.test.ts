// A header travels as text in the `simple` style: an array header is `a,b`, an object header
// `k,v` (`k=v` exploded), and a header schema may be a `$ref` or a combinator; each is read as its schema's type
// before it is validated.
import { describe, expect, it } from 'vitest';
import { checkResponse } from '../../../src/conformance/checks/checkResponse.js';
import type { RuleId } from '../../../src/conformance/model.js';
import { toOpenApiDocument } from '../../../src/openapi/loadDocument.js';
import { listOperations } from '../../../src/openapi/operations.js';
import { createSchemaValidator } from '../../../src/openapi/schemaValidator.js';

const doc = toOpenApiDocument(
  {
    openapi: '3.1.0',
    info: { title: 'inline', version: '1' },
    paths: {
      '/x': {
        get: {
          operationId: 'getX',
          responses: {
            '200': {
              description: 'ok',
              headers: {
                'X-Ids': { schema: { type: 'array', items: { type: 'integer' }, maxItems: 3 } },
                'X-Range': { schema: { type: 'object', properties: { from: { type: 'integer' }, to: { type: 'integer' } }, required: ['from', 'to'] } },
                'X-Pairs': { explode: true, schema: { type: 'object', additionalProperties: { type: 'integer' } } },
                'X-Remaining': { schema: { $ref: '#/components/schemas/Count' } },
                'X-Codes': { schema: { anyOf: [{ type: 'array', items: { $ref: '#/components/schemas/Count' } }] } },
              },
            },
          },
        },
      },
    },
    components: { schemas: { Count: { type: 'integer', minimum: 0 } } },
  },
  'inline document',
);
const operation = listOperations(doc)[0]!;
const validator = createSchemaValidator(doc);
const rules = (headers: Record<string, string>): RuleId[] =>
  checkResponse({ operation, doc, validator, expect: { statuses: [] }, target: 'live', response: { status: 200, headers, bodyText: '' } }).map((f) => f.rule);

describe('header-schema on array, object and $ref header schemas', () => {
  it('reads valid texts as their schema types', () => {
    for (const [k, v] of Object.entries({ 'x-ids': '1, 2,3', 'x-range': 'from,1,to,5', 'x-pairs': 'a=1,b=2', 'x-remaining': '7', 'x-codes': '1,2' })) expect([k, rules({ [k]: v })]).toEqual([k, []]);
  });
  it('still fails what the schema rejects', () => {
    expect(rules({ 'x-ids': '1,two' })).toEqual(['header-schema']);
    expect(rules({ 'x-ids': '1,2,3,4' })).toEqual(['header-schema']);
    expect(rules({ 'x-range': 'from,1' })).toEqual(['header-schema']);
    expect(rules({ 'x-pairs': 'a=x' })).toEqual(['header-schema']);
    expect(rules({ 'x-remaining': '-1' })).toEqual(['header-schema']);
    expect(rules({ 'x-codes': '1,-2' })).toContain('header-schema');
  });
});
