// A response whose media type gives neither a schema nor an example (`application/json: {}`,
// SendGrid's 202 and 401): Prism has nothing to answer from and sends no body and no
// Content-Type. That says nothing of the document (any JSON value is its answer) nor of a server:
// on the mock such an answer is skipped, saying why; before, it failed as "not valid JSON" and
// "content type '(none)' is not documented".
import { beforeAll, describe, expect, it } from 'vitest';
import type { CaseResult } from '../../../../src/conformance/model.js';
import { runInlineSpec } from '../../../support/runInlineSpec.js';
import { failedCases } from '../../../support/failedCases.js';

const document = {
  openapi: '3.0.3',
  info: { title: 'empty media', version: '1' },
  components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
  security: [{ bearer: [] }],
  paths: {
    '/scores': {
      get: {
        operationId: 'listScores',
        responses: {
          '200': { description: 'ok', content: { 'application/json': { schema: { type: 'object' }, example: {} } } },
          '202': { description: 'accepted', content: { 'application/json': {} } },
          '401': { description: 'unauthorized', content: { 'application/json': {} } },
        },
      },
    },
  },
};

describe('a media type with neither schema nor example, on the mock', () => {
  let results: CaseResult[];
  beforeAll(async () => {
    results = await runInlineSpec('empty', document);
  }, 120_000);

  it('skips the answers Prism sends without a body for it, saying why, and fails nothing', () => {
    expect(failedCases(results)).toEqual([]);
    const accepted = results.find((r) => r.testCase.id === 'empty listScores documented 202');
    expect(accepted).toMatchObject({ outcome: 'skipped', skipReason: expect.stringMatching(/^Prism answered 202 with no body: the document gives application\/json no schema and no example/) });
  });

  it('still checks the answers that have a body', () => {
    expect(results.find((r) => r.testCase.id === 'empty listScores documented 200')?.outcome).toBe('passed');
  });
});
