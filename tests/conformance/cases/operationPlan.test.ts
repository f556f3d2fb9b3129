// What a valid request to a foreign document's operation is made of: examples first (verified),
// then openapi-sampler (verified); what cannot be tested is an OperationSkip with its pointer.
import { describe, expect, it, vi } from 'vitest';
import { OperationSkip, planOperation } from '../../../src/conformance/cases/operationPlan.js';
import { foreignApi, json, ok } from './foreignDocument.js';

describe('planOperation (foreign documents)', () => {
  it('samples a required parameter that has no example, and the sample is valid', async () => {
    const api = await foreignApi({ paths: { '/items/{id}': { get: { parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer', minimum: 10 } }], responses: ok } } } });
    const [planned] = planOperation(api, api.operations[0]!).parameters;
    expect(planned).toMatchObject({ name: 'id', documented: false });
    expect(planned!.value).toBeGreaterThanOrEqual(10);
  });

  it('keeps an invalid documented example as a defect with its pointer and sends a valid value instead', async () => {
    const api = await foreignApi({ paths: { '/items': { get: { parameters: [{ name: 'limit', in: 'query', required: true, example: 500, schema: { type: 'integer', maximum: 100 } }], responses: ok } } } });
    const plan = planOperation(api, api.operations[0]!);
    expect(plan.defects).toEqual([expect.objectContaining({ where: 'query.limit example', pointer: '#/paths/~1items/get/parameters/0/example' })]);
    expect(plan.defects[0]!.message).toMatch(/^the example of parameter 'limit' is invalid against its schema: .*: a defect of the document$/);
    expect(plan.parameters[0]!.value).toBeLessThanOrEqual(100);
  });

  it('samples a valid value for a path parameter whose pattern has a group (openapi-sampler writes "(0|1)" for Discord\'s snowflake)', async () => {
    const snowflake = { type: 'string', pattern: '^(0|[1-9][0-9]*)$' };
    const api = await foreignApi({ paths: { '/guilds/{guild_id}': { get: { parameters: [{ name: 'guild_id', in: 'path', required: true, schema: snowflake }], responses: ok } } } });
    const [planned] = planOperation(api, api.operations[0]!).parameters;
    expect(planned).toMatchObject({ name: 'guild_id', documented: false });
    expect(String(planned!.value)).toMatch(/^(0|[1-9][0-9]*)$/);
  });

  it("sends a named request example without its readOnly properties, which a request SHOULD NOT carry (Adyen's legal entity: Prism refuses the partnership's readOnly type under additionalProperties: false)", async () => {
    const partnership = { type: 'object', additionalProperties: false, required: ['name', 'type'], properties: { name: { type: 'string' }, type: { type: 'string', enum: ['family'], readOnly: true } } };
    const schema = { type: 'object', required: ['type'], properties: { type: { type: 'string' }, partnership: { $ref: '#/components/schemas/Partnership' }, members: { type: 'array', items: { $ref: '#/components/schemas/Partnership' } } } };
    const example = { type: 'partnership', partnership: { name: 'West', type: 'family' }, members: [{ name: 'A', type: 'family' }] };
    const api = await foreignApi({
      components: { schemas: { Partnership: partnership } },
      paths: { '/legalEntities': { post: { requestBody: { required: true, content: json(schema, { examples: { west: { value: example } } }) }, responses: ok } } },
    });
    const plan = planOperation(api, api.operations[0]!);
    expect(plan.bodies).toEqual([['west', { type: 'partnership', partnership: { name: 'West' }, members: [{ name: 'A' }] }]]);
    expect(plan.defects).toEqual([]);
  });

  it("always sends an optional header parameter the HTTP client would otherwise fill with its own default (InfluxDB's Accept-Encoding enum [gzip, identity]: fetch sends 'gzip, deflate', Prism 422), with a valid value", async () => {
    const parameters = [
      { name: 'Accept-Encoding', in: 'header', schema: { type: 'string', enum: ['gzip', 'identity'], default: 'identity' } },
      { name: 'Accept-Language', in: 'header', schema: { type: 'string', enum: ['en', 'fr'] }, example: 'fr' },
      { name: 'X-Trace', in: 'header', schema: { type: 'string' }, example: 't' },
    ];
    const api = await foreignApi({ paths: { '/query': { post: { parameters, responses: ok } } } });
    const plan = planOperation(api, api.operations[0]!);
    expect(plan.parameters.map((p) => [p.name, p.value])).toEqual([['Accept-Encoding', 'gzip'], ['Accept-Language', 'fr']]);
    expect(plan.optional.map((p) => p.name)).toEqual(['X-Trace']);
  });

  it("samples an object parameter without its optional nested objects and arrays, which no style serialises (InfluxDB's AnnotationDeleteFilter stickers, sent as JSON text: Prism 400)", async () => {
    const filter = { type: 'object', required: ['stream', 'tags'], properties: { stickers: { type: 'object', additionalProperties: { type: 'string' } }, labels: { type: 'array', items: { type: 'string' } }, stream: { type: 'string' }, tags: { type: 'array', items: { type: 'string' } } } };
    const parameters = [{ name: 'filter', in: 'query', required: true, schema: filter }];
    const api = await foreignApi({ paths: { '/annotations': { delete: { parameters, responses: ok } } } });
    const [planned] = planOperation(api, api.operations[0]!).parameters;
    expect(Object.keys(planned!.value as object).sort()).toEqual(['stream', 'tags']);
  });

  it("sends a documented object example of a parameter without its optional nested objects and arrays, which no style serialises (they went as JSON text), required or optional", async () => {
    const filter = { type: 'object', required: ['stream'], properties: { stream: { type: 'string' }, range: { type: 'object', properties: { from: { type: 'integer' } } }, labels: { type: 'array', items: { type: 'string' } } } };
    const example = { stream: 'ops', range: { from: 3 }, labels: ['a'] };
    const parameters = [
      { name: 'filter', in: 'query', required: true, schema: filter, example },
      { name: 'extra', in: 'query', schema: filter, example },
    ];
    const api = await foreignApi({ paths: { '/annotations': { get: { parameters, responses: ok } } } });
    const plan = planOperation(api, api.operations[0]!);
    expect([plan.parameters[0]!.value, plan.parameters[0]!.documented]).toEqual([{ stream: 'ops' }, true]);
    expect([plan.optional[0]!.value, plan.optional[0]!.documented]).toEqual([{ stream: 'ops' }, true]);
  });

  it('samples a valid body where a required property is a oneOf of null and a pattern string (the sampler writes {})', async () => {
    const schema = { type: 'object', required: ['parent_id'], properties: { parent_id: { oneOf: [{ type: 'null' }, { type: 'string', pattern: '^[1-9][0-9]*$' }] } } };
    const api = await foreignApi({ paths: { '/channels': { post: { requestBody: { required: true, content: json(schema) }, responses: ok } } } });
    const [[name, body]] = planOperation(api, api.operations[0]!).bodies as [[string, unknown]];
    expect(name).toBe('sampled');
    expect(api.validator.validate('#/paths/~1channels/post/requestBody/content/application~1json/schema', body)).toEqual([]);
  });

  it("samples a valid body where the sampler writes the value an `if` names and its `then` cannot be met (Redoc's demo User: userStatus 10 requires a phone whose pattern matches nothing)", async () => {
    const user = {
      type: 'object',
      properties: { userStatus: { type: 'integer' }, phone: { type: 'string', pattern: '/^[0-9]+$/' } },
      if: { properties: { userStatus: { enum: [10] } } },
      then: { required: ['phone'] },
    };
    const api = await foreignApi({ paths: { '/users': { post: { requestBody: { required: true, content: json(user) }, responses: ok } } } });
    const [[name, body]] = planOperation(api, api.operations[0]!).bodies as [[string, unknown]];
    expect(name).toBe('sampled');
    expect(api.validator.validate('#/paths/~1users/post/requestBody/content/application~1json/schema', body)).toEqual([]);
  });

  it('builds a valid body for a recursive schema (the sampler cuts the recursion with {})', async () => {
    const node = { type: 'object', required: ['name'], properties: { name: { type: 'string', maxLength: 5 }, children: { type: 'array', items: { $ref: '#/components/schemas/Node' } } } };
    const api = await foreignApi({ components: { schemas: { Node: node } }, paths: { '/tree': { post: { requestBody: { required: true, content: json({ $ref: '#/components/schemas/Node' }) }, responses: ok } } } });
    const plan = planOperation(api, api.operations[0]!);
    const [[name, body]] = plan.bodies as [[string, unknown]];
    expect(name).toBe('sampled');
    expect(api.validator.validate('#/components/schemas/Node', body)).toEqual([]);
  });

  it('sends a JSON content parameter as the JSON text of a valid value, never serialised by style', async () => {
    const filter = { name: 'filter', in: 'query', required: true, content: { 'application/json': { schema: { type: 'object', required: ['x'], properties: { x: { type: 'integer', minimum: 1 } } }, example: { x: 2 } } }, example: { x: 0 } };
    const api = await foreignApi({ paths: { '/items': { get: { parameters: [filter], responses: ok } } } });
    const plan = planOperation(api, api.operations[0]!);
    expect(plan.parameters[0]).toMatchObject({ name: 'filter', value: '{"x":2}', documented: true });
    expect(plan.defects).toEqual([expect.objectContaining({ where: 'query.filter example', pointer: '#/paths/~1items/get/parameters/0/example' })]);
  });

  it('reports a content parameter of another media type as untestable', async () => {
    const api = await foreignApi({ paths: { '/items': { get: { parameters: [{ name: 'q', in: 'query', required: true, content: { 'text/csv': { schema: { type: 'string' } } } }], responses: ok } } } });
    expect(() => planOperation(api, api.operations[0]!)).toThrow(/parameter 'q' is sent as text\/csv: only JSON content parameters are sent/);
  });

  it('sends no body with GET or HEAD (the HTTP client cannot), and skips the operation when its body is required', async () => {
    const body = (required: boolean) => ({ required, content: json({ type: 'object', properties: { q: { type: 'string' } } }) });
    const api = await foreignApi({ paths: { '/search': { get: { requestBody: body(false), responses: ok }, head: { requestBody: body(true), responses: { '200': { description: 'ok' } } } } } });
    const [get, head] = api.operations;
    expect(planOperation(api, get!)).toMatchObject({ bodies: [[undefined, undefined]] });
    expect(planOperation(api, get!).bodyMediaType).toBeUndefined();
    const skip = (() => { try { planOperation(api, head!); } catch (e) { return e; } })() as OperationSkip;
    expect(skip).toBeInstanceOf(OperationSkip);
    expect(skip.message).toMatch(/HEAD request with a body/);
    expect(skip.pointer).toBe('#/paths/~1search/head/requestBody');
  });

  it('skips an operation whose path template has an expression no path parameter declares, naming it (the request would carry the braces)', async () => {
    const api = await foreignApi({ paths: { '/items/{id}/parts/{part}': { parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer' } }], get: { responses: ok } } } });
    const skip = (() => { try { planOperation(api, api.operations[0]!); } catch (e) { return e; } })() as OperationSkip;
    expect(skip).toBeInstanceOf(OperationSkip);
    expect(skip.message).toBe("the path template /items/{id}/parts/{part} has {part}, which no path parameter declares: the document gives no value to send in its place");
    expect(skip.pointer).toBe('#/paths/~1items~1{id}~1parts~1{part}/get');
  });

  it('reports a required form body as untestable, pointing at its content', async () => {
    const api = await foreignApi({ paths: { '/upload': { post: { requestBody: { required: true, content: { 'multipart/form-data': { schema: { type: 'object' } } } }, responses: ok } } } });
    expect(() => planOperation(api, api.operations[0]!)).toThrow(OperationSkip);
    try {
      planOperation(api, api.operations[0]!);
    } catch (error) {
      expect((error as OperationSkip).pointer).toBe('#/paths/~1upload/post/requestBody/content');
    }
  });

  it("reports a path that holds a query string ('?beta=true') as untestable: the request is routed by the path before it", async () => {
    const api = await foreignApi({ paths: { '/items?beta=true': { get: { responses: ok } } } });
    expect(() => planOperation(api, api.operations[0]!)).toThrow("the path /items?beta=true contains '?': what follows travels as a query string, so the request is routed by /items and may reach another operation");
  });

  it('reports an operation only mutualTLS can call as untestable', async () => {
    const api = await foreignApi({
      components: { securitySchemes: { mtls: { type: 'mutualTLS' } } },
      paths: { '/x': { get: { security: [{ mtls: [] }], responses: ok } } },
    });
    expect(() => planOperation(api, api.operations[0]!)).toThrow(/mutualTLS/);
  });

  it('sends a +json body sampled without its readOnly properties, valid although one is required', async () => {
    const schema = { type: 'object', required: ['id', 'name'], properties: { id: { type: 'string', readOnly: true }, name: { type: 'string', minLength: 2 } } };
    const api = await foreignApi({ paths: { '/things': { post: { requestBody: { required: true, content: { 'application/vnd.api+json': { schema } } }, responses: ok } } } });
    const plan = planOperation(api, api.operations[0]!);
    expect(plan.bodyMediaType).toBe('application/vnd.api+json');
    const [[name, body]] = plan.bodies as [[string, Record<string, unknown>]];
    expect(name).toBe('sampled');
    expect(body).not.toHaveProperty('id');
    expect(String(body.name).length).toBeGreaterThanOrEqual(2);
  });

  it('uses a valid named request example before sampling', async () => {
    const api = await foreignApi({ paths: { '/things': { post: { requestBody: { required: true, content: json({ type: 'object', properties: { n: { type: 'integer' } } }, { examples: { small: { value: { n: 1 } }, broken: { value: { n: 'x' } } } }) }, responses: ok } } } });
    const plan = planOperation(api, api.operations[0]!);
    expect(plan.bodies).toEqual([['small', { n: 1 }]]);
    expect(plan.defects.map((d) => d.where)).toEqual(["body example 'broken'"]);
  });
});

describe('sampling an allOf of schemas of different types', () => {
  it('writes nothing to the console (openapi-sampler warns on it whatever its quiet option says)', async () => {
    const api = await foreignApi({ paths: { '/quirks': { post: { requestBody: { required: true, content: json({ type: 'object', properties: { odd: { allOf: [{ type: 'string' }, { type: 'integer' }] } } }) }, responses: ok } } } });
    const warn = vi.spyOn(console, 'warn');
    try {
      planOperation(api, api.operations[0]!);
      expect(warn).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
    }
  });
});

describe('planOperation: path parameter values', () => {
  it("sends a path parameter a value of at least one character where its schema allows the empty text too (kin-openapi's apiID, pattern ^[a-zA-Z0-9]{0,4096}$: /v1/apis/ with an empty segment is another URL, which Prism read as apiID left out)", async () => {
    const parameters = [{ name: 'apiID', in: 'path', required: true, schema: { type: 'string', pattern: '^[a-zA-Z0-9]{0,4096}$' } }];
    const api = await foreignApi({ paths: { '/v1/apis/{apiID}': { get: { parameters, responses: ok } } } });
    const [planned] = planOperation(api, api.operations[0]!).parameters;
    expect(planned!.value).toMatch(/^[a-zA-Z0-9]{1,4096}$/);
  });

  it('passes over a documented path parameter example that is the empty text, without calling it a defect, and samples one', async () => {
    const parameters = [{ name: 'slug', in: 'path', required: true, example: '', schema: { type: 'string' } }];
    const api = await foreignApi({ paths: { '/pages/{slug}': { get: { parameters, responses: ok } } } });
    const plan = planOperation(api, api.operations[0]!);
    expect(String(plan.parameters[0]!.value)).not.toBe('');
    expect(plan.defects).toEqual([]);
  });

  it('skips an operation whose path parameter has no valid value but the empty text, naming the parameter and its schema', async () => {
    const parameters = [{ name: 'rest', in: 'path', required: true, schema: { type: 'string', enum: [''] } }];
    const api = await foreignApi({ paths: { '/files/{rest}': { get: { parameters, responses: ok } } } });
    expect(() => planOperation(api, api.operations[0]!)).toThrow(expect.objectContaining({ name: 'OperationSkip', pointer: '#/paths/~1files~1{rest}/get/parameters/0/schema', message: expect.stringMatching(/path parameter 'rest' .*empty/) }));
  });
});

describe('planOperation: a parameter whose enum says its types', () => {
  it("reads the text of a parameter with no type as the types of its enum values (Vonage's conversion: delivered, enum [true, false, 0, 1], was skipped with no valid value)", async () => {
    const parameters = [{ name: 'delivered', in: 'query', required: true, schema: { enum: [true, false, 0, 1] } }];
    const api = await foreignApi({ paths: { '/conversions/sms': { post: { parameters, responses: ok } } } });
    const [planned] = planOperation(api, api.operations[0]!).parameters;
    expect([true, false, 0, 1]).toContain(planned!.value);
  });
});

describe('planOperation: security requirements', () => {
  const schemes = { OAuth2: { type: 'oauth2', flows: { clientCredentials: { tokenUrl: '/token', scopes: {} } } }, BasicAuth: { type: 'http', scheme: 'basic' }, Key: { type: 'apiKey', in: 'header', name: 'X-Key' } };

  it("leaves out an alternative whose schemes both travel in the Authorization header (Prism's AC-26: OAuth2 and BasicAuth together; only one was sent, and Prism answered 401), keeping the others", async () => {
    const api = await foreignApi({ components: { securitySchemes: schemes }, paths: { '/todos': { get: { security: [{ OAuth2: [], BasicAuth: [] }, { BasicAuth: [], Key: [] }], responses: ok } } } });
    expect(planOperation(api, api.operations[0]!).requirements).toEqual([{ BasicAuth: [], Key: [] }]);
  });

  it('skips an operation whose every alternative needs one header twice, saying which schemes', async () => {
    const api = await foreignApi({ components: { securitySchemes: schemes }, security: [{ OAuth2: ['read'], BasicAuth: [] }], paths: { '/todos': { get: { responses: ok } } } });
    expect(() => planOperation(api, api.operations[0]!)).toThrow(expect.objectContaining({ name: 'OperationSkip', pointer: '#/security', message: 'no security requirement can be sent: security schemes OAuth2 and BasicAuth both travel in the Authorization header, which carries one credential' }));
  });
});

describe('planOperation: a parameter without schema or content', () => {
  it("sends a short text for a required one without example, which any value fits (Prism's harness: a required query parameter 'abc' with neither; the operation was skipped)", async () => {
    const api = await foreignApi({ paths: { '/users': { get: { parameters: [{ name: 'abc', in: 'query', required: true }, { name: 'X-Abc', in: 'header', required: true }], responses: ok } } } });
    const planned = planOperation(api, api.operations[0]!).parameters;
    expect(planned.map((p) => [p.name, typeof p.value, String(p.value).length > 0, p.documented])).toEqual([
      ['abc', 'string', true, false],
      ['X-Abc', 'string', true, false],
    ]);
  });
});

describe('planOperation: header values HTTP carries', () => {
  it("passes over a header example HTTP cannot carry (non-Latin-1 text: fetch refused it, and the valid request failed as a transport error against a correct mock) for a sampled one", async () => {
    const parameters = [{ name: 'X-Name', in: 'header', required: true, schema: { type: 'string' }, example: 'Zoë 😀' }];
    const api = await foreignApi({ paths: { '/a': { get: { parameters, responses: ok } } } });
    const [planned] = planOperation(api, api.operations[0]!).parameters;
    expect(String(planned!.value)).toMatch(/^[\x21-\x7e](?:[\x20-\x7e]*[\x21-\x7e])?$/);
    expect(planned!.documented).toBe(false);
  });

  it('skips an operation whose required header has no valid value HTTP carries, naming it', async () => {
    const parameters = [{ name: 'X-Name', in: 'header', required: true, schema: { type: 'string', enum: ['Zoë'] } }];
    const api = await foreignApi({ paths: { '/a': { get: { parameters, responses: ok } } } });
    expect(() => planOperation(api, api.operations[0]!)).toThrow(expect.objectContaining({ name: 'OperationSkip', message: "header parameter 'X-Name' has no valid value an HTTP header carries as written (visible ASCII, spaces inside)" }));
  });
});
