import { describe, expect, it } from 'vitest';
import { MAX_INSTANCE_VALUE_BODY } from '../../../src/conformance/checks/body-schema.js';
import { checkResponse } from '../../../src/conformance/checks/checkResponse.js';
import { toOpenApiDocument } from '../../../src/openapi/loadDocument.js';
import { listOperations } from '../../../src/openapi/operations.js';
import { createSchemaValidator } from '../../../src/openapi/schemaValidator.js';
import { ok, operation, response, rules, validator } from './inlineDocument.js';

// Two error shapes that differ only in a `default`: every error body is valid against both.
const errorShape = (code: string) => ({ type: 'object', required: ['message'], properties: { message: { type: 'string' }, error: { type: 'string', default: code } } });
const overlapping = toOpenApiDocument(
  { openapi: '3.1.0', info: { title: 'overlap', version: '1' }, paths: { '/v': { post: { responses: { '400': { description: 'bad', content: { 'application/json': { schema: { oneOf: [errorShape('EMPTY'), errorShape('DUPLICATE'), { type: 'string' }] } } } } } } } } },
  'overlap document',
);

describe('body-schema', () => {
  it('passes a body valid against its schema', () => expect(rules(response(200, ok))).toEqual([]));
  it('fails an invalid one, naming the instance path', () => {
    const failures = checkResponse({ operation, validator, expect: { statuses: [] }, target: 'live', response: response(200, { ...ok, count: -1 }) });
    expect(failures).toMatchObject([{ rule: 'body-schema', instancePath: '/count' }]);
  });
  it('keeps the value the body holds at the failing spot, as received', () => {
    const failures = checkResponse({ operation, validator, expect: { statuses: [] }, target: 'live', response: response(200, { ...ok, count: -1 }) });
    expect(failures.map((f) => f.instanceValue)).toEqual([-1]);
  });
  it('keeps no object or array of a large answer, only its scalars: a report holding a hostile server\'s megabytes per failure grew to gigabytes', () => {
    const big = { id: 7, count: 3, padding: 'x'.repeat(MAX_INSTANCE_VALUE_BODY) };
    const scalar = checkResponse({ operation, validator, expect: { statuses: [] }, target: 'live', response: response(200, big) });
    // over MAX_ALL_ERRORS_BODY too: checked up to the first failure, which the last one says
    const stopped = { rule: 'body-schema', message: expect.stringMatching(/its schema check stopped at this first failure/) };
    expect(scalar).toMatchObject([{ rule: 'body-schema', instancePath: '/id', instanceValue: 7 }, stopped]);
    const root = checkResponse({ operation, validator, expect: { statuses: [] }, target: 'live', response: response(200, [big]) });
    expect(root).toMatchObject([{ rule: 'body-schema', instancePath: '/' }, stopped]);
    expect(root.every((f) => !('instanceValue' in f))).toBe(true);
  });
  it('validates the range’s own media type and schema', () => {
    expect(rules({ status: 409, headers: { 'content-type': 'application/problem+json' }, bodyText: '{}' })).toEqual(['body-schema']);
  });
  it('names the branches a body matches when a oneOf fails because two of them accept it (the document\'s overlap)', () => {
    const input = { operation: listOperations(overlapping)[0]!, validator: createSchemaValidator(overlapping), expect: { statuses: [] }, target: 'live' as const };
    const failures = checkResponse({ ...input, response: response(400, { message: 'no version', error: 'EMPTY' }) });
    expect(failures.map((f) => f.message)).toEqual(['body must match exactly one schema in oneOf (it matches oneOf branches 0 and 1, which overlap: a defect of the document)']);
    expect(checkResponse({ ...input, response: response(400, 7) }).map((f) => f.message)).toContain('body must match exactly one schema in oneOf');
  });
});
