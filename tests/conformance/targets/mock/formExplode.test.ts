// A form-style query array that leaves `explode` to OpenAPI's default (true) is sent as
// `?type=bad&type=b`; Prism read it as explode false and validated only the last value, so a
// broken first item passed and its negative case failed ("Prism did not report the violation").
// The copy Prism reads says `explode: true`, as the suite reads the document.
import { describe, expect, it } from 'vitest';
import { runInlineSpec } from '../../../support/runInlineSpec.js';
import { documentForPrism } from '../../../../src/conformance/targets/mock/documentForPrism.js';
import { toOpenApiDocument } from '../../../../src/openapi/loadDocument.js';

const types = { name: 'type', in: 'query', schema: { type: 'array', items: { type: 'string', enum: ['a', 'b', 'c'] } }, example: ['a', 'b'] };
const answers = { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'object' }, example: {} } } }, '400': { description: 'invalid', content: { 'application/json': { schema: { type: 'object' }, example: {} } } } };
const document = {
  openapi: '3.1.0',
  info: { title: 'exploded by default', version: '1' },
  paths: { '/things': { get: { operationId: 'listThings', parameters: [types], responses: answers } } },
  components: { parameters: { Unsaid: { name: 'q', in: 'query', schema: { type: 'string' } }, Said: { name: 's', in: 'query', explode: false, schema: { type: 'string' } }, Simple: { name: 'h', in: 'header', schema: { type: 'string' } } } },
};

describe('a form array parameter with the default explode', () => {
  it("is broken item by item, each proven by Prism's report", async () => {
    const results = await runInlineSpec('explode', document);
    const items = results.filter((r) => /negative query\.type\.\d+ enum/.test(r.testCase.id));
    expect(items.map((r) => r.testCase.id)).toContain('explode listThings negative query.type.0 enum');
    expect(items.map((r) => `${r.testCase.id}: ${r.outcome}`)).toEqual(items.map((r) => `${r.testCase.id}: passed`));
  }, 120_000);

  it('is given to Prism with explode: true; a said explode and a non-form parameter are kept as they are', () => {
    const copy = documentForPrism(toOpenApiDocument(structuredClone(document), 'inline')) as typeof document;
    expect((copy.paths['/things'].get.parameters[0] as { explode?: boolean }).explode).toBe(true);
    const parameters = copy.components.parameters as Record<string, { explode?: boolean }>;
    expect([parameters.Unsaid?.explode, parameters.Said?.explode, parameters.Simple?.explode]).toEqual([true, false, undefined]);
  });
});
