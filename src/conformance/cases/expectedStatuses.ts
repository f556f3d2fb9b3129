import type { Operation } from '../../openapi/operations.js';

/** The status a document gives for an invalid body: 422 where the operation declares it, else 400. */
export function bodyValidationStatus(operation: Operation): string | undefined {
  const statuses = operation.statuses();
  return ['422', '400'].find((s) => statuses.includes(s));
}

/** The status for a malformed path or query parameter: 400 where declared, else 422. */
export function parameterValidationStatus(operation: Operation): string | undefined {
  const statuses = operation.statuses();
  return ['400', '422'].find((s) => statuses.includes(s));
}

/** Statuses Prism may answer for any invalid request: the operation's first declared 422, else 400. */
export function mockValidationStatuses(operation: Operation): string[] {
  return operation.statuses().filter((s) => s === '400' || s === '422');
}

/** Documented success statuses (2xx and 2XX keys). */
export function successStatuses(operation: Operation): string[] {
  return operation.statuses().filter((s) => /^2(\d\d|XX)$/i.test(s));
}
