/**
 * What every API module of the sandbox is built from: the store, its bundled document, the rate
 * limiter and the fault hook; and the binding of the document's operations to their
 * implementations, which fails at start when either side has one the other lacks.
 */
import type { Operation } from '../../openapi/operations.js';
import type { Faults, SandboxStore } from '../store/types.js';
import type { ApiDocument } from './documents.js';
import type { HttpResult, SandboxRequest } from './httpTypes.js';
import type { RateLimiter } from './rateLimiter.js';
import { createOperationValidator, type OperationValidator } from './requestValidation.js';
import type { Route } from './routeTable.js';

export interface ApiContext {
  store: SandboxStore;
  document: ApiDocument;
  rateLimiter: RateLimiter;
  /** Read on every call, so a test may change it while the server runs. */
  faults: Faults;
  log: (line: string) => void;
}

/** Answers one request already routed to one of the API's operations. */
export type ApiHandler = (request: SandboxRequest, route: Route, pathParams: Record<string, string>) => Promise<HttpResult>;

export interface BoundOperation<I> {
  operation: Operation;
  validator: OperationValidator;
  implementation: I;
}

/** Pairs each operation of the document with its implementation (by operationId), and compiles its request validation. */
export function bindOperations<I>(document: ApiDocument, implementations: Record<string, I>): Map<string, BoundOperation<I>> {
  const bound = new Map<string, BoundOperation<I>>();
  for (const operation of document.operations) {
    const implementation = implementations[operation.operationId];
    if (!implementation) throw new Error(`${document.api}: the document's operation ${operation.operationId} (${operation.method.toUpperCase()} ${operation.path}) has no implementation in the sandbox`);
    bound.set(operation.operationId, { operation, validator: createOperationValidator(document.doc, document.validator, operation), implementation });
  }
  for (const id of Object.keys(implementations)) {
    if (!bound.has(id)) throw new Error(`${document.api}: the sandbox implements ${id}, which the document does not declare`);
  }
  return bound;
}

/** The status an operation documents for invalid parameters (400 where declared, else 422) and for an invalid body (422, else 400). */
export function validationStatuses(operation: Operation): { parameters: number; body: number } {
  const statuses = operation.statuses();
  const parameters = ['400', '422'].find((s) => statuses.includes(s));
  const body = ['422', '400'].find((s) => statuses.includes(s));
  if (!parameters || !body) throw new Error(`${operation.operationId} declares neither 400 nor 422 (${operation.pointer}/responses)`);
  return { parameters: Number(parameters), body: Number(body) };
}

export function isInjectedFault(error: unknown): boolean {
  return error instanceof Error && error.name === 'InjectedFault';
}
