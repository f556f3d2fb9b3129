// Array parameters broken one constraint at a time (an item's enum or type, maxItems; never
// uniqueItems, which a repeated value may not break for a server), serialised per style, run against Prism: each case passes only where Prism's
// `sl-violations` names that parameter, proof that the case breaks the rule it names (an item
// count is skipped there: Prism does not check it).
import { beforeAll, describe, expect, it } from 'vitest';
import type { CaseResult } from '../../../../src/conformance/model.js';
import { runInlineSpec } from '../../../support/runInlineSpec.js';

const error = { description: 'invalid', content: { 'application/json': { schema: { type: 'object' }, example: {} } } };

const document = {
  openapi: '3.1.0',
  info: { title: 'arrays', version: '1' },
  paths: {
    '/tasks': {
      get: {
        operationId: 'listTasks',
        parameters: [
          { name: 'status', in: 'query', required: true, schema: { type: 'array', maxItems: 1, uniqueItems: true, items: { type: 'string', enum: ['open', 'done'] } }, example: ['open'] },
          { name: 'ids', in: 'query', explode: false, schema: { type: 'array', items: { type: 'integer', minimum: 1 } }, example: [1, 2] },
          // Required: Prism crashes on a request without an optional array header.
          { name: 'X-Tags', in: 'header', required: true, schema: { type: 'array', items: { type: 'string', pattern: '^[a-z]+$' } }, example: ['home'] },
        ],
        responses: { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'object' }, example: {} } } }, '400': error },
      },
    },
  },
};

describe('array parameter negative cases against Prism', () => {
  let results: CaseResult[];
  beforeAll(async () => {
    results = await runInlineSpec('arrays', document);
  }, 120_000);

  it('pass, each with Prism naming the parameter the case broke (an item count is skipped, saying why)', () => {
    const broken = results.filter((r) => /^(query|header) (status|ids|X-Tags)[.:]/.test(r.testCase.brokenRule ?? '') && !r.testCase.brokenRule?.endsWith(': required'));
    expect(broken.map((r) => `${r.testCase.brokenRule}: ${r.outcome}${r.skipReason ? ` (${r.skipReason})` : ''}`)).toEqual([
      'query status: maxItems 1: skipped (Prism does not validate the item count of an array parameter)',
      'query status.0: enum (open|done): passed',
      'query status.0: enum (open|done) in another letter case: passed',
      'query ids.0: type integer→string: passed',
      'query ids.0: minimum 1: passed',
      'query ids.0: integer: passed',
      'header X-Tags.0: pattern ^[a-z]+$: passed',
      'header X-Tags.0: pattern ^[a-z]+$ in another letter case: passed',
    ]);
    expect(results.filter((r) => r.outcome === 'failed').map((r) => `${r.testCase.brokenRule}: ${r.failures.map((f) => f.message).join('; ')}`)).toEqual([]);
  });

  it('send the broken array as the style says: repeated pairs, or one comma-separated value', () => {
    const enumCase = results.find((r) => r.testCase.brokenRule === 'query status.0: enum (open|done)')!.testCase.request;
    expect(enumCase.queryPairs).toEqual([['status', 'not_in_enum']]);
    const idsCase = results.find((r) => r.testCase.brokenRule === 'query ids.0: minimum 1')!.testCase.request;
    expect(idsCase.queryPairs).toEqual(expect.arrayContaining([['ids', '0,2']]));
  });
});
