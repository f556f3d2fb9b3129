// The mock target adapter's own checks, on the inline document of the check tests.
import { describe, expect, it } from 'vitest';
import { cutViolationsExcuse } from '../../../../src/conformance/targets/mock/mock-violation.js';
import { mockTarget } from '../../../../src/conformance/targets/mock/mockTarget.js';
import { checkResponse } from '../../../../src/conformance/checks/checkResponse.js';
import { toOpenApiDocument } from '../../../../src/openapi/loadDocument.js';
import { listOperations } from '../../../../src/openapi/operations.js';
import { createAjv } from '../../../../src/openapi/createAjv.js';
import { createSchemaValidator } from '../../../../src/openapi/schemaValidator.js';
import { ok, response, rules } from '../../checks/inlineDocument.js';

const asMock = { target: 'mock' as const, extraChecks: mockTarget.checks };

describe('example-body', () => {
  it('passes the documented example it asked for', () => {
    expect(rules(response(200, ok), { ...asMock, expect: { statuses: ['200'], documented: { status: '200', exampleName: 'ok', example: ok } } })).toEqual([]);
  });
  it('fails another body', () => {
    expect(rules(response(200, { ...ok, count: 4 }), { ...asMock, expect: { statuses: ['200'], documented: { status: '200', exampleName: 'ok', example: ok } } })).toEqual(['example-body']);
  });
});

describe('a mock-violation failure where Prism cut its list', () => {
  const entry = (path: string[]) => ({ location: ['request', 'body', ...path], severity: 'Error', code: 'pattern', message: 'm' });
  const cut = `Too many violations! ${JSON.stringify([entry(['applied_tags', '0']), entry(['message', 'sticker_ids', '0']), entry(['message'])]).slice(0, -30)}`;
  it('is skipped as unprovable, naming how many entries arrived', () => {
    expect(cutViolationsExcuse(response(400, {}, { 'sl-violations': cut }), [{ rule: 'mock-violation' }])).toBe(
      "Prism rejected the request but cut its sl-violations list after 2 entries, before the violation this case makes could be read: Prism's limit, not the document's",
    );
  });
  it('still fails where the whole list arrived, or beside another failure', () => {
    const whole = `Too many violations! ${JSON.stringify([entry(['applied_tags', '0'])])}`;
    expect(cutViolationsExcuse(response(400, {}, { 'sl-violations': whole }), [{ rule: 'mock-violation' }])).toBeUndefined();
    expect(cutViolationsExcuse(response(200, {}, { 'sl-violations': cut }), [{ rule: 'mock-violation' }, { rule: 'status-expected' }])).toBeUndefined();
  });
});

describe('mock-violation', () => {
  const expectation = { statuses: ['400'], violationAt: ['request', 'path', 'id'] };
  it('fails when Prism reports no violation where the case made it', () => {
    expect(rules(response(400, {}), { ...asMock, expect: expectation })).toEqual(['mock-violation']);
    expect(rules(response(400, {}, { 'sl-violations': JSON.stringify([{ location: ['request', 'query', 'x'], message: 'm' }]) }), { ...asMock, expect: expectation })).toEqual(['mock-violation']);
  });
  it('passes when it does, in either form of the header', () => {
    expect(rules(response(400, {}, { 'sl-violations': JSON.stringify([{ location: ['request', 'path', 'ID'], message: 'm' }]) }), { ...asMock, expect: expectation })).toEqual([]);
    const long = `Too many violations! ${JSON.stringify([{ location: ['request', 'path', 'id'], message: 'm' }, { location: ['request', 'body'], message: 'a message long enough to be cut' }]).slice(0, -20)}`;
    expect(rules(response(400, {}, { 'sl-violations': long }), { ...asMock, expect: expectation })).toEqual([]);
  });
});

