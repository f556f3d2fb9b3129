// A --spec document is read from a file or a loopback URL only: a host that merely starts with
// "127." (127.0.0.1.example.com resolves wherever its DNS says) is an outside host.
import { describe, expect, it } from 'vitest';
import { loadForeignApi } from '../../src/core/loadApi.js';
import { adHocEntry } from '../../src/core/registry.js';

describe('loadForeignApi', () => {
  it.each(['http://127.0.0.1.example.com/openapi.json', 'http://127.evil.test/openapi.json', 'https://example.com/openapi.json'])('refuses %s before any request, saying only files and loopback URLs are read', async (url) => {
    await expect(loadForeignApi(adHocEntry('x', url), url)).rejects.toThrow(`OpenAPI document ${url}: only files and loopback URLs are read`);
  });
});

describe('loadForeignApi: operations in another JSON Schema dialect', () => {
  it('lists an operation whose schema declares draft-04 as untestable, naming the dialect, not as a schema that fails to compile', async () => {
    const { foreignApi } = await import('../conformance/cases/foreignDocument.js');
    const draft4 = { $schema: 'http://json-schema.org/draft-04/schema#', type: 'number', minimum: 10, exclusiveMinimum: true };
    const api = await foreignApi({ paths: { '/n': { get: { operationId: 'getN', parameters: [{ name: 'n', in: 'query', required: true, schema: draft4 }], responses: { '200': { description: 'ok' } } } } } });
    expect(api.issues?.get('#/paths/~1n/get')).toEqual({ kind: 'skip', reason: expect.stringMatching(/^the schema is written in the JSON Schema dialect http:\/\/json-schema\.org\/draft-04\/schema# \(declared at #\/paths\/~1n\/get\/parameters\/0\/schema\)/), pointer: '#/paths/~1n/get/parameters/0/schema' });
  });
});

describe('loadForeignApi: a wrong type named once', () => {
  it("names a schema keyword of the wrong type (minimum: '1') once, as the operation's schema-compile issue, not also as a structure note", async () => {
    const { foreignApi } = await import('../conformance/cases/foreignDocument.js');
    const schema = { type: 'integer', minimum: '1' };
    const api = await foreignApi({
      openapi: '3.0.3',
      paths: { '/a': { get: { parameters: [{ name: 'n', in: 'query', schema }], responses: { '200': { description: 'ok' } } } }, '/b': { get: { parameters: [{ name: 'm', in: 'query', required: 'true', schema: { type: 'string' } }], responses: { '200': { description: 'ok' } } } } },
    });
    expect(api.issues?.get('#/paths/~1a/get')).toMatchObject({ kind: 'error', pointer: '#/paths/~1a/get/parameters/0/schema/minimum' });
    expect(api.warnings).toEqual(["the document's #/paths/~1b/get/parameters/0/required is a string, where OpenAPI expects a boolean: the suite cannot use it as written"]);
  });
});

describe('loadForeignApi: schemas ajv cannot read', () => {
  it("refuses a document with a schema $id that is no URI in one line naming it (a DocumentError, not an 'unexpected error')", async () => {
    const { foreignApi } = await import('../conformance/cases/foreignDocument.js');
    const { DocumentError } = await import('../../src/core/loadApi.js');
    const loading = foreignApi({ components: { schemas: { S: { $id: 'http://{host}/s', type: 'object' } } }, paths: {} });
    await expect(loading).rejects.toBeInstanceOf(DocumentError);
    await expect(loading).rejects.toThrow(/: the document's schemas cannot be read by ajv: URI host is malformed\.$/);
  });
});
