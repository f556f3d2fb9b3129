import type { CaseResult } from '../model.js';

export interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

export function countOutcomes(results: readonly CaseResult[]): Counts {
  const counts: Counts = { passed: 0, failed: 0, skipped: 0 };
  for (const r of results) counts[r.outcome] += 1;
  return counts;
}
