// Credentials for every security scheme type, placed where the scheme says, and never shown in
// the curl line (the variable name, or [REDACTED]).
import { describe, expect, it } from 'vitest';
import { adHocCredentials, parseHeaderOption, resolveHeaders } from '../../../src/conformance/run/adHocCredentials.js';
import { CredentialError, prepareRequest, UNKNOWN_CREDENTIAL } from '../../../src/conformance/run/sendRequest.js';
import type { RequestSpec } from '../../../src/conformance/model.js';
import { toOpenApiDocument } from '../../../src/openapi/loadDocument.js';

const doc = toOpenApiDocument(
  {
    openapi: '3.1.0',
    info: { title: 'schemes', version: '1' },
    paths: {},
    components: {
      securitySchemes: {
        queryKey: { type: 'apiKey', in: 'query', name: 'api_key' },
        cookieKey: { type: 'apiKey', in: 'cookie', name: 'session' },
        basic: { type: 'http', scheme: 'basic' },
        digest: { type: 'http', scheme: 'digest' },
        oauth: { type: 'oauth2', flows: {} },
        oidc: { type: 'openIdConnect', openIdConnectUrl: 'http://127.0.0.1/.well-known' },
      },
    },
  },
  'inline',
);

const spec = (auth: RequestSpec['auth'], extra: Partial<RequestSpec> = {}): RequestSpec => ({ method: 'GET', pathTemplate: '/x/{id}', pathParams: { id: '1' }, query: {}, headers: {}, auth, ...extra });
const mock = adHocCredentials(doc, 'schemes', [], 'mock');

describe('prepareRequest with every security scheme type', () => {
  it('puts an apiKey in the query and in a cookie, both at once for a combined requirement', () => {
    const prepared = prepareRequest(doc, 'http://127.0.0.1:1', spec({ kind: 'requirement', schemes: ['queryKey', 'cookieKey'] }), mock);
    expect(new URL(prepared.url).searchParams.get('api_key')).toBe('conformance-mock-key');
    expect(prepared.headers.Cookie).toBe('session=conformance-mock-key');
  });

  it('sends http basic as user:password in base64, oauth2 and openIdConnect as bearer tokens', () => {
    expect(prepareRequest(doc, 'http://127.0.0.1:1', spec({ kind: 'scheme', scheme: 'basic' }), mock).headers.Authorization).toBe(`Basic ${Buffer.from('conformance:conformance-mock-key').toString('base64')}`);
    expect(prepareRequest(doc, 'http://127.0.0.1:1', spec({ kind: 'scheme', scheme: 'oauth' }), mock).headers.Authorization).toBe('Bearer conformance-mock-key');
    expect(prepareRequest(doc, 'http://127.0.0.1:1', spec({ kind: 'scheme', scheme: 'oidc' }), mock).headers.Authorization).toBe('Bearer conformance-mock-key');
  });

  it("sends http digest to the mock as a digest credential with the parameters Prism asks for (username, realm, nonce, uri, response; the bare key got Prism's 401, harness AC-22)", () => {
    const authorization = prepareRequest(doc, 'http://127.0.0.1:1', spec({ kind: 'scheme', scheme: 'digest' }), mock).headers.Authorization;
    expect(authorization).toBe('digest username="conformance", realm="conformance", nonce="conformance", uri="conformance", response="conformance"');
  });

  it("percent-encodes the literal text of a path template that a path cannot carry as is, '%' included (Prism's harness: /test path > with | unsafe % characters went as '%%20', which no server decodes)", () => {
    const prepared = prepareRequest(doc, 'http://127.0.0.1:1', spec({ kind: 'none' }, { pathTemplate: '/test path > with | unsafe % characters/{id}', pathParams: { id: 'a b' } }), mock);
    expect(new URL(prepared.url).pathname).toBe('/test%20path%20%3E%20with%20%7C%20unsafe%20%25%20characters/a%20b');
    expect(new URL(prepareRequest(doc, 'http://127.0.0.1:1', spec({ kind: 'none' }, { pathTemplate: "/v1/a-b_c.d~e/!$&'()*+,;=:@/é" }), mock).url).pathname).toBe("/v1/a-b_c.d~e/!$&'()*+,;=:@/%C3%A9");
  });

  it('writes a lone surrogate in a path template as the URL parser does (U+FFFD), never throwing', () => {
    expect(new URL(prepareRequest(doc, 'http://127.0.0.1:1', spec({ kind: 'none' }, { pathTemplate: '/a\uD800b' }), mock).url).pathname).toBe('/a%EF%BF%BDb');
  });

  it('sends serialised parameters: exploded query arrays, label paths, cookies', () => {
    const prepared = prepareRequest(doc, 'http://127.0.0.1:1', spec({ kind: 'none' }, { encodedPathParams: { id: '.a.b' }, queryPairs: [['tag', 'x'], ['tag', 'y']], cookies: { c: 'v w' } }), mock);
    expect(prepared.url).toBe('http://127.0.0.1:1/x/.a.b?tag=x&tag=y');
    expect(prepared.headers.Cookie).toBe('c=v%20w');
  });
});

