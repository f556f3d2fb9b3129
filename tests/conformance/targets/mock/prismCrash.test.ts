// Prism throws, and never catches, when a request breaks an enum whose values are not Latin-1
// text: its `sl-violations` header quotes them ("must be equal to one of the allowed values: €,
// $"), and Node refuses the header ("Invalid character in header content"). That request alone is
// answered (a 500 naming the error in servePrism's crash header) and its case skipped as Prism's
// defect; before servePrism caught such errors, Prism's worker thread died, a stack trace reached
// stderr, and every later case of the document failed as "connection reset".
import { beforeAll, describe, expect, it } from 'vitest';
import type { CaseResult } from '../../../../src/conformance/model.js';
import { runInlineSpec } from '../../../support/runInlineSpec.js';
import { documentForPrism } from '../../../../src/conformance/targets/mock/documentForPrism.js';
import { toOpenApiDocument } from '../../../../src/openapi/loadDocument.js';
import { createAjv } from '../../../../src/openapi/createAjv.js';
import { createSchemaValidator } from '../../../../src/openapi/schemaValidator.js';

const ok = (headers: Record<string, unknown> = {}) => ({ '200': { description: 'ok', headers, content: { 'application/json': { schema: { type: 'object' }, example: {} } } } });
// openapi-sampler writes 'string' for the code, which its pattern rejects: the suite repairs the sample for Prism.
const patterned = { schema: { type: 'object', required: ['code'], properties: { code: { type: 'string', pattern: '^z[0-9]{3}$' } } } };

const document = {
  openapi: '3.1.0',
  info: { title: 'crashing Prism', version: '1' },
  paths: {
    '/prices': {
      get: {
        operationId: 'crash',
        parameters: [{ name: 'currency', in: 'query', schema: { type: 'string', enum: ['€', '$'] } }],
        responses: { ...ok(), '400': { description: 'invalid', content: { 'application/json': { schema: { type: 'object' }, example: {} } } } },
      },
    },
    '/coded': { get: { operationId: 'coded', responses: ok({ 'X-Code': patterned }) } },
    '/sampled': { get: { operationId: 'sampled', responses: ok({ 'X-Page': { schema: { type: 'object', properties: { size: { type: 'integer' } } } } }) } },
    '/fine': { get: { operationId: 'fine', responses: ok() } },
  },
};

describe('a request that crashes Prism', () => {
  let results: CaseResult[];
  beforeAll(async () => {
    results = await runInlineSpec('crash', document);
  }, 120_000);

  it("is skipped as Prism's defect, naming the error; every other case runs and passes", () => {
    const crashed = results.filter((r) => r.testCase.id === 'crash crash negative query.currency enum');
    expect(crashed.map((r) => r.outcome)).toEqual(['skipped']);
    expect(crashed[0]?.skipReason).toMatch(/^Prism crashed answering this request \(Invalid character in header content \["sl-violations"\]\): a defect of Prism, not of the document$/);
    const others = results.filter((r) => r !== crashed[0] && r.outcome !== 'skipped');
    expect(others.map((r) => `${r.testCase.id}: ${r.outcome}`)).toEqual(others.map((r) => `${r.testCase.id}: passed`));
    expect(others.filter((r) => r.testCase.operation.operationId !== 'crash')).toHaveLength(6);
  });
});

describe('header examples sampled for Prism', () => {
  const doc = toOpenApiDocument(structuredClone(document), 'inline');
  const header = (copy: Record<string, unknown>, path: string, name: string) =>
    (copy as { paths: Record<string, { get: { responses: { '200': { headers: Record<string, { example?: unknown }> } } } }> }).paths[path]!.get.responses['200'].headers[name]!;

  it('a header without an example gets its sample as header text, when the check accepts the sample', () => {
    const copy = documentForPrism(doc, () => true);
    expect(header(copy, '/sampled', 'X-Page').example).toBe('size,0');
  });

  it("a sample its schema rejects is repaired, given the schema's errors (a string matching the pattern)", () => {
    const validator = createSchemaValidator(doc, createAjv(doc, { mode: 'foreign' }));
    const copy = documentForPrism(doc, (pointer, value) => validator.validate(pointer, value).length === 0, (pointer, value) => validator.validate(pointer, value));
    expect(header(copy, '/coded', 'X-Code').example).toMatch(/^code,z[0-9]{3}$/);
    expect(header(documentForPrism(doc, (pointer, value) => validator.validate(pointer, value).length === 0), '/coded', 'X-Code').example).toBeUndefined();
  });

  it('and none when the check rejects it', () => {
    const copy = documentForPrism(doc, (pointer) => !pointer.includes('X-Page'));
    expect(header(copy, '/sampled', 'X-Page').example).toBeUndefined();
  });
});
