// An http security scheme Prism has no handler for (Okta's `scheme: postBody`; Prism knows basic,
// bearer and digest): Prism rejects every request relying on it with a 401, however its
// credential is written. A valid request sent that way proves nothing on the mock: skipped, saying
// why; the other ways in are still sent. Before, each failed as "expected status 200, got 401".
import { beforeAll, describe, expect, it } from 'vitest';
import type { CaseResult } from '../../../../src/conformance/model.js';
import { runInlineSpec } from '../../../support/runInlineSpec.js';
import { failedCases } from '../../../support/failedCases.js';

const document = {
  openapi: '3.0.3',
  info: { title: 'post body', version: '1' },
  components: {
    securitySchemes: {
      basic: { type: 'http', scheme: 'basic' },
      postBody: { type: 'http', scheme: 'postBody' },
    },
  },
  paths: {
    '/token': {
      post: {
        operationId: 'token',
        security: [{ basic: [] }, { postBody: [] }],
        responses: {
          '200': { description: 'ok', content: { 'application/json': { schema: { type: 'object' }, example: {} } } },
          '401': { description: 'no', content: { 'application/json': { schema: { type: 'object' }, example: {} } } },
        },
      },
    },
  },
};

describe('an http scheme Prism does not know, on the mock', () => {
  let results: CaseResult[];
  beforeAll(async () => {
    results = await runInlineSpec('pb', document);
  }, 120_000);

  it('skips the valid request sent with it, saying why, sends the one with basic, and fails nothing', () => {
    expect(failedCases(results)).toEqual([]);
    expect(results.find((r) => r.testCase.id === 'pb token valid postBody')).toMatchObject({
      outcome: 'skipped',
      skipReason: "Prism has no handler for the http scheme 'postBody' (only basic, bearer and digest): it answers 401 to every request relying on it",
    });
    expect(results.find((r) => r.testCase.id === 'pb token valid basic')?.outcome).toBe('passed');
  });
});
