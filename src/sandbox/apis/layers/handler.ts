/**
 * The Layers pipeline, in the order the API answers: credentials (401) → kill switch (503) →
 * per-key rate limit (429) → scope from the operation's security requirements (403) → path, query
 * and header parameters (400) → body (422) → the operation (404 for anything not found, archived
 * or in another organization, never 403). Anything unexpected is a 500 `INTERNAL`. Every answer
 * carries the request id, also in `X-Request-Id`.
 */
import { bindOperations, validationStatuses } from '../../http/bindOperations.js';
import { failingFaults, isInjectedFault, takeArmedFailure } from '../../http/faults.js';
import { dedupe } from '../../http/issues.js';
import type { HttpResult } from '../../http/httpTypes.js';
import { missingScope, presentedKey } from '../../http/security.js';
import type { ApiHandler, SliceContext } from '../../slice.js';
import { readContract } from './contract.js';
import { createEnvelope, newRequestId } from './envelope.js';
import { layersOperations } from './operations.js';
import { REVOKE_FAULT } from './store.js';
import type { LayersStore } from './types.js';

/** Where a write fails when a `next request fails` state is armed (after its first change); others fail before they run. */
const WRITE_FAULT_POINTS: Record<string, string> = { revokeSocialAccount: REVOKE_FAULT };

const fillPath = (template: string, params: Record<string, string>) => template.replace(/\{([^}]+)\}/g, (_, name: string) => params[name] ?? '');

export function createLayersHandler(ctx: SliceContext<LayersStore>): ApiHandler {
  const contract = readContract(ctx.api);
  const envelope = createEnvelope(contract);
  const { messages } = contract;
  const bound = bindOperations(ctx.api, layersOperations);
  const statuses = new Map([...bound.values()].map((b) => [b.operation.operationId, validationStatuses(b.operation)]));

  async function answer(request: Parameters<ApiHandler>[0], route: Parameters<ApiHandler>[1], pathParams: Record<string, string>, requestId: string): Promise<HttpResult> {
    const { operation, validator, implementation } = bound.get(route.operation.operationId)!;
    const presented = presentedKey(ctx.api.doc, operation, request);
    const key = presented ? await ctx.store.findKey(presented.key) : null;
    if (!presented || !key) return envelope.error(401, messages.unauthenticated, requestId);

    if (key.killSwitch) return envelope.error(503, messages.killSwitch[key.killSwitch], requestId, { scope: key.killSwitch });

    const bucket = `${ctx.api.name}:${key.keyId}`;
    const rate = ctx.rateLimiter.take(bucket);
    if (!rate.allowed) return envelope.error(429, messages.rateLimited, requestId, undefined, { 'Retry-After': String(rate.retryAfterSeconds) });

    const missing = missingScope(operation, presented.scheme, key.scopes);
    if (missing) return envelope.error(403, messages.forbiddenScope, requestId, { requiredScope: missing as 'social:write' });

    const status = statuses.get(operation.operationId)!;
    const params = validator.parameters(request, pathParams);
    if (params.issues.length > 0) {
      const first = params.issues[0]!.field;
      const where = operation.parameter(first, 'path') ? messages.invalidPath : operation.parameter(first, 'query') ? messages.invalidQuery : messages.invalidHeader;
      // A malformed path id is told what was expected in words, as the document's example says.
      const issues = dedupe(params.issues.map((i) => (operation.parameter(i.field, 'path') ? { field: i.field, message: contract.pathParameterMessages[i.field] ?? i.message } : i)));
      return envelope.validation(status.parameters, where, requestId, issues);
    }

    const body = validator.body(request.body);
    if (body.kind === 'invalid') return envelope.validation(status.body, messages.invalidBody, requestId, body.issues);

    // `next request fails` (a provider state): the write fails at its fault point, inside its transaction.
    const callCtx = takeArmedFailure(ctx.faults, bucket) ? { ...ctx, faults: failingFaults(operation.operationId, WRITE_FAULT_POINTS[operation.operationId]) } : ctx;
    return implementation({ ctx: callCtx, envelope, messages, key, requestId, params: params.values, body: body.kind === 'value' ? body.value : undefined, path: fillPath(operation.path, params.values.path) });
  }

  return async (request, route, pathParams) => {
    const requestId = newRequestId();
    let result: HttpResult;
    try {
      result = await answer(request, route, pathParams, requestId);
    } catch (error) {
      ctx.log(isInjectedFault(error) ? `${ctx.api.name} ${route.operation.operationId}: injected fault, answering 500` : `${ctx.api.name} ${route.operation.operationId} failed: ${(error as Error).stack ?? String(error)}`);
      result = envelope.error(500, messages.internal, requestId);
    }
    return { ...result, headers: { ...result.headers, 'X-Request-Id': requestId } };
  };
}