describe('document-example', () => {
  const examples = toOpenApiDocument(
    {
      openapi: '3.1.0',
      info: { title: 'inline', version: '1' },
      paths: {
        '/files': {
          get: {
            operationId: 'getFiles',
            responses: {
              '200': {
                description: 'ok',
                content: { 'application/json': { schema: { type: 'object', properties: { total: { type: 'integer' } } }, example: '{ "total": 2 }', examples: { good: { value: { total: 2 } } } } },
              },
            },
          },
        },
      },
    },
    'inline document',
  );
  const check = (body: unknown) =>
    checkResponse({ operation: listOperations(examples)[0]!, doc: examples, validator: createSchemaValidator(examples), expect: { statuses: ['200'] }, target: 'mock', extraChecks: mockTarget.checks, response: response(200, JSON.stringify(body)) });

  it("names the document's own example, and says it is the document's defect, when the mock answers one that breaks its schema", () => {
    const failures = check('{ "total": 2 }');
    expect(failures.map((f) => f.rule)).toEqual(['body-schema', 'document-example']);
    expect(failures[1]?.message).toBe(
      "the mock answered the document's own example #/paths/~1files/get/responses/200/content/application~1json/example, which is invalid against its schema ((root) must be object): a defect of the document, not of the server or the suite",
    );
  });

  it("names the schema's own example where the media type documents none (Prism answers that one)", () => {
    const compact = toOpenApiDocument(
      {
        openapi: '3.1.0',
        info: { title: 'inline', version: '1' },
        components: { schemas: { Compact: { type: 'object', required: ['id'], properties: { id: { type: 'string' } }, examples: [{ object: 'compaction' }] } } },
        paths: { '/compact': { post: { operationId: 'compact', responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/Compact' } } } } } } } },
      },
      'inline document',
    );
    const failures = checkResponse({ operation: listOperations(compact)[0]!, doc: compact, validator: createSchemaValidator(compact), expect: { statuses: ['200'] }, target: 'mock', extraChecks: mockTarget.checks, response: response(200, { object: 'compaction' }) });
    expect(failures.map((f) => f.rule)).toEqual(['body-schema', 'document-example']);
    expect(failures[1]?.message).toMatch(/^the mock answered the document's own example #\/components\/schemas\/Compact\/examples\/0, which is invalid against its schema \(\(root\) must have required property 'id'\)/);
  });

  it("names the example of an allOf member, which Prism answers for the merged schema (Codat's PagingInfo)", () => {
    const paging = { type: 'object', required: ['pageNumber'], properties: { pageNumber: { type: 'integer' } }, examples: [{ _links: { pageNumber: 1 } }] };
    const pages = toOpenApiDocument(
      { openapi: '3.1.0', info: { title: 'inline', version: '1' }, components: { schemas: { PagingInfo: paging } }, paths: { '/items': { get: { operationId: 'list', responses: { '200': { description: 'ok', content: { 'application/json': { schema: { allOf: [{ type: 'object', properties: { results: { type: 'array' } } }, { $ref: '#/components/schemas/PagingInfo' }] } } } } } } } } },
      'inline document',
    );
    const failures = checkResponse({ operation: listOperations(pages)[0]!, doc: pages, validator: createSchemaValidator(pages), expect: { statuses: ['200'] }, target: 'mock', extraChecks: mockTarget.checks, response: response(200, { _links: { pageNumber: 1 } }) });
    expect(failures.map((f) => f.rule)).toEqual(['body-schema', 'document-example']);
    expect(failures[1]?.message).toMatch(/^the mock answered the document's own example #\/components\/schemas\/PagingInfo\/examples\/0, which is invalid/);
  });

  it("names an invalid schema example the mock's body holds among members Prism generated around it, and nothing for a body that holds none", () => {
    const paging = { type: 'object', required: ['pageNumber'], properties: { pageNumber: { type: 'integer' }, _links: { type: 'object' } }, examples: [{ _links: { pageNumber: 1 } }] };
    const pages = toOpenApiDocument(
      { openapi: '3.1.0', info: { title: 'inline', version: '1' }, components: { schemas: { PagingInfo: paging } }, paths: { '/items': { get: { operationId: 'list', responses: { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'object', properties: { page: { $ref: '#/components/schemas/PagingInfo' } } } } } } } } } } },
      'inline document',
    );
    const check = (body: unknown) => checkResponse({ operation: listOperations(pages)[0]!, doc: pages, validator: createSchemaValidator(pages), expect: { statuses: ['200'] }, target: 'mock', extraChecks: mockTarget.checks, response: response(200, body) });
    const failures = check({ page: { _links: { pageNumber: 1 }, extra: 'made up' } });
    expect(failures.map((f) => f.rule)).toEqual(['body-schema', 'document-example']);
    expect(failures[1]?.message).toMatch(/^the mock's body holds the document's own example #\/components\/schemas\/PagingInfo\/examples\/0 \(at body\/page\), which is invalid against its schema \(\(root\) must have required property 'pageNumber'\)/);
    expect(check({ page: { _links: { pageNumber: 2 } } }).map((f) => f.rule)).toEqual(['body-schema']);
  });

  it("names an invalid schema-level `example` (3.1 keeps OpenAPI's own keyword) the mock's body holds (Mastodon's AsyncRefresh example is its wrapper's), and reads a property named example as a property", () => {
    // The example of AsyncRefresh is the example of the response wrapping it: Prism answers { async_refresh: { async_refresh: … } }.
    const refresh = { type: 'object', required: ['id'], properties: { id: { type: 'string' }, example: { type: 'string' } }, example: { async_refresh: { id: 'r1' } } };
    const doc = toOpenApiDocument(
      { openapi: '3.1.0', info: { title: 'inline', version: '1' }, components: { schemas: { AsyncRefresh: refresh } }, paths: { '/refresh': { get: { operationId: 'get', responses: { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'object', required: ['async_refresh'], properties: { async_refresh: { $ref: '#/components/schemas/AsyncRefresh' } } } } } } } } } } },
      'inline document',
    );
    const failures = checkResponse({ operation: listOperations(doc)[0]!, doc, validator: createSchemaValidator(doc), expect: { statuses: ['200'] }, target: 'mock', extraChecks: mockTarget.checks, response: response(200, { async_refresh: { async_refresh: { id: 'r1' } } }) });
    expect(failures.map((f) => f.rule)).toEqual(['body-schema', 'document-example']);
    expect(failures[1]?.message).toMatch(/^the mock's body holds the document's own example #\/components\/schemas\/AsyncRefresh\/example \(at body\/async_refresh\), which is invalid against its schema \(\(root\) must have required property 'id'/);
  });

  it("names a response example that carries a writeOnly property as the document's defect (Train Travel's card cvc)", () => {
    const card = { type: 'object', properties: { number: { type: 'string' }, cvc: { type: 'integer', writeOnly: true } } };
    const payments = toOpenApiDocument(
      { openapi: '3.1.0', info: { title: 'inline', version: '1' }, paths: { '/pay': { post: { operationId: 'pay', responses: { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'object', properties: { source: card } }, examples: { Card: { value: { source: { number: '4242', cvc: 123 } } } } } } } } } } } },
      'inline document',
    );
    const failures = checkResponse({ operation: listOperations(payments)[0]!, doc: payments, validator: createSchemaValidator(payments), expect: { statuses: ['200'] }, target: 'mock', extraChecks: mockTarget.checks, response: response(200, { source: { number: '4242', cvc: 123 } }) });
    expect(failures.map((f) => f.rule)).toEqual(['body-write-only', 'document-example']);
    expect(failures[1]?.message).toMatch(/^the mock answered the document's own example #\/paths\/~1pay\/post\/responses\/200\/content\/application~1json\/examples\/Card\/value, which is invalid against its schema \(\/source\/cvc is writeOnly, which a response does not carry\): a defect of the document/);
  });

  it("names an invalid scalar schema example the mock's body holds at its own spot (Vonage's reports: include_message, a boolean, has the example \"true\"), and nothing for another value there", () => {
    const record = { type: 'object', properties: { include_message: { type: 'boolean', examples: ['true'] }, price: { type: 'number', example: '0.03' }, note: { type: 'string', examples: ['fine'] } } };
    const doc = toOpenApiDocument(
      { openapi: '3.1.0', info: { title: 'inline', version: '1' }, paths: { '/records': { get: { operationId: 'records', responses: { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'array', items: record } } } } } } } } },
      'inline document',
    );
    const check = (body: unknown) => checkResponse({ operation: listOperations(doc)[0]!, doc, validator: createSchemaValidator(doc), expect: { statuses: ['200'] }, target: 'mock', extraChecks: mockTarget.checks, response: response(200, body) });
    const failures = check([{ include_message: 'true', note: 'fine' }]);
    expect(failures.map((f) => f.rule)).toEqual(['body-schema', 'document-example']);
    expect(failures[1]?.message).toBe(
      "the mock's body holds the document's own example #/paths/~1records/get/responses/200/content/application~1json/schema/items/properties/include_message/examples/0 (at body/0/include_message), which is invalid against its schema ((root) must be boolean): a defect of the document, not of the server or the suite",
    );
    expect(check([{ price: '0.03' }]).map((f) => f.rule)).toEqual(['body-schema', 'document-example']);
    expect(check([{ include_message: 'yes' }]).map((f) => f.rule)).toEqual(['body-schema']);
  });

  it('says nothing of a valid example, nor of an invalid body that is no example', () => {
    expect(check({ total: 2 }).map((f) => f.rule)).toEqual([]);
    expect(check({ total: 'two' }).map((f) => f.rule)).toEqual(['body-schema']);
  });
});

