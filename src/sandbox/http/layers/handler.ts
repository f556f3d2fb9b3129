/**
 * The Layers pipeline, in the order the API answers: credentials (401) → kill switch (503) →
 * per-key rate limit (429) → scope from the operation's security requirement (403) → path, query
 * and header parameters (400) → body (422) → the operation (404 for anything not found, archived
 * or in another organization, never 403). Anything unexpected is a 500 `INTERNAL`. Every answer
 * carries the request id, also in `X-Request-Id`.
 */
import { bindOperations, isInjectedFault, validationStatuses, type ApiContext, type ApiHandler } from '../apiHandler.js';
import type { HttpResult } from '../httpTypes.js';
import { presentedKey, requiredScopes } from '../security.js';
import { INTERNAL_MESSAGE, layersError, newRequestId, validationError } from './envelope.js';
import { layersOperations } from './operations.js';

const fillPath = (template: string, params: Record<string, string>) => template.replace(/\{([^}]+)\}/g, (_, name: string) => params[name] ?? '');

export function createLayersHandler(ctx: ApiContext): ApiHandler {
  const bound = bindOperations(ctx.document, layersOperations);
  const statuses = new Map([...bound.values()].map((b) => [b.operation.operationId, validationStatuses(b.operation)]));

  async function answer(request: Parameters<ApiHandler>[0], route: Parameters<ApiHandler>[1], pathParams: Record<string, string>, requestId: string): Promise<HttpResult> {
    const { operation, validator, implementation } = bound.get(route.operation.operationId)!;
    const presented = presentedKey(ctx.document.doc, operation, request);
    const key = presented ? await ctx.store.layers.findKey(presented.key) : null;
    if (!presented || !key) return layersError(401, 'Missing or invalid Authorization header.', requestId);

    if (key.killSwitch) {
      const message = { key: 'The partner API is disabled for this key.', organization: 'The partner API is disabled for this organization.', global: 'The partner API is disabled.' }[key.killSwitch];
      return layersError(503, message, requestId, { scope: key.killSwitch });
    }

    const rate = ctx.rateLimiter.take(`layers:${key.keyId}`);
    if (!rate.allowed) {
      return layersError(429, 'Rate limit exceeded. Retry after the number of seconds in Retry-After.', requestId, undefined, { 'Retry-After': String(rate.retryAfterSeconds) });
    }

    const missing = requiredScopes(operation, presented.scheme).find((scope) => !key.scopes.includes(scope));
    if (missing) return layersError(403, 'API key lacks the required scope.', requestId, { requiredScope: missing as 'social:write' });

    const status = statuses.get(operation.operationId)!;
    const params = validator.parameters(request, pathParams);
    if (params.issues.length > 0) {
      const first = params.issues[0]!.field;
      const where = operation.parameter(first, 'path') ? 'Invalid path parameter.' : operation.parameter(first, 'query') ? 'Invalid query.' : 'Invalid header.';
      return validationError(status.parameters, where, requestId, params.issues);
    }

    const body = validator.body(request.body);
    if (body.kind === 'invalid') return validationError(status.body, 'Invalid body.', requestId, body.issues);

    return implementation({ ctx, key, requestId, params: params.values, body: body.kind === 'value' ? body.value : undefined, path: fillPath(operation.path, params.values.path) });
  }

  return async (request, route, pathParams) => {
    const requestId = newRequestId();
    let result: HttpResult;
    try {
      result = await answer(request, route, pathParams, requestId);
    } catch (error) {
      ctx.log(isInjectedFault(error) ? `layers ${route.operation.operationId}: injected fault, answering 500` : `layers ${route.operation.operationId} failed: ${(error as Error).stack ?? String(error)}`);
      result = layersError(500, INTERNAL_MESSAGE, requestId);
    }
    return { ...result, headers: { ...result.headers, 'X-Request-Id': requestId } };
  };
}
