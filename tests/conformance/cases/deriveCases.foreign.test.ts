// Case derivation for a foreign document: per-operation outcomes instead of a stopped run, and
// none of the false negative cases the issue lists (readOnly, anyOf [integer, string], default).
import { describe, expect, it } from 'vitest';
import { deriveCases, uniqueIds } from '../../../src/conformance/cases/deriveCases.js';
import { deriveDocumentedResponses } from '../../../src/conformance/cases/deriveDocumentedResponses.js';
import { mockTarget } from '../../../src/conformance/targets/mock/mockTarget.js';
import { foreignApi, json, ok } from './foreignDocument.js';

const invalid = { '400': { description: 'invalid', content: { 'application/problem+json': { schema: { type: 'object' } } } } };

describe('deriveCases on a foreign document', () => {
  it('fails the one operation whose schema does not compile, with the pointer, and derives the others', async () => {
    const api = await foreignApi({
      paths: {
        '/bad': { get: { responses: { '200': { description: 'ok', content: json({ type: 'string', pattern: '(' }) } } } },
        '/good': { get: { responses: ok } },
      },
    });
    const cases = deriveCases(api);
    const bad = cases.find((c) => c.id === 'inline get /bad schema-compile');
    expect(bad?.preflight).toMatchObject({ outcome: 'failed', rule: 'schema-compile' });
    expect(bad?.preflight?.pointer).toMatch(/^#\/paths\/~1bad\/get\/responses\/200/);
    expect(cases.some((c) => c.id === 'inline get /good valid')).toBe(true);
  });

  it('never breaks or adds a readOnly property of a request body', async () => {
    const schema = { type: 'object', additionalProperties: false, required: ['id', 'name'], properties: { id: { type: 'string', readOnly: true, maxLength: 3 }, name: { type: 'string', maxLength: 5 } } };
    const api = await foreignApi({ paths: { '/things': { post: { requestBody: { required: true, content: json(schema, { example: { id: 'abc', name: 'n' } }) }, responses: { ...ok, ...invalid } } } } });
    const broken = deriveCases(api).filter((c) => c.kind === 'negative').map((c) => c.brokenRule);
    expect(broken).toContain('body.name: maxLength 5');
    expect(broken.filter((r) => r?.startsWith('body.id'))).toEqual([]);
  });

  it('does not call a valid string of an anyOf [integer, string] parameter invalid', async () => {
    const api = await foreignApi({
      // '123' read as a number breaks `maximum 10`, but as the string it is, it is valid.
      paths: { '/x': { get: { parameters: [{ name: 'v', in: 'query', required: true, example: '123', schema: { anyOf: [{ type: 'integer', maximum: 10 }, { type: 'string', maxLength: 3 }] } }], responses: { ...ok, ...invalid } } } },
    });
    const cases = deriveCases(api);
    expect(cases.filter((c) => c.preflight)).toEqual([]);
    expect(cases.find((c) => c.kind === 'positive')?.request.query.v).toBe('123');
    expect(cases.some((c) => c.kind === 'negative' && c.brokenRule === 'query v: maxLength 3')).toBe(true);
  });

  it('asks for Accept per expected response: problem+json for a negative case whose 400 is problem+json', async () => {
    const api = await foreignApi({ paths: { '/x': { get: { parameters: [{ name: 'n', in: 'query', required: true, example: 1, schema: { type: 'integer', maximum: 5 } }], responses: { ...ok, ...invalid } } } } });
    const negative = deriveCases(api).find((c) => c.kind === 'negative');
    expect(negative?.request.headers.Accept).toBe('application/problem+json');
  });

  it('skips a documented default response on the mock instead of sending Prefer: code=default', async () => {
    const api = await foreignApi({ paths: { '/x': { get: { responses: { ...ok, default: { description: 'error', content: json({ type: 'object' }) } } } } } });
    const documentedDefault = deriveDocumentedResponses(api).find((c) => c.expect.documented?.status === 'default');
    expect(mockTarget.skipReason(documentedDefault!)).toMatch(/cannot be asked for the 'default' response/);
  });

  it('has no missing-credentials case when anonymous access is one of the alternatives', async () => {
    const api = await foreignApi({
      components: { securitySchemes: { key: { type: 'apiKey', in: 'query', name: 'key' } } },
      paths: { '/x': { get: { security: [{ key: [] }, {}], responses: { ...ok, '401': { description: 'no' } } } } },
    });
    const ids = deriveCases(api).map((c) => c.id);
    expect(ids).toContain('inline get /x valid key');
    expect(ids).toContain('inline get /x valid anonymous');
    expect(ids.filter((id) => id.includes('auth missing'))).toEqual([]);
  });
});

describe('the malformed-credentials case', () => {
  const responses = { ...ok, '401': { description: 'no' } };
  it('is not derived where an apiKey travels in the Authorization header itself (any text there is a key)', async () => {
    const api = await foreignApi({
      components: { securitySchemes: { bot: { type: 'apiKey', in: 'header', name: 'Authorization' }, oauth: { type: 'oauth2', flows: { implicit: { authorizationUrl: 'https://example.com/a', scopes: {} } } } } },
      paths: { '/x': { get: { security: [{ bot: [] }, { oauth: [] }], responses } } },
    });
    const ids = deriveCases(api).map((c) => c.id);
    expect(ids).toContain('inline get /x negative auth missing');
    expect(ids).not.toContain('inline get /x negative auth malformed');
  });

  it('is still derived for a bearer scheme', async () => {
    const api = await foreignApi({
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      paths: { '/x': { get: { security: [{ bearer: [] }], responses } } },
    });
    expect(deriveCases(api).map((c) => c.id)).toContain('inline get /x negative auth malformed');
  });
});

describe('a parameter bound no URL can carry', () => {
  it('gives no negative case longer than a request head may be, but a skipped case saying why', async () => {
    const parameters = [{ name: 'instance_id', in: 'path', required: true, schema: { type: 'string', minLength: 1, maxLength: 152133 } }];
    const api = await foreignApi({ paths: { '/instances/{instance_id}': { get: { parameters, responses: { ...ok, ...invalid } } } } });
    const cases = deriveCases(api);
    const sent = cases.filter((c) => c.kind === 'negative').map((c) => c.brokenRule);
    expect(sent).toContain('path instance_id: minLength 1');
    expect(sent.filter((rule) => rule?.includes('maxLength'))).toEqual([]);
    const skipped = cases.find((c) => c.id === 'inline get /instances/{instance_id} negative path.instance_id maxLength');
    expect(skipped?.preflight).toMatchObject({ outcome: 'skipped', pointer: '#/paths/~1instances~1{instance_id}/get/parameters/0/schema' });
    expect(skipped?.preflight?.reason).toMatch(/152134 characters, longer than the 4096 a URL may carry/);
  });

  it('sends no header or cookie value longer than a request head may carry either (a WWW-Authenticate header of maxLength 20000: 431 from Node)', async () => {
    const parameters = [
      { name: 'WWW-Authenticate', in: 'header', required: true, schema: { type: 'string', maxLength: 20000 }, example: 'Basic x' },
      { name: 'session', in: 'cookie', schema: { type: 'string', maxLength: 20000 }, example: 's' },
    ];
    const api = await foreignApi({ paths: { '/sca': { delete: { parameters, responses: { '204': { description: 'gone' }, ...invalid } } } } });
    const cases = deriveCases(api);
    const lengths = cases.filter((c) => c.preflight === undefined).flatMap((c) => [...Object.values(c.request.headers ?? {}), ...Object.values(c.request.cookies ?? {})].map((v) => String(v).length));
    expect(Math.max(...lengths)).toBeLessThanOrEqual(4096);
    for (const id of ['inline delete /sca negative header.WWW-Authenticate maxLength', 'inline delete /sca negative cookie.session maxLength']) {
      const skipped = cases.find((c) => c.id === id);
      expect(skipped?.preflight).toMatchObject({ outcome: 'skipped' });
      expect(skipped?.preflight?.reason).toMatch(/20001 characters, longer than the 4096 a request head may carry/);
    }
  });
});

describe("a 3.1 document's leftover nullable", () => {
  it('does not fail its operation as a schema that does not compile (OpenAI: nullable beside anyOf, no type)', async () => {
    const schema = { type: 'object', properties: { session: { nullable: true, anyOf: [{ type: 'string' }, { type: 'integer' }] } } };
    const api = await foreignApi({ paths: { '/calls': { post: { requestBody: { required: true, content: json(schema, { example: { session: 'a' } }) }, responses: ok } } } });
    const cases = deriveCases(api);
    expect(cases.filter((c) => c.preflight?.rule === 'schema-compile')).toEqual([]);
    expect(cases.map((c) => c.id)).toContain('inline post /calls valid example');
  });
});

describe('uniqueIds', () => {
  it('gives a repeated id a distinct suffix instead of stopping the run', async () => {
    const api = await foreignApi({ paths: { '/good': { get: { responses: ok } } } });
    const [one] = deriveCases(api);
    expect(uniqueIds([one!, one!, one!]).map((c) => c.id)).toEqual([one!.id, `${one!.id} #2`, `${one!.id} #3`]);
  });
});

describe('negative cases the mock cannot prove', () => {
  it('are skipped on the mock when their schema holds a pattern that is invalid under the u flag', async () => {
    const api = await foreignApi({
      paths: { '/tags/{tag}': { get: { parameters: [{ name: 'tag', in: 'path', required: true, example: 'a', schema: { type: 'string', maxLength: 3, pattern: '^[a-z\\:]+$' } }], responses: { ...ok, ...invalid } } } },
    });
    const negatives = deriveCases(api).filter((c) => c.kind === 'negative');
    expect(negatives.length).toBeGreaterThan(0);
    for (const c of negatives) expect(mockTarget.skipReason(c)).toMatch(/not valid under the u flag/);
  });

  it('are skipped on the mock when their schema $refs a node the 2020-12 meta-schema rejects (Prism then validates nothing)', async () => {
    const filter = { $recursiveAnchor: true, type: 'object', properties: { op: { type: 'string' } } };
    const schema = { type: 'object', required: ['items'], properties: { items: { type: 'array', maxItems: 2, items: { type: 'string' } }, filter: { $ref: '#/components/schemas/Filter' } } };
    const api = await foreignApi({
      components: { schemas: { Filter: filter } },
      paths: { '/items': { post: { requestBody: { required: true, content: json(schema, { example: { items: ['a'] } }) }, responses: { ...ok, ...invalid } } } },
    });
    const negatives = deriveCases(api).filter((c) => c.kind === 'negative' && c.brokenRule?.startsWith('body.'));
    expect(negatives.map((c) => c.brokenRule)).toContain('body.items: maxItems 2');
    for (const c of negatives) expect(mockTarget.skipReason(c)).toMatch(/meta-schema rejects \(#\/components\/schemas\/Filter: \/\$recursiveAnchor must be string\)/);
  });

  it('are not skipped for a schema the meta-schema accepts', async () => {
    const schema = { type: 'object', properties: { items: { type: 'array', maxItems: 2, items: { type: 'string' } } } };
    const api = await foreignApi({ paths: { '/items': { post: { requestBody: { required: true, content: json(schema, { example: { items: ['a'] } }) }, responses: { ...ok, ...invalid } } } } });
    const negative = deriveCases(api).find((c) => c.brokenRule === 'body.items: maxItems 2');
    expect(negative && mockTarget.skipReason(negative)).toBeUndefined();
  });
});

describe('the client error a negative case expects where an operation documents neither 400 nor 422', () => {
  it('is any client error, not a guess among the documented ones (a 409 that means something else)', async () => {
    const parameters = [{ name: 'kind', in: 'path', required: true, schema: { type: 'string', enum: ['a', 'b'] } }];
    const responses = { '204': { description: 'gone' }, '404': { description: 'no such kind' }, '409': { description: 'in use' } };
    const api = await foreignApi({ paths: { '/kinds/{kind}': { delete: { parameters, responses } } } });
    const negative = deriveCases(api).find((c) => c.brokenRule?.startsWith('path kind: enum'));
    expect(negative?.expect.statuses).toEqual(['4XX']);
  });
});

describe('negative cases of an operation whose only client error is another one', () => {
  it('are derived, expecting any client error (before: skipped as documenting no client-error status)', async () => {
    const parameters = [{ name: 'id', in: 'path', required: true, schema: { type: 'integer' }, example: 1 }];
    const api = await foreignApi({ paths: { '/things/{id}': { get: { parameters, responses: { ...ok, '404': { description: 'none' } } } } } });
    const negative = deriveCases(api).find((c) => c.brokenRule?.startsWith('path id: type'));
    expect(negative?.expect.statuses).toEqual(['4XX']);
  });
});

describe('a required query, header or cookie parameter', () => {
  it('is left out once, by a negative case that names it (never the header parameters OpenAPI ignores)', async () => {
    const parameters = [
      { name: 'limit', in: 'query', required: true, schema: { type: 'integer' }, example: 5 },
      { name: 'X-Trace', in: 'header', required: true, schema: { type: 'string' }, example: 't' },
      { name: 'session', in: 'cookie', required: true, schema: { type: 'string' }, example: 's' },
      { name: 'Accept', in: 'header', required: true, schema: { type: 'string' }, example: 'application/json' },
    ];
    const api = await foreignApi({ paths: { '/items': { get: { parameters, responses: { ...ok, ...invalid } } } } });
    const missing = deriveCases(api).filter((c) => c.brokenRule?.endsWith(': required'));
    expect(missing.map((c) => c.brokenRule)).toEqual(['query limit: required', 'header X-Trace: required', 'cookie session: required']);
    const header = missing[1]!;
    expect(header.request.headers['X-Trace']).toBeUndefined();
    expect(header.request.query.limit).toBe('5');
    expect(header.expect).toMatchObject({ statuses: ['400'], violationAt: ['request', 'header', 'X-Trace'] });
    expect(missing[2]!.mockCaveat).toBe('Prism does not validate cookie parameters');
  });

  it("is left out with a caveat for the mock where it is an object query parameter Prism builds from its properties (Typesense's searchParameters: Prism answers 200 without it), and without one where it is not exploded", async () => {
    const object = { type: 'object', properties: { q: { type: 'string' } } };
    const parameters = [
      { name: 'searchParameters', in: 'query', required: true, schema: object, example: { q: 'a' } },
      { name: 'filter', in: 'query', required: true, style: 'deepObject', schema: object, example: { q: 'b' } },
      { name: 'flat', in: 'query', required: true, explode: false, schema: object, example: { q: 'c' } },
    ];
    const api = await foreignApi({ paths: { '/search': { get: { parameters, responses: { ...ok, ...invalid } } } } });
    const missing = deriveCases(api).filter((c) => c.brokenRule?.endsWith(': required'));
    expect(missing.map((c) => [c.brokenRule, c.mockCaveat])).toEqual([
      ['query searchParameters: required', "Prism builds an exploded object query parameter from whichever of its properties the query holds (an empty object when none), so it never finds it missing"],
      ['query filter: required', "Prism builds an exploded object query parameter from whichever of its properties the query holds (an empty object when none), so it never finds it missing"],
      ['query flat: required', undefined],
    ]);
  });
});

describe('a body sent under a media type the operation does not take', () => {
  const body = (content: Record<string, unknown>) => ({ required: true, content });
  const schema = { type: 'object', properties: { a: { type: 'string' } } };
  const contentTypeCase = async (content: Record<string, unknown>, responses: Record<string, unknown> = { ...ok, ...invalid }) => {
    const api = await foreignApi({ paths: { '/x': { post: { requestBody: body(content), responses } } } });
    return deriveCases(api).find((c) => c.brokenRule?.startsWith('body: Content-Type'));
  };

  it('is the valid body as text/plain, expecting the body validation status, or 415 where documented', async () => {
    const plain = await contentTypeCase(json(schema, { example: { a: 'x' } }));
    expect(plain?.brokenRule).toBe('body: Content-Type text/plain (not documented)');
    expect(plain?.request.body).toEqual({ json: { a: 'x' }, contentType: 'text/plain' });
    expect(plain?.expect).toMatchObject({ statuses: ['400'], violationAt: ['request'] });
    const with415 = await contentTypeCase(json(schema, { example: { a: 'x' } }), { ...ok, ...invalid, '415': { description: 'unsupported' } });
    expect(with415?.expect.statuses).toEqual(['415']);
  });

  it('uses another media type where text/plain is documented, and none where any type is', async () => {
    expect((await contentTypeCase({ ...json(schema, { example: { a: 'x' } }), 'text/plain': { schema: { type: 'string' } } }))?.request.body).toMatchObject({ contentType: 'application/xml' });
    expect(await contentTypeCase({ ...json(schema, { example: { a: 'x' } }), '*/*': { schema: {} } })).toBeUndefined();
  });
});

describe('an integer just outside its format', () => {
  it('is a negative case, skipped against Prism for int64 (whose range Prism does not check) and run for int32', async () => {
    const parameters = [
      { name: 'page', in: 'query', required: true, schema: { type: 'integer', format: 'int32' }, example: 1 },
      { name: 'since', in: 'query', required: true, schema: { type: 'integer', format: 'int64' }, example: 1 },
    ];
    const api = await foreignApi({ paths: { '/x': { get: { parameters, responses: { ...ok, ...invalid } } } } });
    const cases = deriveCases(api).filter((c) => c.brokenRule?.endsWith(': format int32') || c.brokenRule?.endsWith(': format int64'));
    expect(cases.map((c) => [c.brokenRule, c.brokenRule?.includes('page') ? c.request.query.page : c.request.query.since, c.mockCaveat])).toEqual([
      ['query page: format int32', '2147483648', undefined],
      ['query since: format int64', '18446744073709552000', 'Prism does not check the range of format int64'],
    ]);
  });
});

describe('two operations with one operationId (OpenAPI: it MUST be unique)', () => {
  it('fail the later one as a defect of the document, naming the other, and still test both', async () => {
    const api = await foreignApi({ paths: { '/test': { get: { operationId: 'same', responses: ok } }, '/test2': { post: { operationId: 'same', responses: ok } } } });
    const cases = deriveCases(api);
    const defects = cases.filter((c) => c.preflight?.outcome === 'failed');
    expect(defects.map((c) => [c.operation.path, c.preflight?.rule, c.preflight?.reason, c.preflight?.pointer])).toEqual([
      ['/test2', 'document-operation-id', "operationId 'same' is also that of GET /test (#/paths/~1test/get): an operationId must be unique in the document, and the cases, reports and --grep of both now name one operation", '#/paths/~1test2/post/operationId'],
    ]);
    expect(cases.filter((c) => c.kind === 'positive' && !c.preflight).map((c) => c.operation.path)).toEqual(expect.arrayContaining(['/test', '/test2']));
  });
});

describe('a header or cookie parameter whose name is not a token', () => {
  it('is a defect of the document; an optional one is left out of every request, a required one leaves the operation untested', async () => {
    const header = (name: string, required: boolean) => ({ name, in: 'header', required, schema: { type: 'string' } });
    const api = await foreignApi({
      paths: {
        '/optional': { get: { parameters: [header('X-A\r\nInjected: 1', false), { name: 'q', in: 'query', required: true, schema: { type: 'string', minLength: 2 } }], responses: { ...ok, ...invalid } } },
        '/required': { get: { parameters: [{ name: 'bad id', in: 'cookie', required: true, schema: { type: 'string' } }], responses: ok } },
      },
    });
    const cases = deriveCases(api);
    expect(cases.filter((c) => c.preflight?.outcome === 'failed').map((c) => [c.operation.path, c.preflight?.rule, c.preflight?.pointer])).toEqual([
      ['/optional', 'document-parameter', '#/paths/~1optional/get/parameters/0'],
      ['/required', 'document-parameter', '#/paths/~1required/get/parameters/0'],
    ]);
    const sent = cases.filter((c) => c.operation.path === '/optional' && !c.preflight);
    expect(sent.length).toBeGreaterThan(1);
    expect(sent.flatMap((c) => Object.keys(c.request.headers))).not.toContain('X-A\r\nInjected: 1');
    expect(cases.filter((c) => c.operation.path === '/required' && c.preflight?.outcome === 'skipped').map((c) => c.preflight?.reason)).toEqual(['the required cookie parameter "bad id" cannot be sent: its name is not a valid cookie name (RFC 6265 §4.1.1)']);
  });
});

describe('a schema whose smallest valid value is larger than the suite builds', () => {
  it('skips the operation naming the bound, rather than build it (minItems 200,000,000 aborted the process)', async () => {
    const body = { type: 'object', required: ['ids'], properties: { ids: { type: 'array', minItems: 5_000_000, items: { type: 'integer' } } } };
    const api = await foreignApi({ paths: { '/bulk': { post: { requestBody: { required: true, content: json(body) }, responses: ok } } } });
    const skips = deriveCases(api).filter((c) => c.preflight?.outcome === 'skipped');
    expect(skips.map((c) => [c.preflight?.reason, c.preflight?.pointer])).toEqual([
      ['the request body has no valid example, and none is sampled from its schema: its minItems 5,000,000 asks for more than the 1,000,000 characters, items or properties the suite builds', '#/paths/~1bulk/post/requestBody/content/application~1json/schema/properties/ids/minItems'],
    ]);
  });
});

describe('two operations with one operationId, one of them untestable', () => {
  it('the defect of one is not the other\'s: the testable one is still tested, whichever comes first', async () => {
    const broken = { '200': { description: 'ok', content: json({ type: 'object', properties: [] }) } };
    for (const [first, second] of [[ok, broken], [broken, ok]] as const) {
      const api = await foreignApi({ paths: { '/a': { get: { operationId: 'same', responses: first } }, '/b': { get: { operationId: 'same', responses: second } } } });
      const cases = deriveCases(api);
      const brokenPath = first === broken ? '/a' : '/b';
      const goodPath = first === broken ? '/b' : '/a';
      expect(cases.filter((c) => c.preflight?.rule === 'schema-compile').map((c) => c.operation.path)).toEqual([brokenPath]);
      expect(cases.filter((c) => c.kind === 'positive' && !c.preflight).map((c) => c.operation.path)).toEqual([goodPath]);
      expect(deriveDocumentedResponses(api).map((c) => c.operation.path)).toEqual([goodPath]);
    }
  });
});

describe('one parameter declared twice in one list (OpenAPI: a list MUST NOT hold two of one name and location)', () => {
  it('fails the operation as a defect of the document, naming both places; a path-level one its operation overrides is no defect', async () => {
    const query = (type: string) => ({ name: 'test', in: 'query', schema: { type } });
    const api = await foreignApi({
      paths: {
        '/twice': { get: { operationId: 'twice', parameters: [query('string'), query('integer'), { name: 'X-A', in: 'header', schema: { type: 'string' } }, { name: 'x-a', in: 'header', schema: { type: 'string' } }], responses: ok } },
        '/overridden': { parameters: [query('string')], get: { operationId: 'overridden', parameters: [query('integer')], responses: ok } },
      },
    });
    const defects = deriveCases(api).filter((c) => c.preflight?.outcome === 'failed');
    expect(defects.map((c) => [c.operation.operationId, c.preflight?.rule, c.preflight?.reason, c.preflight?.pointer])).toEqual([
      ['twice', 'document-parameter', "query parameter 'test' is declared twice (#/paths/~1twice/get/parameters/0 and #/paths/~1twice/get/parameters/1): a parameter list must not repeat a name and location, and which of the two a server reads is anyone's guess", '#/paths/~1twice/get/parameters/1'],
      ['twice', 'document-parameter', "header parameter 'x-a' is declared twice (#/paths/~1twice/get/parameters/2 and #/paths/~1twice/get/parameters/3): a parameter list must not repeat a name and location, and which of the two a server reads is anyone's guess", '#/paths/~1twice/get/parameters/3'],
    ]);
  });
});