describe('--header credentials', () => {
  it('parses <api>=<Header>: <value> and refuses anything else', () => {
    expect(parseHeaderOption('box=Authorization: Bearer ${BOX_TOKEN}')).toEqual({ api: 'box', header: 'Authorization', value: 'Bearer ${BOX_TOKEN}' });
    expect(parseHeaderOption('box=Authorization')).toBeUndefined();
  });

  it('reads ${VAR} from the environment and shows the variable, never the value, in the curl line', () => {
    const headers = resolveHeaders([parseHeaderOption('schemes=Authorization: Bearer ${TOKEN}')!, parseHeaderOption('schemes=X-Literal: s3cr3t-literal')!], 'schemes', { TOKEN: 'tok-123456' });
    const live = adHocCredentials(doc, 'schemes', headers, 'live');
    const prepared = prepareRequest(doc, 'http://127.0.0.1:1', spec({ kind: 'scheme', scheme: 'oauth' }), live);
    expect(prepared.headers.Authorization).toBe('Bearer tok-123456');
    expect(prepared.curl).toContain('"Authorization: Bearer ${TOKEN}"');
    expect(prepared.curl).toContain("'X-Literal: [REDACTED]'");
    expect(prepared.curl).not.toMatch(/tok-123456|s3cr3t-literal/);
  });

  it('names the variable that is not set', () => {
    expect(() => resolveHeaders([parseHeaderOption('schemes=Authorization: Bearer ${NOPE}')!], 'schemes', {})).toThrow(/NOPE is not set/);
  });

  it('skips (CredentialError) a live request whose scheme no --header carries', () => {
    const live = adHocCredentials(doc, 'schemes', [], 'live');
    expect(() => prepareRequest(doc, 'http://127.0.0.1:1', spec({ kind: 'scheme', scheme: 'queryKey' }), live)).toThrow(CredentialError);
  });
});

describe('--header credentials on requests that must go without them', () => {
  const keyed = toOpenApiDocument(
    {
      openapi: '3.1.0',
      info: { title: 'keyed', version: '1' },
      paths: {},
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' }, headerKey: { type: 'apiKey', in: 'header', name: 'X-Api-Key' }, cookieKey: { type: 'apiKey', in: 'cookie', name: 'SESSIONID' } } },
    },
    'inline',
  );
  const given = resolveHeaders(
    ['keyed=Authorization: Bearer tok', 'keyed=X-Api-Key: k', 'keyed=Cookie: SESSIONID=s', 'keyed=X-Tenant: t1'].map((h) => parseHeaderOption(h)!),
    'keyed',
    {},
  );
  const live = adHocCredentials(keyed, 'keyed', given, 'live');

  it('a missing-credentials request leaves out every header that carries a scheme, and keeps the others', () => {
    const prepared = prepareRequest(keyed, 'http://127.0.0.1:1', spec({ kind: 'none' }), live);
    expect(prepared.headers.Authorization).toBeUndefined();
    expect(prepared.headers['X-Api-Key']).toBeUndefined();
    expect(prepared.headers.Cookie).toBeUndefined();
    expect(prepared.headers['X-Tenant']).toBe('t1');
  });

  it('a malformed-credentials request carries only the malformed header', () => {
    const prepared = prepareRequest(keyed, 'http://127.0.0.1:1', spec({ kind: 'malformed', header: 'Authorization', value: 'Basic bm90LWEta2V5' }), live);
    expect(prepared.headers.Authorization).toBe('Basic bm90LWEta2V5');
    expect(prepared.headers['X-Api-Key']).toBeUndefined();
  });

  it('an unknown-credentials request sends a credential no server issued for each scheme, and none of the --header ones', () => {
    const prepared = prepareRequest(keyed, 'http://127.0.0.1:1', spec({ kind: 'unknown', schemes: ['headerKey', 'cookieKey'] }), live);
    expect(prepared.headers['X-Api-Key']).toBe(UNKNOWN_CREDENTIAL);
    expect(prepared.headers.Cookie).toBe(`SESSIONID=${encodeURIComponent(UNKNOWN_CREDENTIAL)}`);
    expect(prepared.headers.Authorization).toBeUndefined();
    expect(prepared.headers['X-Tenant']).toBe('t1');
    expect(prepareRequest(keyed, 'http://127.0.0.1:1', spec({ kind: 'unknown', schemes: ['bearer'] }), live).headers.Authorization).toBe(`Bearer ${UNKNOWN_CREDENTIAL}`);
  });

  it('an authenticated request sends those of its own way in, and a --header Cookie joins the cookie parameters in one header', () => {
    const prepared = prepareRequest(keyed, 'http://127.0.0.1:1', spec({ kind: 'scheme', scheme: 'cookieKey' }, { cookies: { lang: 'en' } }), live);
    expect(prepared.headers.Cookie).toBe('SESSIONID=s; lang=en');
    expect(prepared.curl).toContain("'Cookie: [REDACTED]; lang=en'");
    expect(prepared.headers['X-Tenant']).toBe('t1');
  });

  it("a request sent with one way in leaves out the headers of the others: a Bearer sent without its scheme name does not get in on the --header's X-Api-Key", () => {
    const prepared = prepareRequest(keyed, 'http://127.0.0.1:1', { ...spec({ kind: 'requirement', schemes: ['bearer'] }), authorizationScheme: 'omitted' }, live);
    expect(prepared.headers.Authorization).toBe('tok');
    expect(prepared.headers['X-Api-Key']).toBeUndefined();
    expect(prepared.headers.Cookie).toBeUndefined();
    expect(prepared.headers['X-Tenant']).toBe('t1');
    const both = prepareRequest(keyed, 'http://127.0.0.1:1', spec({ kind: 'requirement', schemes: ['bearer', 'headerKey'] }), live);
    expect([both.headers.Authorization, both.headers['X-Api-Key']]).toEqual(['Bearer tok', 'k']);
  });
});

