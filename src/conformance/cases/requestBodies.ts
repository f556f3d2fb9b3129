import type { Operation } from '../../openapi/operations.js';
import { SuiteSetupError } from '../failClosed.js';

/** The named request examples of an operation (name → value), or one unnamed "no body" entry. */
export function requestBodies(op: Operation): [string | undefined, unknown][] {
  const body = op.requestBody();
  if (!body) return [[undefined, undefined]];
  const examples = Object.entries(op.namedExamples('request'));
  if (examples.length === 0) {
    throw new SuiteSetupError(`cannot build a valid request for ${op.operationId}: its request body (${body.pointer}) has no named example`);
  }
  return body.value.required === true ? examples : [[undefined, undefined], ...examples];
}
