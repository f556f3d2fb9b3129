/**
 * (Also Prism's own 401 and 415, below.)
 * Invalid requests to an operation that documents no 400 or 422: Prism answers them with a 422
 * of its own (`application/problem+json`, the violations in its body), which no document
 * describes. When that 422 names the violation where the negative case made it (mock-violation
 * passed), the case is proven to break its rule, but there was no documented answer to check: it
 * is skipped, saying so, instead of failed for Prism's undocumented status.
 */
import type { LoadedApi } from '../../../core/loadApi.js';
import { prismOwnRejection, prismProblem } from '../../../openapi/slViolations.js';
import type { CheckFailure, ObservedResponse, TestCase } from '../../model.js';

export function prismOwnRejectionExcuse(api: LoadedApi, testCase: TestCase, response: ObservedResponse, failures: readonly CheckFailure[]): string | undefined {
  const own = prismOwnStatusExcuse(api, testCase, response, failures) ?? validRequestRejected(api, testCase, response, failures);
  if (own) return own;
  const where = testCase.expect.violationAt;
  if (!where || failures.length === 0 || failures.some((f) => f.rule === 'mock-violation')) return undefined;
  if (testCase.operation.statuses().some((s) => s === '400' || s === '422')) return undefined;
  if (prismOwnRejection(response.status, response.bodyText) === undefined) return undefined;
  return `${testCase.operation.operationId} documents no 400 or 422: Prism rejected the request with a 422 of its own naming ${where.join('.')}, so the case breaks the rule it names, but no documented answer was given to check`;
}

/** Prism's problem types for a failed security check and for a media type the operation does not take. */
const PRISM_OWN_STATUS: Record<number, { type: string; what: string }> = {
  401: { type: 'https://stoplight.io/prism/errors#UNAUTHORIZED', what: 'credentials the request lacks or that break their scheme' },
  415: { type: 'https://stoplight.io/prism/errors#INVALID_CONTENT_TYPE', what: 'a request body of a media type the operation does not take' },
};

/**
 * A negative case Prism answers with a 401 or a 415 of its own: it makes one up, whatever the
 * operation documents, when the operation documents no such status (it would answer the
 * documented one otherwise). The case broke its rule and Prism said so, but under a status the
 * document does not give: skipped, saying so, instead of failed for Prism's choice of status.
 */
function prismOwnStatusExcuse(api: LoadedApi, testCase: TestCase, response: ObservedResponse, failures: readonly CheckFailure[]): string | undefined {
  const own = PRISM_OWN_STATUS[response.status];
  if (api.mode !== 'foreign' || !own || testCase.kind !== 'negative' || failures.length === 0) return undefined;
  if (testCase.operation.statuses().includes(String(response.status))) return undefined;
  if (!prismProblem(response.bodyText, own.type)) return undefined;
  return `${testCase.operation.operationId} documents no ${response.status}: Prism answered with a ${response.status} of its own (${own.type.split('#')[1]}), as it does for ${own.what}; no documented answer was given to check`;
}

/**
 * The problem types of the 500s Prism answers when it fails itself: no serializer for a media
 * type (`UNKNOWN`), an object under a media type it writes as text (the any-type range, `text/plain`) over an
 * object schema (`NO_COMPLEX_OBJECT_TEXT`), a schema it gives up generating from (`SCHEMA_TOO_COMPLEX`).
 */
const PRISM_OWN_FAILURES = ['UNKNOWN', 'NO_COMPLEX_OBJECT_TEXT', 'SCHEMA_TOO_COMPLEX'].map((type) => `https://stoplight.io/prism/errors#${type}`);

/**
 * A 500 of Prism's own making: it could not build the answer (`Cannot find serializer for
 * application/octet-stream`, `Cannot serialise complex objects as text`). Nothing of the document
 * or of an implementation is shown by it.
 */
export function prismInternalErrorExcuse(api: LoadedApi, response: ObservedResponse): string | undefined {
  if (api.mode !== 'foreign' || response.status !== 500) return undefined;
  const problem = PRISM_OWN_FAILURES.map((type) => prismProblem(response.bodyText, type)).find((p) => p !== undefined);
  if (!problem) return undefined;
  const { title } = problem;
  return `Prism failed to build its answer (${typeof title === 'string' ? title.slice(0, 200) : 'no reason given'}): a defect of Prism, not of the document`;
}

/**
 * A request the suite built valid (every value verified against its schema, as the document reads
 * it) that Prism rejects with a 422 of its own: Prism reads a value otherwise than the document
 * does (the path text `0` against `oneOf: [integer, string]` matches both branches for Prism,
 * which coerces it, and one for the document, where a path value is typed by its schema). The
 * document promises nothing for it, so the case is skipped, quoting Prism.
 */
function validRequestRejected(api: LoadedApi, testCase: TestCase, response: ObservedResponse, failures: readonly CheckFailure[]): string | undefined {
  if (api.mode !== 'foreign' || testCase.kind === 'negative' || testCase.kind === 'scenario' || failures.length === 0) return undefined;
  if (testCase.operation.statuses().some((s) => s === '400' || s === '422')) return undefined;
  const violations = prismOwnRejection(response.status, response.bodyText);
  if (!violations || violations.length === 0) return undefined;
  const [first] = violations;
  return `Prism rejected a request the suite built valid with a 422 of its own (${first!.location.slice(1).join('.')}: ${first!.message.slice(0, 200)}): it reads that value otherwise than the document does; Prism's doing, not the document's`;
}
