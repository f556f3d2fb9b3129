// An operation one of whose ways in is a security scheme Prism does not check (mutualTLS): Prism lets any request through on it, so the missing
// and malformed credentials cases prove nothing on the mock and are skipped, saying so (they failed
// with "expected status 401, got 200"); a live target still gets them.
import { describe, expect, it } from 'vitest';
import { deriveCases } from '../../../src/conformance/cases/deriveCases.js';
import { mockTarget } from '../../../src/conformance/targets/mock/mockTarget.js';
import { foreignApi, ok } from './foreignDocument.js';

const responses = { ...ok, '401': { description: 'no' } };
const credentialCases = async (securitySchemes: Record<string, unknown>, security: unknown[]) => {
  const api = await foreignApi({ components: { securitySchemes }, security, paths: { '/x': { get: { responses } } } });
  return deriveCases(api).filter((c) => c.brokenRule === 'credentials: missing' || c.brokenRule === 'credentials: malformed Authorization header');
};

describe('credentials missing or malformed where Prism checks one way in not at all', () => {
  it('skips them on the mock beside a mutualTLS alternative, naming the scheme', async () => {
    const cases = await credentialCases({ mtls: { type: 'mutualTLS' }, oidc: { type: 'openIdConnect', openIdConnectUrl: 'https://example.com/.well-known/openid-configuration' } }, [{ mtls: [] }, { oidc: [] }]);
    expect(cases.map((c) => c.brokenRule)).toEqual(['credentials: missing', 'credentials: malformed Authorization header']);
    for (const c of cases) expect(mockTarget.skipReason(c)).toMatch(/Prism does not check security scheme "mtls" \(mutualTLS\)/);
  });

  it('runs them on the mock where Prism checks every way in', async () => {
    const cases = await credentialCases({ key: { type: 'apiKey', in: 'header', name: 'X-Key' } }, [{ key: [] }]);
    expect(cases.map((c) => c.brokenRule)).toEqual(['credentials: missing', 'credentials: malformed Authorization header']);
    for (const c of cases) expect(mockTarget.skipReason(c)).toBeUndefined();
  });
});
