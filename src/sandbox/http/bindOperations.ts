/**
 * The binding of a document's operations to a slice's implementations, which fails at start when
 * either side has one the other lacks, and the validation statuses an operation documents.
 */
import type { LoadedApi } from '../../core/loadApi.js';
import { bodyValidationStatus, parameterValidationStatus } from '../../core/statusMatch.js';
import type { Operation } from '../../openapi/operations.js';
import { createOperationValidator, type OperationValidator } from './requestValidation.js';

export interface BoundOperation<I> {
  operation: Operation;
  validator: OperationValidator;
  implementation: I;
}

/** Pairs each operation of the document with its implementation (by operationId), and compiles its request validation. */
export function bindOperations<I>(api: LoadedApi, implementations: Record<string, I>): Map<string, BoundOperation<I>> {
  const bound = new Map<string, BoundOperation<I>>();
  for (const operation of api.operations) {
    const implementation = implementations[operation.operationId];
    if (!implementation) throw new Error(`${api.name}: the document's operation ${operation.operationId} (${operation.method.toUpperCase()} ${operation.path}) has no implementation in the sandbox`);
    bound.set(operation.operationId, { operation, validator: createOperationValidator(api.doc, api.validator, operation), implementation });
  }
  for (const id of Object.keys(implementations)) {
    if (!bound.has(id)) throw new Error(`${api.name}: the sandbox implements ${id}, which the document does not declare`);
  }
  return bound;
}

/** The status an operation documents for invalid parameters (400 where declared, else 422) and for an invalid body (422, else 400). */
export function validationStatuses(operation: Operation): { parameters: number; body: number } {
  const statuses = operation.statuses();
  const parameters = parameterValidationStatus(statuses);
  const body = bodyValidationStatus(statuses);
  if (!parameters || !body) throw new Error(`${operation.operationId} declares neither 400 nor 422 (${operation.pointer}/responses)`);
  return { parameters: Number(parameters), body: Number(body) };
}
