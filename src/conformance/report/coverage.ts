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