describe('a header the case decides itself (ownHeaders)', () => {
  const plain = toOpenApiDocument({ openapi: '3.1.0', info: { title: 'plain', version: '1' }, paths: {} }, 'inline');
  const live = adHocCredentials(plain, 'plain', resolveHeaders([parseHeaderOption('plain=X-Tenant: t1')!, parseHeaderOption('plain=X-Other: o')!], 'plain', {}), 'live');

  it('is not overwritten by an extra header of that name, in any case, nor put back when the case leaves it out', () => {
    const broken = prepareRequest(plain, 'http://127.0.0.1:1', spec({ kind: 'none' }, { headers: { 'x-tenant': 'not_in_enum' }, ownHeaders: ['x-tenant'] }), live);
    expect(broken.headers).toMatchObject({ 'x-tenant': 'not_in_enum', 'X-Other': 'o' });
    expect(broken.headers['X-Tenant']).toBeUndefined();
    const missing = prepareRequest(plain, 'http://127.0.0.1:1', spec({ kind: 'none' }, { ownHeaders: ['X-Tenant'] }), live);
    expect(Object.keys(missing.headers).map((h) => h.toLowerCase())).not.toContain('x-tenant');
  });

  it('otherwise, an extra header is sent over the value the document gives', () => {
    expect(prepareRequest(plain, 'http://127.0.0.1:1', spec({ kind: 'none' }, { headers: { 'X-Tenant': 'example' } }), live).headers['X-Tenant']).toBe('t1');
  });
});

describe('a path with a dot segment', () => {
  it.each([
    ['a document path', { pathTemplate: '/../../etc/passwd', pathParams: {} }],
    ['a path value of ..', { pathParams: { id: '..' } }],
    ['a path value of .', { pathParams: { id: '.' } }],
    ['a percent-encoded one', { pathTemplate: '/x/%2e%2E/y', pathParams: {} }],
    ['one after a backslash', { pathTemplate: '/x/..\\y', pathParams: {} }],
    ['one split by a tab', { pathTemplate: '/x/.\t./y', pathParams: {} }],
    ['one before a ?', { pathTemplate: '/x/..?a', pathParams: {} }],
  ])('%s is not sent: URLs resolve . and .. away, so the request would reach another path', (_, extra) => {
    expect(() => prepareRequest(doc, 'http://127.0.0.1:1', spec({ kind: 'none' }, extra), mock)).toThrow(/has a '\.' or '\.\.' segment, which a URL resolves away: the request would reach another path, so nothing is sent$/);
  });
  it('a segment that only holds dots among other characters is sent as written', () => {
    expect(prepareRequest(doc, 'http://127.0.0.1:1', spec({ kind: 'none' }, { pathParams: { id: '...' } }), mock).url).toBe('http://127.0.0.1:1/x/...');
  });
});
