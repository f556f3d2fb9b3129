import type { LoadedApi } from '../../core/loadApi.js';
import { isObject } from '../../openapi/jsonPointer.js';
import { chooseAccept } from '../../openapi/mediaTypes.js';
import type { Operation } from '../../openapi/operations.js';
import { serializeParameter, type ParameterLocation } from '../../openapi/serializeParameter.js';
import type { RequestSpec } from '../model.js';
import { planOperation, type PlannedParameter } from './operationPlan.js';
import { clientWrittenHeader } from './parameterWire.js';
import { setOwn } from '../../core/ownMember.js';

export { parameterExample } from './operationPlan.js';

/** How a request authenticates for one security requirement (an empty one: no credentials). */
export function authFor(requirement: Record<string, string[]> | undefined): RequestSpec['auth'] {
  const schemes = Object.keys(requirement ?? {});
  if (schemes.length === 0) return { kind: 'none' };
  if (schemes.length === 1) return { kind: 'scheme', scheme: schemes[0] as string };
  return { kind: 'requirement', schemes };
}

const isScalar = (v: unknown) => v === null || (typeof v !== 'object' && typeof v !== 'function');

/** Puts one parameter value in the request, serialised per its `style`/`explode`. */
export function setParameter(request: RequestSpec, parameter: Pick<PlannedParameter, 'parameter' | 'name' | 'in'>, value: unknown): void {
  const p = parameter.parameter.value;
  const spec = { name: parameter.name, in: parameter.in as ParameterLocation, ...(typeof p.style === 'string' ? { style: p.style } : {}), ...(typeof p.explode === 'boolean' ? { explode: p.explode } : {}) };
  const simple = isScalar(value) && (p.style === undefined || p.style === 'simple' || p.style === 'form');
  if (parameter.in === 'path') {
    if (simple) setOwn(request.pathParams, parameter.name, String(value));
    else setOwn((request.encodedPathParams ??= {}), parameter.name, (serializeParameter(spec, value) as { value: string }).value);
  } else if (parameter.in === 'query') {
    if (simple) setOwn(request.query, parameter.name, String(value));
    else (request.queryPairs ??= []).push(...(serializeParameter(spec, value) as { pairs: [string, string][] }).pairs);
  } else if (parameter.in === 'header') {
    if (clientWrittenHeader(parameter.name)) return; // Content-Length and the like: the client writes them from the request
    setOwn(request.headers, parameter.name, simple ? String(value) : (serializeParameter(spec, value) as { value: string }).value);
  } else if (parameter.in === 'cookie') {
    for (const [k, v] of simple ? [[parameter.name, String(value)]] : (serializeParameter(spec, value) as { pairs: [string, string][] }).pairs) setOwn((request.cookies ??= {}), k as string, v as string);
  }
}

/** The `Accept` header for a request expecting one of `statuses`: chosen from the content the first of them documents. */
export function acceptFor(operation: Operation, statuses: readonly string[]): string | undefined {
  for (const status of statuses) {
    const content = operation.response(status)?.value.content;
    if (isObject(content) && Object.keys(content).length > 0) return chooseAccept(Object.keys(content));
  }
  return undefined;
}

/**
 * A request the document says is valid: required parameters from the operation's plan (a valid
 * example, else a verified sample), the given body, authenticated for `requirement` (default: the
 * first the engine can send). Throws OperationSkip / SuiteSetupError as `planOperation` does.
 */
export function buildValidRequest(
  api: LoadedApi,
  operation: Operation,
  options: { body?: unknown; requirement?: Record<string, string[]>; /** A planned parameter (its pointer) to leave out. */ without?: string } = {},
): RequestSpec {
  const plan = planOperation(api, operation);
  const request: RequestSpec = {
    method: operation.method.toUpperCase(),
    pathTemplate: operation.path,
    pathParams: {},
    query: {},
    headers: {},
    auth: { kind: 'none' },
  };
  for (const planned of plan.parameters) if (planned.parameter.pointer !== options.without) setParameter(request, planned, planned.value);
  request.auth = authFor(options.requirement ?? plan.requirements[0]);
  if (options.body !== undefined) {
    request.body = { json: options.body, ...(plan.bodyMediaType && plan.bodyMediaType !== 'application/json' ? { contentType: plan.bodyMediaType } : {}) };
  }
  return request;
}
