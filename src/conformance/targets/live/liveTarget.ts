import type { TargetAdapter } from '../target.js';

/**
 * A live server. Without provider states it may not hold the resource a valid request names, so a
 * positive case accepts any documented status there (the response is still checked in full).
 */
export const liveTarget: TargetAdapter = {
  kind: 'live',
  extraCases: () => [],
  request: (testCase) => testCase.request,
  expectedStatuses: (testCase) => (testCase.kind === 'positive' ? [] : testCase.expect.statuses),
  skipReason: () => undefined,
  checks: [],
};
