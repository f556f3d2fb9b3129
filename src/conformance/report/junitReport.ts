/**
 * JUnit XML for CI systems: one <testsuite> per API, one <testcase> per case. Times are wall times:
 * a case's own, an API's run (its cases run side by side), the whole run. Every string is redacted
 * before it is escaped, so a secret with `&<>"'` in it cannot slip past as `&amp;…`.
 */
import type { CaseResult, RunReport } from '../model.js';
import { noRedaction, type Redactor } from '../run/redact.js';
import { countOutcomes } from './counts.js';

const escape = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] as string).replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '');

function testcase(result: CaseResult, xml: (s: string) => string): string {
  const c = result.testCase;
  const open = `    <testcase classname="${xml(`${c.api}.${c.operation.operationId}`)}" name="${xml(`${c.kind}: ${c.title} [${c.id}]`)}" time="${(result.durationMs / 1000).toFixed(3)}"`;
  if (result.outcome === 'passed') return `${open}/>`;
  if (result.outcome === 'skipped') return `${open}>\n      <skipped message="${xml(result.skipReason ?? '')}"/>\n    </testcase>`;
  const first = result.failures[0];
  const details = result.failures
    .map((f) => `[${f.rule}] ${f.message}${f.expected !== undefined ? `\n  expected: ${f.expected}` : ''}${f.actual !== undefined ? `\n  actual: ${f.actual}` : ''}`)
    .join('\n');
  return `${open}>\n      <failure type="${xml(first?.rule ?? 'failure')}" message="${xml(first?.message ?? '')}">${xml(`${details}${result.curl ? `\n\nreproduce: ${result.curl}` : ''}`)}</failure>\n    </testcase>`;
}

export function junitReport(report: RunReport, redact: Redactor = noRedaction): string {
  const xml = (s: string) => escape(redact(s));
  const suites = report.apis.map((run) => {
    const counts = countOutcomes(run.results);
    return `  <testsuite name="${xml(run.api)}" tests="${run.results.length}" failures="${counts.failed}" errors="0" skipped="${counts.skipped}" time="${(run.durationMs / 1000).toFixed(3)}">\n${run.results.map((r) => testcase(r, xml)).join('\n')}\n  </testsuite>`;
  });
  const all = countOutcomes(report.apis.flatMap((a) => a.results));
  const total = all.passed + all.failed + all.skipped;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="conformance" tests="${total}" failures="${all.failed}" skipped="${all.skipped}" time="${(report.durationMs / 1000).toFixed(3)}">\n${suites.join('\n')}\n</testsuites>\n`;
}
