import { documentedStatusKey } from '../../core/statusMatch.js';
import type { ApiRun } from '../model.js';

export type Cell = 'passed' | 'failed' | 'not-exercised' | 'not-documented';

export interface CoverageMatrix {
  statuses: string[];
  rows: { operationId: string; method: string; path: string; cells: Record<string, Cell> }[];
}

const order = (s: string) => (s === 'default' ? 1000 : Number.parseInt(s.replace(/X/gi, '0'), 10));

/** Operations × documented statuses: passed when a checked response of that status passed, failed when one failed. */
export function coverageMatrix(run: ApiRun): CoverageMatrix {
  const statuses = [...new Set(run.operations.flatMap((o) => o.statuses))].sort((a, b) => order(a) - order(b));
  const rows = run.operations.map((op) => {
    const observed = run.results.flatMap((r) => r.observed).filter((o) => o.operationId === op.operationId);
    const cells: Record<string, Cell> = {};
    for (const status of statuses) {
      if (!op.statuses.includes(status)) {
        cells[status] = 'not-documented';
        continue;
      }
      const hits = observed.filter((o) => documentedStatusKey(op.statuses, o.status) === status);
      cells[status] = hits.some((h) => !h.passed) ? 'failed' : hits.length > 0 ? 'passed' : 'not-exercised';
    }
    return { operationId: op.operationId, method: op.method, path: op.path, cells };
  });
  return { statuses, rows };
}

export interface CoverageFigure {
  /** Documented (operation, status) cells exercised and passed. */
  passed: number;
  /** Documented (operation, status) cells. */
  documented: number;
  /** passed / documented, 0–100 (100 when nothing is documented). */
  percent: number;
}

const figure = (passed: number, documented: number): CoverageFigure => ({ passed, documented, percent: documented === 0 ? 100 : (passed / documented) * 100 });

/** The share of one API's documented cells that were exercised and passed. */
export function coverageFigure(run: ApiRun): CoverageFigure {
  const cells = coverageMatrix(run).rows.flatMap((r) => Object.values(r.cells)).filter((c) => c !== 'not-documented');
  return figure(cells.filter((c) => c === 'passed').length, cells.length);
}

/** The same over every API of a run. */
export function totalCoverage(runs: readonly ApiRun[]): CoverageFigure {
  const each = runs.map(coverageFigure);
  return figure(
    each.reduce((n, f) => n + f.passed, 0),
    each.reduce((n, f) => n + f.documented, 0),
  );
}

/** A percentage as the reports print it: `100%`, `97.6%` (never rounded up to 100). */
export const percentText = (percent: number): string => `${percent === 100 ? '100' : (Math.floor(percent * 10) / 10).toFixed(1)}%`;
