import type { CaseResult } from '../../src/conformance/model.js';

/** The failed cases of a run, each as `<case id>: <its failure messages>`, for an `toEqual([])` that shows why. */
export function failedCases(results: CaseResult[]): string[] {
  return results.filter((r) => r.outcome === 'failed').map((r) => `${r.testCase.id}: ${r.failures.map((f) => `[${f.rule}] ${f.message}`).join('; ')}`);
}