describe('document-schema', () => {
  // Clerk's SAMLConnection requires authenticatable and never declares it; domain and domains are declared (an anyOf of required lists picks one).
  const connection = { type: 'object', required: ['id', 'authenticatable'], properties: { id: { type: 'string' }, domain: { type: 'string' }, domains: { type: 'array' } }, anyOf: [{ required: ['domain'] }, { required: ['domains'] }] };
  const doc = toOpenApiDocument(
    {
      openapi: '3.1.0',
      info: { title: 'inline', version: '1' },
      components: { schemas: { Connection: connection, Open: { type: 'object', required: ['tag'], properties: { id: { type: 'string' } }, additionalProperties: { type: 'string' } } } },
      paths: {
        '/connections': { get: { operationId: 'list', responses: { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'array', items: { $ref: '#/components/schemas/Connection' } } } } } } } },
        '/open': { get: { operationId: 'open', responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/Open' } } } } } } },
      },
    },
    'inline document',
  );
  const validator = createSchemaValidator(doc, createAjv(doc, { mode: 'foreign' }));
  const check = (index: number, body: unknown) => checkResponse({ operation: listOperations(doc)[index]!, doc, validator, expect: { statuses: ['200'] }, target: 'mock', extraChecks: mockTarget.checks, response: response(200, body) });

  it("names a required property no schema at its spot declares, which Prism never makes up (Clerk's SAMLConnection authenticatable), as the document's defect", () => {
    const failures = check(0, [{ id: 'c1', domain: 'a.example' }]);
    expect(failures.map((f) => f.rule)).toEqual(['body-schema', 'document-schema']);
    expect(failures[1]).toMatchObject({
      instancePath: '/0',
      message: "#/components/schemas/Connection requires 'authenticatable' at body/0 and no schema there declares it: Prism makes a body up from the properties its schemas declare, so the mock never sends it; a defect of the document, not of the server or the suite",
    });
  });

  it('says nothing of a missing property that is declared, nor where the object is open to undeclared ones', () => {
    expect(check(0, [{ authenticatable: true, domain: 'a.example' }]).map((f) => f.rule)).toEqual(['body-schema']);
    expect(check(1, { id: 'x' }).map((f) => f.rule)).toEqual(['body-schema']);
  });
});

