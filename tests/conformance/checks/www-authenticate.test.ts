// www-authenticate: a live 401 to an operation secured by an http scheme (basic, bearer), whose
// document gives that 401 a WWW-Authenticate header, carries the challenge (RFC 9110 §11.6.1 makes
// it one a 401 cannot go without, even where the document says it is optional); where the document
// does not mention the header, other security, and the mock are not checked.
import { describe, expect, it } from 'vitest';
import { checkResponse } from '../../../src/conformance/checks/checkResponse.js';
import { toOpenApiDocument } from '../../../src/openapi/loadDocument.js';
import { listOperations } from '../../../src/openapi/operations.js';
import { createSchemaValidator } from '../../../src/openapi/schemaValidator.js';

function secured(scheme: Record<string, unknown>, documented = true) {
  const doc = toOpenApiDocument(
    {
      openapi: '3.1.0',
      info: { title: 'inline', version: '1' },
      components: { securitySchemes: { s: scheme } },
      security: [{ s: [] }],
      paths: { '/x': { get: { responses: { '200': { description: 'ok' }, '401': { description: 'who are you', ...(documented ? { headers: { 'WWW-Authenticate': { schema: { type: 'string' } } } } : {}) } } } } },
    },
    'inline document',
  );
  const operation = listOperations(doc)[0]!;
  const validator = createSchemaValidator(doc);
  return (headers: Record<string, string>, target: 'live' | 'mock' = 'live') =>
    checkResponse({ operation, doc, validator, expect: { statuses: [] }, target, response: { status: 401, headers, bodyText: '' } }).filter((f) => f.rule === 'www-authenticate');
}

describe('www-authenticate', () => {
  it('fails a 401 without WWW-Authenticate where the operation takes http bearer or basic, citing the RFC', () => {
    for (const scheme of [{ type: 'http', scheme: 'bearer' }, { type: 'http', scheme: 'Basic' }]) {
      const failures = secured(scheme)({});
      expect(failures).toHaveLength(1);
      expect(failures[0]?.message).toMatch(/RFC 9110 §11\.6\.1/);
    }
    expect(secured({ type: 'http', scheme: 'bearer' })({ 'www-authenticate': '  ' })).toHaveLength(1);
  });

  it('passes a 401 carrying a challenge', () => {
    expect(secured({ type: 'http', scheme: 'bearer' })({ 'www-authenticate': 'Bearer realm="x"' })).toEqual([]);
  });

  it("does not hold a server to a challenge its document does not mention (the partner documents do not)", () => {
    expect(secured({ type: 'http', scheme: 'bearer' }, false)({})).toEqual([]);
  });

  it('does not apply to an apiKey scheme, nor to the mock', () => {
    expect(secured({ type: 'apiKey', in: 'header', name: 'X-Key' })({})).toEqual([]);
    expect(secured({ type: 'http', scheme: 'bearer' })({}, 'mock')).toEqual([]);
  });
  it("fails a challenge that names none of the operation's http schemes (Basic where only Bearer is taken), naming both", () => {
    const failures = secured({ type: 'http', scheme: 'bearer' })({ 'www-authenticate': 'Basic realm="x"' });
    expect(failures).toHaveLength(1);
    expect(failures[0]?.message).toMatch(/Basic.*Bearer|Bearer.*Basic/);
    expect(secured({ type: 'http', scheme: 'basic' })({ 'www-authenticate': 'Bearer realm="x", error="invalid_token"' })).toHaveLength(1);
  });

  it('passes when one challenge names the scheme, in any case, among others', () => {
    expect(secured({ type: 'http', scheme: 'bearer' })({ 'www-authenticate': 'Basic realm="x", bearer realm="x", error="invalid_token"' })).toEqual([]);
    expect(secured({ type: 'http', scheme: 'bearer' })({ 'www-authenticate': 'Bearer' })).toEqual([]);
    expect(secured({ type: 'http', scheme: 'Basic' })({ 'www-authenticate': 'Newauth realm="apps", type=1, title="Login to \\"apps\\"", Basic realm="simple"' })).toEqual([]);
  });
});
