/**
 * The human report: per API, the target, a coverage matrix of operations × documented statuses,
 * counts, what was left out or skipped and why, and every failure with the rule broken, expected
 * against actual, and a `curl` that reproduces it.
 */
import type { ApiRun, CaseResult, RunReport } from '../model.js';
import { countOutcomes } from './counts.js';
import { coverageFigure, coverageMatrix, percentText, totalCoverage, type Cell } from './coverage.js';
import { hintsOf } from './hints.js';
import { inline } from './inlineText.js';
import { verdictOf } from './verdict.js';

const SYMBOL: Record<Cell, string> = { passed: '✓', failed: '✗', 'not-exercised': '·', 'not-documented': ' ' };

function matrix(run: ApiRun): string[] {
  const { statuses, rows } = coverageMatrix(run);
  const label = (r: (typeof rows)[number]) => `${r.method.padEnd(7)}${r.path}`;
  const width = Math.max(...rows.map((r) => label(r).length), 9);
  // Each column as wide as its status key and a space (`default` is wider than `404`).
  const column = (s: string) => Math.max(4, s.length + 1);
  const lines = [`    ${''.padEnd(width)}  ${statuses.map((s) => s.padStart(column(s))).join('')}`];
  for (const row of rows) lines.push(`    ${label(row).padEnd(width)}  ${statuses.map((s) => SYMBOL[row.cells[s] ?? 'not-documented'].padStart(column(s))).join('')}`);
  lines.push(`    ${SYMBOL.passed} passed   ${SYMBOL.failed} failed   ${SYMBOL['not-exercised']} documented but not exercised`);
  const figure = coverageFigure(run);
  lines.push(`    coverage ${percentText(figure.percent)}: ${figure.passed}/${figure.documented} documented (operation, status) cells exercised and passed`);
  return lines;
}

function failure(result: CaseResult): string[] {
  const c = result.testCase;
  const lines = [`  ✗ ${c.operation.method.toUpperCase()} ${c.operation.path}  ${c.title}`, `      case: ${c.id}`];
  for (const f of result.failures) {
    lines.push(`      [${f.rule}] ${f.message}`);
    if (f.expected !== undefined) lines.push(`          expected: ${f.expected}`);
    if (f.actual !== undefined) lines.push(`          actual:   ${f.actual}`);
  }
  if (result.curl) lines.push(`      reproduce: ${result.curl}`);
  return lines;
}

function apiSection(run: ApiRun): string[] {
  const counts = countOutcomes(run.results);
  const target = run.target.kind === 'mock' ? `Prism mock at ${run.target.baseUrl}` : `live target ${run.target.baseUrl}`;
  const lines = [`${run.api}  (${target})`, '  coverage:', ...matrix(run)];
  lines.push(`  cases: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped; ${checkedResponses(run.results)} responses checked`);
  if (run.notVerified) lines.push(`  not verified: ${run.notVerified}`);
  for (const l of run.leftOut) lines.push(`  left out: ${l.count} ${l.reason}`);
  for (const hint of hintsOf(run)) lines.push(`  hint: ${hint}`);
  for (const note of run.notes ?? []) lines.push(`  note: ${note}`);
  const skipped = run.results.filter((r) => r.outcome === 'skipped');
  const reasons = new Map<string, number>();
  for (const r of skipped) reasons.set(r.skipReason ?? 'no reason', (reasons.get(r.skipReason ?? 'no reason') ?? 0) + 1);
  for (const [reason, n] of reasons) lines.push(`  skipped: ${n} (${reason})`);
  const failed = run.results.filter((r) => r.outcome === 'failed');
  if (failed.length > 0) lines.push('  failures:', ...failed.flatMap(failure));
  return lines;
}

/** Responses the checks ran on (a scenario checks several). */
const checkedResponses = (results: readonly CaseResult[]) => results.reduce((n, r) => n + r.observed.length, 0);

export function humanReport(report: RunReport): string {
  const all = report.apis.flatMap((a) => a.results);
  const counts = countOutcomes(all);
  const sections = report.apis.flatMap((run) => [...apiSection(run), '']);
  const verdict = verdictOf(report);
  const total = totalCoverage(report.apis);
  sections.push(
    `${verdict.status}: ${report.apis.length} API${report.apis.length === 1 ? '' : 's'}, ${checkedResponses(all)} responses checked in ${all.length} cases: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped; coverage ${percentText(total.percent)} (${total.passed}/${total.documented}) in ${(report.durationMs / 1000).toFixed(1)} s`,
  );
  for (const reason of verdict.reasons) sections.push(`  ${reason}`);
  // each entry is one line of the report: a line break inside one is quoted text's, shown as \n
  return `${sections.map(inline).join('\n')}\n`;
}