describe('document-schema: a string no value satisfies', () => {
  // Adyen's TerminalAPI CardStatusWords: format byte (base64, a multiple of 4 characters) and pattern ^.{2,2}$.
  const doc = toOpenApiDocument(
    {
      openapi: '3.1.0',
      info: { title: 'inline', version: '1' },
      components: { schemas: { Words: { type: 'string', format: 'byte', pattern: '^.{2,2}$' } } },
      paths: { '/apdu': { post: { operationId: 'apdu', responses: { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'object', properties: { CardStatusWords: { $ref: '#/components/schemas/Words' }, APDUData: { type: 'string', format: 'byte' } } } } } } } } } },
    },
    'inline document',
  );
  const validator = createSchemaValidator(doc, createAjv(doc, { mode: 'foreign' }));
  const check = (body: unknown) => checkResponse({ operation: listOperations(doc)[0]!, doc, validator, expect: { statuses: ['200'] }, target: 'mock', extraChecks: mockTarget.checks, response: response(200, body) });

  it("names a string schema whose format and pattern leave no length as the document's defect, once per spot", () => {
    const failures = check({ CardStatusWords: 'string', APDUData: 'AAAA' });
    expect(failures.map((f) => f.rule)).toEqual(['body-schema', 'body-schema', 'document-schema']);
    expect(failures[2]).toMatchObject({
      instancePath: '/CardStatusWords',
      message: '#/components/schemas/Words admits no value at body/CardStatusWords: format byte (base64) takes a multiple of 4 characters, and pattern ^.{2,2}$ exactly 2; a defect of the document, not of the server or the suite',
    });
  });

  it('says nothing where the failing string has valid values', () => {
    expect(check({ APDUData: 'not base64' }).map((f) => f.rule)).toEqual(['body-schema']);
  });
});

