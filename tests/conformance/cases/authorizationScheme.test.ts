// The Authorization scheme name, written two more ways: in lower case (`bearer <token>`, the same
// credential: RFC 9110 §11.1 makes the scheme case-insensitive), a valid request a server must
// accept; and left out (the token alone), no credential of the scheme, a request it must refuse.
import { describe, expect, it } from 'vitest';
import { deriveCases } from '../../../src/conformance/cases/deriveCases.js';
import { mockTarget } from '../../../src/conformance/targets/mock/mockTarget.js';
import { prepareRequest } from '../../../src/conformance/run/sendRequest.js';
import type { RequestSpec } from '../../../src/conformance/model.js';
import { foreignApi, ok } from './foreignDocument.js';

const schemes = { bearer: { type: 'http', scheme: 'bearer' }, basic: { type: 'http', scheme: 'basic' }, key: { type: 'apiKey', in: 'header', name: 'X-Api-Key' }, raw: { type: 'apiKey', in: 'header', name: 'Authorization' } };
const document = (security: Record<string, string[]>[]) => ({ components: { securitySchemes: schemes }, security, paths: { '/x': { get: { responses: { ...ok, '401': { description: 'no' } } } } } });
const credentials = { apiKey: 'the-key', apiKeyEnv: 'KEY', extraHeaders: [] };

