// Header parameters broken one constraint at a time, run against Prism: each case passes only
// where Prism's `sl-violations` names that header (the mock-violation check), which proves the
// case breaks the rule it names; cookie ones are skipped there, saying why.
import { beforeAll, describe, expect, it } from 'vitest';
import type { CaseResult } from '../../../../src/conformance/model.js';
import { runInlineSpec } from '../../../support/runInlineSpec.js';

const error = { description: 'invalid', content: { 'application/json': { schema: { type: 'object' }, example: {} } } };

const document = {
  openapi: '3.1.0',
  info: { title: 'headers', version: '1' },
  paths: {
    '/reports': {
      get: {
        operationId: 'getReport',
        parameters: [
          { name: 'X-Format', in: 'header', required: true, schema: { type: 'string', enum: ['plain', 'markdown'] }, example: 'plain' },
          { name: 'X-Trace', in: 'header', schema: { type: 'string', pattern: '^t-[0-9]+$', maxLength: 12 }, example: 't-1' },
          { name: 'X-Page', in: 'header', schema: { type: 'integer', maximum: 9 }, example: 2 },
          { name: 'theme', in: 'cookie', schema: { type: 'string', enum: ['dark', 'light'] }, example: 'dark' },
        ],
        responses: { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'object' }, example: {} } } }, '400': error },
      },
    },
  },
};

describe('header parameter negative cases against Prism', () => {
  let results: CaseResult[];
  beforeAll(async () => {
    results = await runInlineSpec('headers', document);
  }, 120_000);

  it('pass, each with Prism naming the header the case broke', () => {
    const header = results.filter((r) => r.testCase.brokenRule?.startsWith('header '));
    expect(header.map((r) => `${r.testCase.brokenRule}: ${r.outcome}`)).toEqual([
      'header X-Format: enum (plain|markdown): passed',
      'header X-Format: enum (plain|markdown) in another letter case: passed',
      'header X-Trace: maxLength 12: passed',
      'header X-Trace: pattern ^t-[0-9]+$: passed',
      'header X-Trace: pattern ^t-[0-9]+$ in another letter case: passed',
      'header X-Page: type integer→string: passed',
      'header X-Page: maximum 9: passed',
      'header X-Page: integer: passed',
      'header X-Format: required: passed',
    ]);
    expect(results.filter((r) => r.outcome === 'failed')).toEqual([]);
  });

  it('skips the cookie ones, which Prism does not validate', () => {
    const cookie = results.find((r) => r.testCase.brokenRule === 'cookie theme: enum (dark|light)');
    expect(cookie).toMatchObject({ outcome: 'skipped', skipReason: 'Prism does not validate cookie parameters' });
  });
});