describe('document-example: an example its discriminator rejects', () => {
  // Okta's OAG application list: an example tagged OAG_HEADER_BASED that the mapped schema's pattern rejects, valid against the oneOf all the same.
  const animal = { oneOf: [{ $ref: '#/components/schemas/Cat' }, { $ref: '#/components/schemas/Dog' }], discriminator: { propertyName: 'petType' } };
  const doc = toOpenApiDocument(
    {
      openapi: '3.1.0',
      info: { title: 'inline', version: '1' },
      components: { schemas: { Cat: { type: 'object', properties: { petType: { type: 'string' }, name: { type: 'string' } } }, Dog: { type: 'object', required: ['bark'], properties: { petType: { type: 'string' }, bark: { type: 'string', pattern: '^woof$' } } } } },
      paths: { '/pets': { get: { operationId: 'getPet', responses: { '200': { description: 'ok', content: { 'application/json': { schema: animal, examples: { dog: { value: { petType: 'Dog', name: 'Rex' } } } } } } } } } },
    },
    'inline document',
  );
  const validator = createSchemaValidator(doc, createAjv(doc, { mode: 'foreign' }));
  const check = (body: unknown) => checkResponse({ operation: listOperations(doc)[0]!, doc, validator, expect: { statuses: ['200'] }, target: 'mock', extraChecks: mockTarget.checks, response: response(200, body) });

  it("names the document's own example as the defect when the schema its tag names rejects it", () => {
    const failures = check({ petType: 'Dog', name: 'Rex' });
    expect(failures.map((f) => f.rule)).toEqual(['body-discriminator', 'document-example']);
    expect(failures[1]?.message).toBe(
      "the mock answered the document's own example #/paths/~1pets/get/responses/200/content/application~1json/examples/dog/value, which is invalid against its schema (body has petType 'Dog' but is not a valid Dog: body must have required property 'bark'): a defect of the document, not of the server or the suite",
    );
  });
});
