/**
 * JUnit XML for CI systems: one <testsuite> per API, one <testcase> per case. Times are wall times:
 * a case's own, an API's run (its cases run side by side), the whole run. Every string is redacted
 * before it is escaped, so a secret with `&<>"'` in it cannot slip past as `&amp;…`; a character XML
 * 1.0 has none for (a C0 control, U+FFFE, U+FFFF, a lone surrogate) never reaches the file, so no
 * answer a server quotes can make the report unreadable to CI.
 */
import type { CaseResult, RunReport } from '../model.js';
import { noRedaction, type Redactor } from '../run/redact.js';
import { countOutcomes } from './counts.js';
import { coverageFigure, percentText, totalCoverage } from './coverage.js';
import { verdictOf } from './verdict.js';
import { inline } from './inlineText.js';

/** What XML 1.0 has no character for beyond the C0 controls: U+FFFE, U+FFFF and a surrogate with no partner (a JSON `"\ud800"` parses to one). */
const NOT_XML = /[\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const escape = (s: string) =>
  s
    .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] as string)
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '')
    .replace(NOT_XML, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

function testcase(result: CaseResult, xml: (s: string) => string, text: (s: string) => string): string {
  const c = result.testCase;
  const open = `    <testcase classname="${xml(`${c.api}.${c.operation.operationId}`)}" name="${xml(`${c.kind}: ${c.title} [${c.id}]`)}" time="${(result.durationMs / 1000).toFixed(3)}"`;
  if (result.outcome === 'passed') return `${open}/>`;
  if (result.outcome === 'skipped') return `${open}>\n      <skipped message="${xml(result.skipReason ?? '')}"/>\n    </testcase>`;
  const first = result.failures[0];
  const details = result.failures
    .map((f) => `[${f.rule}] ${inline(f.message)}${f.expected !== undefined ? `\n  expected: ${inline(f.expected)}` : ''}${f.actual !== undefined ? `\n  actual: ${inline(f.actual)}` : ''}`)
    .join('\n');
  return `${open}>\n      <failure type="${xml(first?.rule ?? 'failure')}" message="${xml(first?.message ?? '')}">${text(`${details}${result.curl ? `\n\nreproduce: ${inline(result.curl)}` : ''}`)}</failure>\n    </testcase>`;
}

/** A run-level reason not to pass (nothing checked, coverage below the gate) as a failed testcase, so CI fails too. */
const gateCase = (name: string, reason: string, xml: (s: string) => string) =>
  `    <testcase classname="conformance.gate" name="${xml(name)}" time="0.000">\n      <failure type="gate" message="${xml(reason)}"/>\n    </testcase>`;

export function junitReport(report: RunReport, redact: Redactor = noRedaction): string {
  // a line break in a quoted text is shown as \n (inline): the XML's own lines are the only ones
  const xml = (s: string) => escape(redact(inline(s)));
  const verdict = verdictOf(report);
  const total = totalCoverage(report.apis);
  const gateFailures = verdict.reasons.filter((r) => / not verified: |--min-coverage/.test(r));
  const suites = report.apis.map((run) => {
    const counts = countOutcomes(run.results);
    const figure = coverageFigure(run);
    const gates = gateFailures.filter((r) => r.startsWith(`${run.api} not verified: `)).map((r) => gateCase(`${run.api} verified`, r, xml));
    const properties = `    <properties>\n      <property name="coverage" value="${percentText(figure.percent)}"/>\n      <property name="coverage.cells" value="${figure.passed}/${figure.documented}"/>\n    </properties>`;
    return `  <testsuite name="${xml(run.api)}" tests="${run.results.length + gates.length}" failures="${counts.failed + gates.length}" errors="0" skipped="${counts.skipped}" time="${(run.durationMs / 1000).toFixed(3)}">\n${[properties, ...run.results.map((r) => testcase(r, xml, (s) => escape(redact(s)))), ...gates].join('\n')}\n  </testsuite>`;
  });
  const coverageGate = gateFailures.filter((r) => r.includes('--min-coverage'));
  if (coverageGate.length > 0) {
    suites.push(`  <testsuite name="coverage" tests="1" failures="1" errors="0" skipped="0" time="0.000">\n${gateCase('min-coverage', coverageGate[0] as string, xml)}\n  </testsuite>`);
  }
  const all = countOutcomes(report.apis.flatMap((a) => a.results));
  const gates = gateFailures.length;
  const tests = all.passed + all.failed + all.skipped + gates;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<!-- coverage ${percentText(total.percent)}: ${total.passed}/${total.documented} documented (operation, status) cells exercised and passed -->\n<testsuites name="conformance" tests="${tests}" failures="${all.failed + gates}" skipped="${all.skipped}" time="${(report.durationMs / 1000).toFixed(3)}">\n${suites.join('\n')}\n</testsuites>\n`;
}
