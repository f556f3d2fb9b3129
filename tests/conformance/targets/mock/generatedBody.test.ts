// A body Prism makes up from a schema (no example documented) that breaks the schema is Prism's
// fault when the schema has valid values: the case is skipped, saying so. When the suite cannot
// build a valid value either (a required property never declared), it is the document's defect,
// and the case still fails.
import { beforeAll, describe, expect, it } from 'vitest';
import type { CaseResult } from '../../../../src/conformance/model.js';
import { runInlineSpec } from '../../../support/runInlineSpec.js';

const answer = (schema: unknown) => ({ '200': { description: 'ok', content: { 'application/json': { schema } } } });

const document = {
  openapi: '3.1.0',
  info: { title: 'made-up bodies', version: '1' },
  paths: {
    // Prism cuts the recursion with `friend: {}` somewhere down: that Pet lacks its required name.
    '/pets/{petId}': { get: { operationId: 'getPet', parameters: [{ name: 'petId', in: 'path', required: true, schema: { type: 'string' }, example: 'p1' }], responses: answer({ $ref: '#/components/schemas/Pet' }) } },
    // Prism writes the writeOnly `password` into the body it makes up.
    '/me': { get: { operationId: 'getMe', responses: answer({ type: 'object', required: ['name', 'password'], properties: { name: { type: 'string' }, password: { type: 'string', writeOnly: true } } }) } },
    // Two branches accept any string, so a string matches both and oneOf rejects it; an object with a name is valid.
    '/labels': { get: { operationId: 'getLabel', responses: answer({ oneOf: [{ type: 'string' }, { $ref: '#/components/schemas/Pet' }, { type: 'string', title: 'again' }] }) } },
    // `code` is required and never declared: no body can have it from the schema.
    '/status': { get: { operationId: 'getStatus', responses: answer({ type: 'object', required: ['code'], properties: { state: { type: 'string' } } }) } },
    // An optional owner requires `id` and never declares it: Prism writes an owner without one, and a body without the owner is valid.
    '/tickets': { get: { operationId: 'getTicket', responses: answer({ type: 'object', required: ['owner'], properties: { owner: { type: 'object', required: ['name'], properties: { name: { type: 'string' }, boss: { type: 'object', required: ['id'], properties: { name: { type: 'string' } } } } } } }) } },
  },
  components: {
    schemas: { Pet: { type: 'object', required: ['name'], properties: { name: { type: 'string' }, friend: { allOf: [{ $ref: '#/components/schemas/Pet' }] } } } },
  },
};

describe('bodies Prism makes up', () => {
  let results: CaseResult[];
  beforeAll(async () => {
    results = await runInlineSpec('madeup', document);
  }, 120_000);

  const result = (id: string) => results.find((r) => r.testCase.id === id);

  it("a recursive schema's cut body is skipped as Prism's generator's fault, naming what broke", () => {
    for (const id of ['madeup getPet documented 200', 'madeup getPet valid']) {
      expect(result(id)?.outcome, id).toBe('skipped');
      expect(result(id)?.skipReason).toMatch(/^Prism made this 200 body up from the schema \(no example is documented\) and broke it \(body(\/friend)+ must have required property 'name'\).*not the document's/);
    }
  });

  it('a writeOnly property in a made-up body is skipped as the generator\'s, not failed as the document\'s', () => {
    expect(result('madeup getMe valid')?.outcome).toBe('skipped');
    expect(result('madeup getMe valid')?.skipReason).toMatch(/broke it \(body\/password is writeOnly: a response does not carry it\)/);
  });

  it("a oneOf whose first branch overlaps another is satisfiable through its other branch: Prism's string is its generator's fault", () => {
    expect(result('madeup getLabel valid')?.outcome).toBe('skipped');
    expect(result('madeup getLabel valid')?.skipReason).toMatch(/^Prism made this 200 body up from the schema .* not the document.s/);
  });

  it("a made-up body whose optional part requires an undeclared property is still skipped as the generator's (the document-schema note beside it changes nothing), as the schema has valid values", () => {
    expect(result('madeup getTicket valid')?.outcome).toBe('skipped');
    expect(result('madeup getTicket valid')?.skipReason).toMatch(/^Prism made this 200 body up from the schema .*boss must have required property 'id'/);
  });

  it('a schema no value can satisfy still fails', () => {
    expect(result('madeup getStatus valid')?.outcome).toBe('failed');
    expect(result('madeup getStatus valid')?.failures.map((f) => f.message)).toContain("body must have required property 'code'");
    expect(result('madeup getStatus valid')?.failures.map((f) => f.rule)).toEqual(['body-schema', 'document-schema']);
  });
});
