/**
 * Invalid requests to an operation that documents no 400 or 422: Prism answers them with a 422
 * of its own (`application/problem+json`, the violations in its body), which no document
 * describes. When that 422 names the violation where the negative case made it (mock-violation
 * passed), the case is proven to break its rule, but there was no documented answer to check: it
 * is skipped, saying so, instead of failed for Prism's undocumented status.
 */
import type { LoadedApi } from '../../../core/loadApi.js';
import { prismOwnRejection } from '../../../openapi/slViolations.js';
import type { CheckFailure, ObservedResponse, TestCase } from '../../model.js';

export function prismOwnRejectionExcuse(_api: LoadedApi, testCase: TestCase, response: ObservedResponse, failures: readonly CheckFailure[]): string | undefined {
  const where = testCase.expect.violationAt;
  if (!where || failures.length === 0 || failures.some((f) => f.rule === 'mock-violation')) return undefined;
  if (testCase.operation.statuses().some((s) => s === '400' || s === '422')) return undefined;
  if (prismOwnRejection(response.status, response.bodyText) === undefined) return undefined;
  return `${testCase.operation.operationId} documents no 400 or 422: Prism rejected the request with a 422 of its own naming ${where.join('.')}, so the case breaks the rule it names, but no documented answer was given to check`;
}
