import { describe, expect, it } from 'vitest';
import type { OpenApiDocument } from '../../src/openapi/loadDocument.js';
import { planSecurity } from '../../src/openapi/securitySchemes.js';

const doc: OpenApiDocument = {
  openapi: '3.1.0',
  components: {
    securitySchemes: {
      headerKey: { type: 'apiKey', in: 'header', name: 'X-API-Key' },
      queryKey: { type: 'apiKey', in: 'query', name: 'api_key' },
      cookieKey: { type: 'apiKey', in: 'cookie', name: 'session' },
      bearer: { type: 'http', scheme: 'bearer' },
      basic: { type: 'http', scheme: 'Basic' },
      digest: { type: 'http', scheme: 'Digest' },
      oauth: { type: 'oauth2', flows: {} },
      oidc: { type: 'openIdConnect', openIdConnectUrl: 'https://example.com/.well-known/openid-configuration' },
      tls: { type: 'mutualTLS' },
      referenced: { $ref: '#/components/securitySchemes/bearer' },
    },
  },
};

const none = { headers: {}, query: {}, cookies: {} };

describe('planSecurity', () => {
  it('places an apiKey in header, query or cookie', () => {
    expect(planSecurity(doc, [{ headerKey: [] }], { headerKey: 'k' })).toEqual({ ok: true, requirement: { headerKey: [] }, ...none, headers: { 'X-API-Key': 'k' } });
    expect(planSecurity(doc, [{ queryKey: [] }], { queryKey: 'k' })).toMatchObject({ ok: true, query: { api_key: 'k' } });
    expect(planSecurity(doc, [{ cookieKey: [] }], { cookieKey: 'k' })).toMatchObject({ ok: true, cookies: { session: 'k' } });
  });

  it('sends http bearer, basic (user:password, base64) and other http schemes in Authorization', () => {
    expect(planSecurity(doc, [{ bearer: [] }], { bearer: 't' })).toMatchObject({ headers: { Authorization: 'Bearer t' } });
    expect(planSecurity(doc, [{ basic: [] }], { basic: 'ann:s3cret' })).toMatchObject({ headers: { Authorization: 'Basic YW5uOnMzY3JldA==' } });
    expect(planSecurity(doc, [{ basic: [] }], { basic: { username: 'ann', password: 's3cret' } })).toMatchObject({ headers: { Authorization: 'Basic YW5uOnMzY3JldA==' } });
    expect(planSecurity(doc, [{ digest: [] }], { digest: 'username="a"' })).toMatchObject({ headers: { Authorization: 'Digest username="a"' } });
    expect(planSecurity(doc, [{ referenced: [] }], { referenced: 't' })).toMatchObject({ headers: { Authorization: 'Bearer t' } });
  });

  it('sends an oauth2 or openIdConnect token the user supplies as a bearer token', () => {
    expect(planSecurity(doc, [{ oauth: ['read'] }], { oauth: 't' })).toMatchObject({ ok: true, headers: { Authorization: 'Bearer t' } });
    expect(planSecurity(doc, [{ oidc: [] }], { oidc: 't' })).toMatchObject({ ok: true, headers: { Authorization: 'Bearer t' } });
  });

  it('combines the schemes of one requirement (AND) and takes the first satisfiable alternative (OR)', () => {
    const requirements: Record<string, string[]>[] = [{ bearer: [], headerKey: [] }, { queryKey: [] }];
    expect(planSecurity(doc, requirements, { bearer: 't', headerKey: 'k', queryKey: 'q' }))
      .toEqual({ ok: true, requirement: { bearer: [], headerKey: [] }, headers: { Authorization: 'Bearer t', 'X-API-Key': 'k' }, query: {}, cookies: {} });
    expect(planSecurity(doc, requirements, { bearer: 't', queryKey: 'q' })).toMatchObject({ ok: true, requirement: { queryKey: [] }, query: { api_key: 'q' } });
  });

  it('needs nothing for no requirement or an empty alternative', () => {
    expect(planSecurity(doc, [], {})).toEqual({ ok: true, requirement: {}, ...none });
    expect(planSecurity(doc, [{ bearer: [] }, {}], {})).toEqual({ ok: true, requirement: {}, ...none });
  });

  it('says why no alternative can be satisfied, without printing secrets', () => {
    const plan = planSecurity(doc, [{ bearer: [], oauth: [] }, { basic: [] }, { tls: [] }, { nope: [] }], { bearer: 'SECRET', oauth: 'SECRET', basic: 'nocolon' });
    expect(plan.ok).toBe(false);
    const reason = (plan as { reason: string }).reason;
    expect(reason).toContain('both need the Authorization header');
    expect(reason).toContain('must be user:password');
    expect(reason).toContain('(mutualTLS) needs a client certificate');
    expect(reason).toContain('security scheme "nope" is not in #/components/securitySchemes');
    expect(reason).not.toContain('SECRET');
    expect(planSecurity(doc, [{ bearer: [] }], {})).toEqual({ ok: false, reason: 'no security requirement can be satisfied: {bearer}: no credential supplied for security scheme "bearer" (http bearer)' });
  });
});
