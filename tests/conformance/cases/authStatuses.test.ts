// What the credential cases of a --spec document expect: the statuses a correct server may answer
// a request it cannot authenticate, read from what the operation documents. RFC 9110 gives 401
// (§15.5.2) and lets a server refuse with 403 (§15.5.4) where the document lists it, directly or
// under 4XX or default; a malformed Authorization header may also get the documented 400
// (RFC 6750 §3.1, invalid_request), and so may the credential sent without its scheme name or under
// another one; the credential in other letter case is refused as an unknown one is. A 2xx or an undocumented status still fails.
import { describe, expect, it } from 'vitest';
import { deriveCases } from '../../../src/conformance/cases/deriveCases.js';
import { foreignApi, json, ok } from './foreignDocument.js';

const schemes = { bearer: { type: 'http', scheme: 'bearer' } };
const error = { description: 'error', content: json({ type: 'object' }) };

async function authExpectations(responses: Record<string, unknown>) {
  const api = await foreignApi({ components: { securitySchemes: schemes }, security: [{ bearer: [] }], paths: { '/x': { get: { responses: { ...ok, ...responses } } } } });
  return Object.fromEntries(deriveCases(api).filter((c) => c.brokenRule?.startsWith('credentials:')).map((c) => [c.brokenRule, c.expect.statuses]));
}

describe('credential cases of a --spec document', () => {
  it('accept the documented 403 beside the 401', async () => {
    expect(await authExpectations({ '401': error, '403': error })).toEqual({
      'credentials: missing': ['401', '403'],
      'credentials: malformed Authorization header': ['401', '403'],
      'credentials: unknown': ['401', '403'],
      'credentials: the credential given, each letter in the other case': ['401', '403'],
      'credentials: the credential given, without its scheme name': ['401', '403'],
      'credentials: the credential given, under the scheme name Token instead of Bearer': ['401', '403'],
    });
  });

  it('accept a 403 documented alone (an API that answers every refusal with 403)', async () => {
    expect(await authExpectations({ '403': error })).toEqual({
      'credentials: missing': ['403'],
      'credentials: malformed Authorization header': ['403'],
      'credentials: unknown': ['403'],
      'credentials: the credential given, each letter in the other case': ['403'],
      'credentials: the credential given, without its scheme name': ['403'],
      'credentials: the credential given, under the scheme name Token instead of Bearer': ['403'],
    });
  });

  it('read 401 and 403 under a default error response', async () => {
    expect(await authExpectations({ default: error })).toEqual({
      'credentials: missing': ['401', '403'],
      'credentials: malformed Authorization header': ['401', '403'],
      'credentials: unknown': ['401', '403'],
      'credentials: the credential given, each letter in the other case': ['401', '403'],
      'credentials: the credential given, without its scheme name': ['401', '403'],
      'credentials: the credential given, under the scheme name Token instead of Bearer': ['401', '403'],
    });
  });

  it('accept a documented 400 for a malformed Authorization header only', async () => {
    expect(await authExpectations({ '400': error, '401': error })).toEqual({
      'credentials: missing': ['401'],
      'credentials: malformed Authorization header': ['401', '400'],
      'credentials: unknown': ['401'],
      'credentials: the credential given, each letter in the other case': ['401'],
      'credentials: the credential given, without its scheme name': ['401', '400'],
      'credentials: the credential given, under the scheme name Token instead of Bearer': ['401', '400'],
    });
  });

  it('are not derived where no refusal is documented', async () => {
    expect(await authExpectations({ '404': error })).toEqual({});
  });
});

describe('an operation that documents client errors but no refusal', () => {
  it('says its credential cases are skipped for want of a 401 or 403, not of a client error (it documents 400)', async () => {
    const api = await foreignApi({ components: { securitySchemes: schemes }, security: [{ bearer: [] }], paths: { '/x': { get: { operationId: 'getX', responses: { ...ok, '400': error } } } } });
    const skips = deriveCases(api).filter((c) => c.preflight?.outcome === 'skipped').map((c) => c.preflight?.reason);
    expect(skips).toContain('getX documents no 401 or 403 (nor a 4XX or default that holds them): no negative case for credentials');
    expect(skips.join('\n')).not.toMatch(/documents no client-error status: no negative case for credentials/);
  });
});
