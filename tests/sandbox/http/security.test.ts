// Scopes on the server's side: any one security requirement whose scope list is held in full
// satisfies; otherwise the first missing scope of the first alternative is named.
import { describe, expect, it } from 'vitest';
import { toOpenApiDocument } from '../../../src/openapi/loadDocument.js';
import { listOperations } from '../../../src/openapi/operations.js';
import { missingScope, missingScopes } from '../../../src/sandbox/http/security.js';

const doc = toOpenApiDocument(
  {
    openapi: '3.1.0',
    info: { title: 't', version: '1' },
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    paths: {
      '/things': {
        get: { operationId: 'read', security: [{ bearer: ['things:read'] }, { bearer: ['things:write'] }], responses: { '200': { description: 'ok' } } },
        delete: { operationId: 'write', security: [{ bearer: ['things:write', 'things:admin'] }], responses: { '200': { description: 'ok' } } },
        put: { operationId: 'open', security: [{ bearer: [] }], responses: { '200': { description: 'ok' } } },
      },
    },
  },
  'inline.json',
);
const op = (id: string) => listOperations(doc).find((o) => o.operationId === id)!;

describe('missingScopes', () => {
  it('any one alternative held in full satisfies', () => {
    expect(missingScopes(op('read'), 'bearer', ['things:read'])).toEqual([]);
    expect(missingScopes(op('read'), 'bearer', ['things:write'])).toEqual([]);
  });

  it('else names the missing scopes of the first alternative, and missingScope the first of them', () => {
    expect(missingScopes(op('read'), 'bearer', [])).toEqual(['things:read']);
    expect(missingScopes(op('write'), 'bearer', ['things:read'])).toEqual(['things:write', 'things:admin']);
    expect(missingScope(op('write'), 'bearer', ['things:admin'])).toBe('things:write');
  });

  it('a requirement naming no scope needs none', () => {
    expect(missingScopes(op('open'), 'bearer', [])).toEqual([]);
  });
});
