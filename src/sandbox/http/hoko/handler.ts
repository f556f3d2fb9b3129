/**
 * Hoko `DELETE /api/partners`: API key (401) → rate limit (429, `retryAfter` and `X-RateLimit-*`)
 * → the scope of the operation's security requirement (403 with `missingScopes`) → body: a JSON
 * array of 1 to 10,000 uuids (400) → all-or-nothing soft delete (400 when any id is not a live
 * partner of the workspace, and nothing is deleted). Anything unexpected is a 500.
 */
import type { PartnersDeleted } from '../../../../generated/hoko/index.js';
import { bindOperations, isInjectedFault, type ApiContext, type ApiHandler } from '../apiHandler.js';
import { json, type HttpResult } from '../httpTypes.js';
import type { RateDecision } from '../rateLimiter.js';
import { presentedKey, requiredScopes } from '../security.js';
import { hokoError, hokoMissingScopes, hokoRateLimited } from './envelope.js';

const rateHeaders = (rate: RateDecision): Record<string, string> => ({
  'X-RateLimit-Limit': String(rate.limit),
  'X-RateLimit-Remaining': String(rate.remaining),
  'X-RateLimit-Reset': String(rate.resetAt),
});

async function deletePartners({ ctx, workspaceId, ids }: { ctx: ApiContext; workspaceId: string; ids: string[] }): Promise<HttpResult> {
  // The same id twice is one partner: deleted once, reported once.
  const unique = [...new Set(ids)];
  const outcome = await ctx.store.hoko.deletePartners(workspaceId, unique, ctx.faults);
  if (outcome.kind === 'invalid') return hokoError(400);
  const body: PartnersDeleted = { deletedIds: outcome.deletedIds };
  return json(200, body);
}

export function createHokoHandler(ctx: ApiContext): ApiHandler {
  const bound = bindOperations(ctx.document, { deletePartners });

  return async (request, route, pathParams) => {
    let rate: RateDecision | undefined;
    const withRate = (result: HttpResult): HttpResult => (rate ? { ...result, headers: { ...rateHeaders(rate), ...result.headers } } : result);
    try {
      const { operation, validator, implementation } = bound.get(route.operation.operationId)!;
      const presented = presentedKey(ctx.document.doc, operation, request);
      const key = presented ? await ctx.store.hoko.findKey(presented.key) : null;
      if (!presented || !key) return hokoError(401);

      rate = ctx.rateLimiter.take(`hoko:${presented.key}`);
      if (!rate.allowed) return withRate(hokoRateLimited(rate.retryAfterSeconds, { 'Retry-After': String(rate.retryAfterSeconds) }));

      const missing = requiredScopes(operation, presented.scheme).filter((scope) => !key.scopes.includes(scope));
      if (missing.length > 0) return withRate(hokoMissingScopes(missing));

      const params = validator.parameters(request, pathParams);
      const body = validator.body(request.body);
      if (params.issues.length > 0 || body.kind !== 'value') return withRate(hokoError(400));

      return withRate(await implementation({ ctx, workspaceId: key.workspaceId, ids: body.value as string[] }));
    } catch (error) {
      ctx.log(isInjectedFault(error) ? `hoko ${route.operation.operationId}: injected fault (${String(ctx.faults.failAt)}), answering 500` : `hoko ${route.operation.operationId} failed: ${(error as Error).stack ?? String(error)}`);
      return withRate(hokoError(500));
    }
  };
}
