/**
 * Prism as a target: it can be asked for each documented response (`Prefer: code=…, example=…`),
 * it answers any invalid request with the operation's first documented 422 (else 400), and it
 * says in `sl-violations` what it found wrong.
 */
import { deriveDocumentedResponses } from '../../cases/deriveDocumentedResponses.js';
import type { TargetAdapter } from '../target.js';
import { exampleBody } from './example-body.js';
import { mockViolation } from './mock-violation.js';

/** Statuses Prism may answer for any invalid request: the operation's 422 or 400. */
const validationStatuses = (statuses: string[]) => statuses.filter((s) => s === '400' || s === '422');

export const mockTarget: TargetAdapter = {
  kind: 'mock',
  extraCases: (api) => deriveDocumentedResponses(api),
  request(testCase) {
    const documented = testCase.expect.documented;
    if (!documented) return testCase.request;
    const prefer = documented.exampleName ? `code=${documented.status}, example=${documented.exampleName}` : `code=${documented.status}`;
    return { ...testCase.request, headers: { ...testCase.request.headers, Prefer: prefer } };
  },
  expectedStatuses(testCase) {
    if (testCase.kind === 'negative' && testCase.expect.violationAt) {
      const statuses = validationStatuses(testCase.operation.statuses());
      if (statuses.length > 0) return statuses;
    }
    return testCase.expect.statuses;
  },
  skipReason: (testCase) => (testCase.request.body && 'raw' in testCase.request.body ? "Prism answers malformed JSON with its own 400 envelope, not the API's" : undefined),
  checks: [exampleBody, mockViolation],
};
