// The JUnit report: wall times, and secrets redacted before escaping.
import { describe, expect, it } from 'vitest';
import type { ApiRun, CaseResult, RunReport } from '../../../src/conformance/model.js';
import { junitReport } from '../../../src/conformance/report/junitReport.js';
import { redactor } from '../../../src/conformance/run/redact.js';

const KEY = `sk_live_&<>"'_SECRETSECRET`;
const operation = { operationId: 'deletePartners', method: 'delete', path: '/api/partners' } as unknown as CaseResult['testCase']['operation'];
const result = (id: string, durationMs: number, actual?: string): CaseResult => ({
  testCase: { id, api: 'hoko', operation, kind: 'positive', title: id, request: { method: 'DELETE', pathTemplate: '/api/partners', pathParams: {}, query: {}, headers: {}, auth: { kind: 'none' } }, expect: { statuses: [] }, writes: true },
  outcome: actual === undefined ? 'passed' : 'failed',
  failures: actual === undefined ? [] : [{ rule: 'body-json', message: 'the body is not valid JSON', actual }],
  observed: [],
  durationMs,
});
const run = (results: CaseResult[], durationMs: number): ApiRun => ({ api: 'hoko', target: { kind: 'live', baseUrl: 'http://127.0.0.1:1' }, operations: [], results, leftOut: [], durationMs });

describe('junitReport', () => {
  it("gives each suite the wall time of its API's run, not the sum of its cases run side by side", () => {
    const report: RunReport = { apis: [run([result('a', 1000), result('b', 1000), result('c', 1000)], 1200)], startedAt: '', durationMs: 1500 };
    const xml = junitReport(report);
    expect(xml).toMatch(/<testsuite name="hoko" [^>]*time="1\.200"/);
    expect(xml).toMatch(/<testsuites [^>]*time="1\.500"/);
    expect(xml).toMatch(/<testcase [^>]*name="positive: a \[a\]" time="1\.000"/);
  });

  it('holds only characters XML 1.0 allows: a quoted U+FFFE, U+FFFF or lone surrogate is shown as an escape, so a server cannot make the report unreadable to CI', () => {
    const report: RunReport = { apis: [run([result('a', 1, 'x\ufffey\uffffz\ud800w\udfffv')], 1)], startedAt: '', durationMs: 1 };
    const xml = junitReport(report);
    expect(xml).not.toMatch(/[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u);
    expect(xml).toContain('x\\ufffey\\uffffz\\ud800w\\udfffv');
  });

  it('redacts a key with &<>"\' in it before escaping, so no escaped form of it remains', () => {
    const report: RunReport = { apis: [run([result('a', 1, `{"echo": "${KEY}"} ${KEY}`)], 1)], startedAt: '', durationMs: 1 };
    const xml = junitReport(report, redactor([KEY]));
    expect(xml).toContain('[REDACTED]');
    expect(xml.toLowerCase()).not.toContain('secret');
    expect(xml).not.toContain('sk_live');
  });
});
