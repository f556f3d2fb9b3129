// Header parameters named Accept, Content-Type or Authorization SHALL be ignored (OpenAPI 3.0.3
// §4.7.12.1, 3.1 §4.8.12.1). Prism validates them all the same: PagerDuty's MCP endpoint requires
// `Accept` of `application/json, text/event-stream` and `Content-Type` of `application/json`, and
// Prism answered every request 400 (`Request header parameter accept must be equal to one of the
// allowed values`). The copy Prism reads leaves them out, as the suite does.
import { describe, expect, it } from 'vitest';
import { runInlineSpec } from '../../../support/runInlineSpec.js';
import { documentForPrism } from '../../../../src/conformance/targets/mock/documentForPrism.js';
import { toOpenApiDocument } from '../../../../src/openapi/loadDocument.js';
import { failedCases } from '../../../support/failedCases.js';

const answer = (schema: unknown, example: unknown) => ({ content: { 'application/json': { schema, example } } });
const document = {
  openapi: '3.1.0',
  info: { title: 'reserved headers', version: '1' },
  paths: {
    '/rpc': {
      parameters: [{ $ref: '#/components/parameters/Accept' }],
      post: {
        operationId: 'call',
        parameters: [
          { name: 'Content-Type', in: 'header', required: true, schema: { type: 'string', enum: ['application/vnd.rpc+json'] } },
          { name: 'authorization', in: 'header', required: true, schema: { type: 'string', pattern: '^Token token=[a-z]+$' } },
          { name: 'X-Trace', in: 'header', schema: { type: 'string' } },
        ],
        requestBody: { required: true, ...answer({ type: 'object', required: ['method'], properties: { method: { type: 'string' } } }, { method: 'tools/list' }) },
        responses: { '200': { description: 'ok', ...answer({ type: 'object' }, { result: 1 }) }, '400': { description: 'invalid', ...answer({ type: 'object' }, {}) } },
      },
    },
  },
  components: { parameters: { Accept: { name: 'Accept', in: 'header', required: true, schema: { type: 'string', enum: ['application/json, text/event-stream'] } } } },
};

describe('header parameters OpenAPI says to ignore', () => {
  it('are left out of the copy Prism reads, wherever they are declared, and other header parameters kept', () => {
    const copy = documentForPrism(toOpenApiDocument(structuredClone(document), 'inline')) as unknown as { paths: Record<string, { parameters: unknown[]; post: { parameters: { name: string }[] } }> };
    expect(copy.paths['/rpc']!.parameters).toEqual([]);
    expect(copy.paths['/rpc']!.post.parameters.map((p) => p.name)).toEqual(['X-Trace']);
  });

  it('do not make Prism reject the valid request or the documented answers', async () => {
    const results = await runInlineSpec('reserved-headers', document);
    const failed = failedCases(results);
    expect(failed).toEqual([]);
    expect(results.filter((r) => r.outcome === 'passed').map((r) => r.testCase.id)).toEqual(expect.arrayContaining(['reserved-headers call valid example', 'reserved-headers call documented 200']));
  }, 120_000);
});
