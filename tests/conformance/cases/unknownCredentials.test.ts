// The unknown-credentials case: well-formed credentials no server issued, once per way in, so
// that a server that only checks that a key or token is present fails. Prism is such a server:
// the case is skipped against the mock, saying so.
import { describe, expect, it } from 'vitest';
import { deriveCases } from '../../../src/conformance/cases/deriveCases.js';
import { mockTarget } from '../../../src/conformance/targets/mock/mockTarget.js';
import { foreignApi, ok } from './foreignDocument.js';

const schemes = { bearer: { type: 'http', scheme: 'bearer' }, key: { type: 'apiKey', in: 'header', name: 'X-Api-Key' } };

describe('credentials: unknown', () => {
  it('is one case per security alternative, each naming its schemes, expecting the 401', async () => {
    const api = await foreignApi({ components: { securitySchemes: schemes }, security: [{ bearer: [] }, { key: [] }], paths: { '/x': { get: { responses: { ...ok, '401': { description: 'no' } } } } } });
    const unknown = deriveCases(api).filter((c) => c.brokenRule?.startsWith('credentials: unknown'));
    expect(unknown.map((c) => [c.brokenRule, c.request.auth, c.expect.statuses])).toEqual([
      ['credentials: unknown (bearer)', { kind: 'unknown', schemes: ['bearer'] }, ['401']],
      ['credentials: unknown (key)', { kind: 'unknown', schemes: ['key'] }, ['401']],
    ]);
    expect(mockTarget.skipReason(unknown[0]!)).toBe('Prism accepts any credential that is present');
  });

  it('is not derived where anonymous access is one of the alternatives', async () => {
    const api = await foreignApi({ components: { securitySchemes: schemes }, security: [{ bearer: [] }, {}], paths: { '/x': { get: { responses: { ...ok, '401': { description: 'no' } } } } } });
    expect(deriveCases(api).filter((c) => c.brokenRule?.startsWith('credentials:'))).toEqual([]);
  });
});
