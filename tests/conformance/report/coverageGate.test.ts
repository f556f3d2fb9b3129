// --min-coverage: the run fails when fewer documented (operation, status) cells than that were
// exercised and passed; the human report and JUnit carry the figure.
import { describe, expect, it } from 'vitest';
import type { ApiRun, CaseResult, RunReport } from '../../../src/conformance/model.js';
import { coverageFigure } from '../../../src/conformance/report/coverage.js';
import { humanReport } from '../../../src/conformance/report/humanReport.js';
import { junitReport } from '../../../src/conformance/report/junitReport.js';
import { verdictOf } from '../../../src/conformance/report/verdict.js';

const seen = (operationId: string, status: number, passed = true) =>
  ({ testCase: { id: `x ${operationId} ${status}`, api: 'x', kind: 'positive', title: 't', operation: { operationId, method: 'get', path: '/a' }, request: { auth: { kind: 'none' } } }, outcome: passed ? 'passed' : 'failed', failures: [], observed: [{ operationId, status, passed }], durationMs: 1 }) as unknown as CaseResult;

// Four documented cells: getA 200, 404; getB 200, 429. Three are exercised and pass.
const run: ApiRun = {
  api: 'x',
  durationMs: 1,
  target: { kind: 'live', baseUrl: 'http://127.0.0.1:1' },
  operations: [
    { operationId: 'getA', method: 'GET', path: '/a', statuses: ['200', '404'] },
    { operationId: 'getB', method: 'GET', path: '/b', statuses: ['200', '429'] },
  ],
  results: [seen('getA', 200), seen('getA', 404), seen('getB', 200)],
  leftOut: [],
};
const report = (minCoverage?: number): RunReport => ({ apis: [run], startedAt: '', durationMs: 0, gate: minCoverage === undefined ? {} : { minCoverage } });

describe('--min-coverage', () => {
  it('counts the documented cells exercised and passed', () => {
    expect(coverageFigure(run)).toEqual({ passed: 3, documented: 4, percent: 75 });
  });

  it('fails the run below the figure, saying so in one line', () => {
    expect(verdictOf(report(80))).toEqual({ status: 'FAILED', reasons: ['coverage 75.0% (3/4 documented (operation, status) cells passed) is below --min-coverage 80%'] });
    expect(verdictOf(report(75)).status).toBe('PASSED');
    expect(verdictOf(report()).status).toBe('PASSED');
  });

  it('does not count a cell whose response failed', () => {
    expect(coverageFigure({ ...run, results: [...run.results, seen('getB', 429, false)] })).toMatchObject({ passed: 3, documented: 4 });
  });

  it('prints the figure in the human report and JUnit, and JUnit fails the gate as a testcase', () => {
    const text = humanReport(report(80));
    expect(text).toMatch(/coverage 75\.0%: 3\/4 documented \(operation, status\) cells exercised and passed/);
    expect(text).toMatch(/^FAILED: 1 API, 3 responses checked in 3 cases: 3 passed, 0 failed, 0 skipped; coverage 75\.0% \(3\/4\)/m);
    const xml = junitReport(report(80));
    expect(xml).toMatch(/<property name="coverage" value="75.0%"\/>/);
    expect(xml).toMatch(/<testcase classname="conformance.gate" name="min-coverage"[^]*below --min-coverage 80%/);
    expect(junitReport(report(75))).not.toMatch(/conformance.gate/);
  });
});
