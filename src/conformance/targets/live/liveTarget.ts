import type { TargetAdapter } from '../target.js';

/**
 * What a live server may answer a valid request when the suite cannot know its state: any
 * documented answer but a server error. The resource a valid request names may be absent (404) or
 * the key may lack a scope (403), but a 5xx to a valid request is the server failing, even where
 * the document lists a 500 (or a `default` that covers it).
 */
const NOT_A_SERVER_ERROR = ['2XX', '3XX', '4XX'];

/**
 * A live server. Without provider states it may not hold the resource a valid request names, so a
 * positive case accepts any documented status there but a 5xx (the response is still checked in full).
 */
export const liveTarget: TargetAdapter = {
  kind: 'live',
  extraCases: () => [],
  request: (testCase) => testCase.request,
  expectedStatuses: (testCase) => (testCase.kind === 'positive' ? NOT_A_SERVER_ERROR : testCase.expect.statuses),
  skipReason: () => undefined,
  checks: [],
};
