// Hints where the cause is likely: a rejected key, a base URL that is a web page.
import { describe, expect, it } from 'vitest';
import type { ApiRun, CaseResult } from '../../../src/conformance/model.js';
import { hintsOf, HINTS } from '../../../src/conformance/report/hints.js';
import { humanReport } from '../../../src/conformance/report/humanReport.js';

const operation = { operationId: 'op', method: 'get', path: '/x' } as unknown as CaseResult['testCase']['operation'];
const result = (auth: 'scheme' | 'none', status: number, contentType?: string): CaseResult => ({
  testCase: {
    id: `${auth} ${status}`,
    api: 'x',
    operation,
    kind: 'positive',
    title: 't',
    request: { method: 'GET', pathTemplate: '/x', pathParams: {}, query: {}, headers: {}, auth: auth === 'scheme' ? { kind: 'scheme', scheme: 'bearer' } : { kind: 'none' } },
    expect: { statuses: [] },
    writes: false,
  },
  outcome: 'failed',
  failures: [],
  observed: [{ operationId: 'op', status, passed: false, ...(contentType ? { contentType } : {}) }],
  durationMs: 1,
});
const run = (results: CaseResult[], kind: 'live' | 'mock' = 'live'): ApiRun => ({ api: 'x', target: { kind, baseUrl: 'http://127.0.0.1:1' }, operations: [], results, leftOut: [], durationMs: 1 });

describe('hintsOf', () => {
  it('says the credentials look rejected when every authenticated request was answered 401', () => {
    expect(hintsOf(run([result('scheme', 401), result('scheme', 401), result('none', 401)]))).toEqual([HINTS.credentialsRejected]);
    expect(humanReport({ apis: [run([result('scheme', 401)])], startedAt: '', durationMs: 1 })).toContain('  hint: credentials rejected? every authenticated request was answered 401');
  });

  it('gives no credentials hint when one authenticated request got through', () => {
    expect(hintsOf(run([result('scheme', 401), result('scheme', 200)]))).toEqual([]);
  });

  it('asks whether the base URL is right when every typed answer was HTML', () => {
    expect(hintsOf(run([result('scheme', 200, 'text/html'), result('none', 404, 'text/html'), result('none', 204)]))).toEqual([HINTS.htmlAnswers]);
    expect(hintsOf(run([result('scheme', 200, 'text/html'), result('none', 404, 'application/json')]))).toEqual([]);
  });

  it('gives no hint on a mock', () => {
    expect(hintsOf(run([result('scheme', 401, 'text/html')], 'mock'))).toEqual([]);
  });
});
