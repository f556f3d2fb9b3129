import type { TestCase } from '../../model.js';
import type { TargetAdapter } from '../target.js';

/**
 * What a live server may answer a valid request when the suite cannot know its state: any
 * documented answer but a server error. The resource a valid request names may be absent (404) or
 * the key may lack a scope (403), but a 5xx to a valid request is the server failing, even where
 * the document lists a 500 (or a `default` that covers it).
 */
const NOT_A_SERVER_ERROR = ['2XX', '3XX', '4XX'];

/** The ways in a valid request takes: the scheme names of its credentials, none for an anonymous one. */
function credentialsSent(testCase: TestCase): string[] {
  const { auth } = testCase.request;
  return auth.kind === 'scheme' ? [auth.scheme] : auth.kind === 'requirement' ? auth.schemes : [];
}

/**
 * A live server. Without provider states it may not hold the resource a valid request names, so a
 * positive case accepts any documented status there but a 5xx (the response is still checked in full).
 * One it sends with the credentials it was given must not be a 401: that says the server refused
 * them on this way in (an `X-Api-Key` the document accepts beside `Authorization: Bearer`, say).
 */
export const liveTarget: TargetAdapter = {
  kind: 'live',
  extraCases: () => [],
  request: (testCase) => testCase.request,
  expectedStatuses: (testCase) => (testCase.kind === 'positive' ? NOT_A_SERVER_ERROR : testCase.expect.statuses),
  refusedStatuses(testCase) {
    const schemes = credentialsSent(testCase);
    if (testCase.kind !== 'positive' || schemes.length === 0) return undefined;
    return { statuses: ['401'], reason: `a valid request sent with the credentials given (${schemes.join(' + ')}) was refused as unauthenticated: the document accepts them this way in` };
  },
  skipReason: () => undefined,
  checks: [],
};
