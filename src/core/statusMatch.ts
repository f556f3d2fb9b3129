/**
 * Which documented status a response or a case is about, for the suite and the sandbox alike.
 * The key rules (exact code, then range, then `default`) are OpenAPI's, in src/openapi/statusKeys.ts.
 */
import { clientErrorStatusKey } from '../openapi/statusKeys.js';

export { documentedStatusKey, statusMatches } from '../openapi/statusKeys.js';

/** The status an operation documents for invalid parameters (400, else 422, else another client error), or undefined. */
export function parameterValidationStatus(statuses: readonly string[]): string | undefined {
  return clientErrorStatusKey(statuses, 'parameter');
}

/** The status an operation documents for an invalid body (422, else 400, else another client error), or undefined. */
export function bodyValidationStatus(statuses: readonly string[]): string | undefined {
  return clientErrorStatusKey(statuses, 'body');
}

/** Documented success statuses (2xx and 2XX keys). */
export function successStatuses(statuses: readonly string[]): string[] {
  return statuses.filter((s) => /^2(\d\d|XX)$/i.test(s));
}
