import { describe, expect, it } from 'vitest';
import { checkResponse } from '../../../src/conformance/checks/checkResponse.js';
import { toOpenApiDocument } from '../../../src/openapi/loadDocument.js';
import { listOperations } from '../../../src/openapi/operations.js';
import { createSchemaValidator } from '../../../src/openapi/schemaValidator.js';

const user = { type: 'object', required: ['name', 'password'], properties: { name: { type: 'string' }, password: { type: 'string', writeOnly: true }, friends: { type: 'array', items: { $ref: '#/components/schemas/Friend' } } } };
const doc = toOpenApiDocument(
  {
    openapi: '3.1.0',
    info: { title: 'users', version: '1' },
    paths: { '/me': { get: { operationId: 'getMe', responses: { '200': { description: 'ok', content: { 'application/json': { schema: user } } } } } } },
    components: { schemas: { Friend: { type: 'object', properties: { name: { type: 'string' }, token: { type: 'string', writeOnly: true } } } } },
  },
  'users',
);
const validator = createSchemaValidator(doc);
const rulesOf = (body: unknown) =>
  checkResponse({ operation: listOperations(doc)[0]!, doc, validator, expect: { statuses: [] }, target: 'live', response: { status: 200, headers: { 'content-type': 'application/json' }, bodyText: JSON.stringify(body) } }).map((f) => `[${f.rule}] ${f.message}`);

describe('body-write-only', () => {
  it('passes a response without its writeOnly properties, though the schema requires one', () => {
    expect(rulesOf({ name: 'ava', friends: [{ name: 'bo' }] })).toEqual([]);
  });
  it('fails a response that carries one, at any depth', () => {
    expect(rulesOf({ name: 'ava', password: 'hunter2', friends: [{ name: 'bo', token: 't' }] })).toEqual([
      '[body-write-only] body/password is writeOnly: a response does not carry it',
      '[body-write-only] body/friends/0/token is writeOnly: a response does not carry it',
    ]);
  });
});
