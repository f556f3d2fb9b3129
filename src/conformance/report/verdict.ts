/**
 * Whether a run passes: no check failed, every API checked something (unless `--allow-empty`), and
 * the documented (operation, status) cells exercised and passed reach `--min-coverage`. Each
 * reason it does not pass is one line; the CLI's exit code, the human report and JUnit all use it.
 */
import type { RunReport } from '../model.js';
import { countOutcomes } from './counts.js';
import { percentText, totalCoverage } from './coverage.js';

export interface Verdict {
  status: 'PASSED' | 'FAILED' | 'NOT VERIFIED';
  /** One line per reason beyond failed cases (nothing checked, coverage below the gate). */
  reasons: string[];
}

export function verdictOf(report: RunReport): Verdict {
  const gate = report.gate ?? {};
  const counts = countOutcomes(report.apis.flatMap((a) => a.results));
  const reasons: string[] = [];
  const empty = gate.allowEmpty ? [] : report.apis.filter((a) => a.notVerified);
  for (const a of empty) reasons.push(`${a.api} not verified: ${a.notVerified} (pass --allow-empty to accept a run that checked nothing)`);
  if (gate.minCoverage !== undefined) {
    const total = totalCoverage(report.apis);
    if (total.percent < gate.minCoverage) {
      reasons.push(`coverage ${percentText(total.percent)} (${total.passed}/${total.documented} documented (operation, status) cells passed) is below --min-coverage ${gate.minCoverage}%`);
    }
  }
  const status = counts.failed > 0 ? 'FAILED' : reasons.length === 0 ? 'PASSED' : reasons.length === empty.length ? 'NOT VERIFIED' : 'FAILED';
  return { status, reasons };
}