describe('the Authorization scheme name in lower case', () => {
  it('is one valid case per way in that sends an http scheme, skipped against Prism where the scheme is bearer', async () => {
    const api = await foreignApi(document([{ bearer: [] }, { basic: [] }, { key: [] }]));
    const lower = deriveCases(api).filter((c) => c.request.authorizationScheme === 'lower-case');
    expect(lower.map((c) => [c.kind, c.request.auth, c.expect.valid])).toEqual([
      ['positive', { kind: 'scheme', scheme: 'bearer' }, true],
      ['positive', { kind: 'scheme', scheme: 'basic' }, true],
    ]);
    expect(mockTarget.skipReason(lower[0]!)).toMatch(/Prism reads the Bearer scheme name case-sensitively/);
    expect(mockTarget.skipReason(lower[1]!)).toBeUndefined();
  });

  it('is sent as the scheme name in lower case, the credential unchanged, and shown so in the curl line', () => {
    const spec: RequestSpec = { method: 'GET', pathTemplate: '/x', pathParams: {}, query: {}, headers: {}, auth: { kind: 'scheme', scheme: 'bearer' }, authorizationScheme: 'lower-case' };
    const prepared = prepareRequest(document([{ bearer: [] }]) as never, 'http://127.0.0.1:1', spec, credentials);
    expect(prepared.headers.Authorization).toBe('bearer the-key');
    expect(prepared.curl).toContain("'Authorization: bearer $KEY'".replace(/'/g, '"'));
  });
});

describe('the Authorization scheme name left out', () => {
  it('is one negative case per way in that sends a bearer token, expecting the 401 (not for basic, whose text alone Prism reads its own way)', async () => {
    const api = await foreignApi(document([{ bearer: [] }, { basic: [] }, { key: [] }]));
    const omitted = deriveCases(api).filter((c) => c.request.authorizationScheme === 'omitted');
    expect(omitted.map((c) => [c.brokenRule, c.request.auth, c.expect.statuses])).toEqual([['credentials: the credential given, without its scheme name (bearer)', { kind: 'scheme', scheme: 'bearer' }, ['401']]]);
    expect(mockTarget.skipReason(omitted[0]!)).toBeUndefined();
  });

  it('is not sent where another way in is an apiKey named Authorization: the credential alone is the valid request of that way', async () => {
    const api = await foreignApi(document([{ bearer: [] }, { raw: [] }]));
    expect(deriveCases(api).filter((c) => c.request.authorizationScheme === 'omitted')).toEqual([]);
  });

  it('sends the credential alone in Authorization', () => {
    const spec: RequestSpec = { method: 'GET', pathTemplate: '/x', pathParams: {}, query: {}, headers: {}, auth: { kind: 'scheme', scheme: 'bearer' }, authorizationScheme: 'omitted' };
    expect(prepareRequest(document([{ bearer: [] }]) as never, 'http://127.0.0.1:1', spec, credentials).headers.Authorization).toBe('the-key');
  });
});

describe('the Authorization scheme name replaced by another', () => {
  it('is one negative case per way in that sends a bearer token, expecting the 401, and runs against Prism (which reads Bearer exactly)', async () => {
    const api = await foreignApi(document([{ bearer: [] }, { basic: [] }, { key: [] }]));
    const other = deriveCases(api).filter((c) => c.request.authorizationScheme === 'other-name');
    expect(other.map((c) => [c.brokenRule, c.request.auth, c.expect.statuses])).toEqual([['credentials: the credential given, under the scheme name Token instead of Bearer (bearer)', { kind: 'scheme', scheme: 'bearer' }, ['401']]]);
    expect(mockTarget.skipReason(other[0]!)).toBeUndefined();
  });

  it('is skipped against Prism where another way in is an apiKey named Authorization (any text is a key of that way, and Prism takes any)', async () => {
    const api = await foreignApi(document([{ bearer: [] }, { raw: [] }]));
    const other = deriveCases(api).filter((c) => c.request.authorizationScheme === 'other-name');
    expect(other.map((c) => [c.request.auth, c.expect.statuses])).toEqual([[{ kind: 'scheme', scheme: 'bearer' }, ['401']]]);
    expect(mockTarget.skipReason(other[0]!)).toMatch(/another way in \(raw\) is an apiKey in Authorization/);
  });

  it('sends the credential under the scheme name Token, and shows it so in the curl line', () => {
    const spec: RequestSpec = { method: 'GET', pathTemplate: '/x', pathParams: {}, query: {}, headers: {}, auth: { kind: 'scheme', scheme: 'bearer' }, authorizationScheme: 'other-name' };
    const prepared = prepareRequest(document([{ bearer: [] }]) as never, 'http://127.0.0.1:1', spec, credentials);
    expect(prepared.headers.Authorization).toBe('Token the-key');
    expect(prepared.curl).toContain('"Authorization: Token $KEY"');
  });
});

describe('the credential in other letter case', () => {
  it('is one negative case per way in, expecting the 401, skipped against Prism (which accepts any credential present)', async () => {
    const api = await foreignApi(document([{ bearer: [] }, { key: [] }]));
    const swapped = deriveCases(api).filter((c) => c.request.credentialRespelled === 'letter-case');
    expect(swapped.map((c) => [c.request.auth, c.expect.statuses])).toEqual([
      [{ kind: 'requirement', schemes: ['bearer'] }, ['401']],
      [{ kind: 'requirement', schemes: ['key'] }, ['401']],
    ]);
    expect(mockTarget.skipReason(swapped[0]!)).toMatch(/Prism accepts any credential that is present/);
  });

  it('sends each letter of the key in the other case, where it goes, and shows the variable', () => {
    const spec = (scheme: string): RequestSpec => ({ method: 'GET', pathTemplate: '/x', pathParams: {}, query: {}, headers: {}, auth: { kind: 'requirement', schemes: [scheme] }, credentialRespelled: 'letter-case' });
    expect(prepareRequest(document([{ bearer: [] }]) as never, 'http://127.0.0.1:1', spec('bearer'), credentials).headers.Authorization).toBe('Bearer THE-KEY');
    const viaHeader = prepareRequest(document([{ key: [] }]) as never, 'http://127.0.0.1:1', spec('key'), { ...credentials, apiKey: 'Lp_Key9' });
    expect(viaHeader.headers['X-Api-Key']).toBe('lP_kEY9');
    expect(viaHeader.curl).toContain('$KEY');
  });

  it('is not sent when the key has no letter to change', () => {
    const spec: RequestSpec = { method: 'GET', pathTemplate: '/x', pathParams: {}, query: {}, headers: {}, auth: { kind: 'requirement', schemes: ['key'] }, credentialRespelled: 'letter-case' };
    expect(() => prepareRequest(document([{ key: [] }]) as never, 'http://127.0.0.1:1', spec, { ...credentials, apiKey: '1234-5678' })).toThrow(/no letter whose case could be changed/);
  });
});

describe('a key in a header of its own, after a Bearer scheme name', () => {
  it('is one negative case per way in whose keys travel in their own headers (not Authorization), expecting the 401, skipped against Prism', async () => {
    const api = await foreignApi(document([{ bearer: [] }, { key: [] }]));
    const prefixed = deriveCases(api).filter((c) => c.request.credentialRespelled === 'bearer-prefix');
    expect(prefixed.map((c) => [c.request.auth, c.expect.statuses])).toEqual([[{ kind: 'requirement', schemes: ['key'] }, ['401']]]);
    expect(mockTarget.skipReason(prefixed[0]!)).toMatch(/Prism accepts any credential that is present/);
  });

  it('sends the header as Bearer <key>', () => {
    const spec: RequestSpec = { method: 'GET', pathTemplate: '/x', pathParams: {}, query: {}, headers: {}, auth: { kind: 'requirement', schemes: ['key'] }, credentialRespelled: 'bearer-prefix' };
    expect(prepareRequest(document([{ key: [] }]) as never, 'http://127.0.0.1:1', spec, credentials).headers['X-Api-Key']).toBe('Bearer the-key');
  });
});
