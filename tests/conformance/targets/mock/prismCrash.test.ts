// Prism throws, and never catches, while validating its own answer for an object header it has
// no text for. That request alone is answered (a 500 naming the error) and its case skipped as
// Prism's defect; before, Prism's worker thread died, a stack trace reached stderr, and every
// later case of the document failed as "connection reset".
import { beforeAll, describe, expect, it } from 'vitest';
import type { CaseResult } from '../../../../src/conformance/model.js';
import { runInlineSpec } from '../../../support/runInlineSpec.js';
import { documentForPrism } from '../../../../src/conformance/targets/mock/documentForPrism.js';
import { toOpenApiDocument } from '../../../../src/openapi/loadDocument.js';

const ok = (headers: Record<string, unknown> = {}) => ({ '200': { description: 'ok', headers, content: { 'application/json': { schema: { type: 'object' }, example: {} } } } });
// openapi-sampler writes 'string' for the code, which its pattern rejects: no example is given to Prism.
const unsampleable = { schema: { type: 'object', required: ['code'], properties: { code: { type: 'string', pattern: '^z[0-9]{3}$' } } } };

const document = {
  openapi: '3.1.0',
  info: { title: 'crashing Prism', version: '1' },
  paths: {
    '/crash': { get: { operationId: 'crash', responses: ok({ 'X-Code': unsampleable }) } },
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
    const crashed = results.filter((r) => r.testCase.operation.operationId === 'crash');
    expect(crashed.map((r) => r.outcome)).toEqual(['skipped', 'skipped']);
    expect(crashed[0]?.skipReason).toMatch(/^Prism crashed answering this request \(.*split.*\): a defect of Prism, not of the document$/);
    const others = results.filter((r) => r.testCase.operation.operationId !== 'crash');
    expect(others.map((r) => r.outcome)).toEqual(['passed', 'passed', 'passed', 'passed']);
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

  it('and none when the check rejects it', () => {
    const copy = documentForPrism(doc, (pointer) => !pointer.includes('X-Page'));
    expect(header(copy, '/sampled', 'X-Page').example).toBeUndefined();
  });
});
