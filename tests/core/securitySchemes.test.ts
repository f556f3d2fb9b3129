import { describe, expect, it } from 'vitest';
import { documentScopes, schemeHeader, scopeAlternatives } from '../../src/core/securitySchemes.js';
import { toOpenApiDocument } from '../../src/openapi/loadDocument.js';
import { listOperations } from '../../src/openapi/operations.js';

const doc = toOpenApiDocument(
  {
    openapi: '3.1.0',
    info: { title: 'inline', version: '1' },
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' }, key: { type: 'apiKey', in: 'header', name: 'X-Key' }, basic: { type: 'http', scheme: 'basic' } } },
    paths: {
      '/a': { get: { security: [{ bearer: ['a:read'] }, { bearer: ['a:write'] }, { key: ['a:read'] }], responses: { '200': { description: 'ok' } } } },
      '/b': { delete: { security: [{ bearer: ['b:write'] }], responses: { '200': { description: 'ok' } } } },
    },
  },
  'inline',
);
const [read] = listOperations(doc);

describe('schemeHeader', () => {
  it('reads a bearer token and an apiKey header back the way it writes them', () => {
    const bearer = schemeHeader(doc, 'bearer');
    expect(bearer.header).toBe('Authorization');
    expect(bearer.parse(bearer.format('k1'))).toBe('k1');
    expect(bearer.parse('Basic k1')).toBeUndefined();
    const key = schemeHeader(doc, 'key');
    expect([key.header, key.parse('  k2 ')]).toEqual(['X-Key', 'k2']);
  });
  it('says when a scheme is not one a header carries, or not in the document', () => {
    expect(() => schemeHeader(doc, 'basic')).toThrow(/neither http bearer nor an apiKey in a header/);
    expect(() => schemeHeader(doc, 'nope')).toThrow(/not in the document/);
  });
});

describe('scopes', () => {
  it('gives one list per requirement naming the scheme: any one of them suffices', () => {
    expect(scopeAlternatives(read!, 'bearer')).toEqual([['a:read'], ['a:write']]);
    expect(scopeAlternatives(read!, 'key')).toEqual([['a:read']]);
  });
  it('lists every scope of the document once, sorted', () => {
    expect(documentScopes(listOperations(doc))).toEqual(['a:read', 'a:write', 'b:write']);
  });
});
