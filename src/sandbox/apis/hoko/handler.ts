/**
 * Hoko `DELETE /api/partners`: API key (401) → rate limit (429, `retryAfter` and `X-RateLimit-*`)
 * → the scope of the operation's security requirement (403 with `missingScopes`) → body: a JSON
 * array of 1 to 10,000 uuids (400) → all-or-nothing soft delete (400 when any id is not a live
 * partner of the workspace, and nothing is deleted). Anything unexpected is a 500.
 */
import type { PartnersDeleted } from '../../../../generated/hoko/index.js';
import { bindOperations } from '../../http/bindOperations.js';
import { failingFaults, isInjectedFault, takeArmedFailure } from '../../http/faults.js';
import { json, type HttpResult } from '../../http/httpTypes.js';
import type { RateDecision } from '../../http/rateLimiter.js';
import { missingScopes, presentedKey } from '../../http/security.js';
import type { ApiHandler, SliceContext } from '../../slice.js';
import { createHokoErrors, type HokoErrors } from './envelope.js';
import { DELETE_FAULT } from './store.js';
import type { HokoStore } from './types.js';

/** The rate-limit bucket of a key (the `rate limit exhausted` state empties the demo key's). */
export const rateBucket = (api: string, apiKey: string) => `${api}:${apiKey}`;

const rateHeaders = (rate: RateDecision): Record<string, string> => ({
  'X-RateLimit-Limit': String(rate.limit),
  'X-RateLimit-Remaining': String(rate.remaining),
  'X-RateLimit-Reset': String(rate.resetAt),
});

async function deletePartners({ ctx, errors, workspaceId, ids }: { ctx: SliceContext<HokoStore>; errors: HokoErrors; workspaceId: string; ids: string[] }): Promise<HttpResult> {
  // The same id twice is one partner: deleted once, reported once.
  const unique = [...new Set(ids)];
  const outcome = await ctx.store.deletePartners(workspaceId, unique, ctx.faults);
  if (outcome.kind === 'invalid') return errors.error(400);
  const body: PartnersDeleted = { deletedIds: outcome.deletedIds };
  return json(200, body);
}

export function createHokoHandler(ctx: SliceContext<HokoStore>): ApiHandler {
  const errors = createHokoErrors(ctx.api);
  const bound = bindOperations(ctx.api, { deletePartners });

  return async (request, route, pathParams) => {
    let rate: RateDecision | undefined;
    const withRate = (result: HttpResult): HttpResult => (rate ? { ...result, headers: { ...rateHeaders(rate), ...result.headers } } : result);
    try {
      const { operation, validator, implementation } = bound.get(route.operation.operationId)!;
      const presented = presentedKey(ctx.api.doc, operation, request);
      const key = presented ? await ctx.store.findKey(presented.key) : null;
      if (!presented || !key) return errors.error(401);

      const bucket = rateBucket(ctx.api.name, presented.key);
      rate = ctx.rateLimiter.take(bucket);
      if (!rate.allowed) return withRate(errors.rateLimited(rate.retryAfterSeconds, { 'Retry-After': String(rate.retryAfterSeconds) }));

      const missing = missingScopes(operation, presented.scheme, key.scopes);
      if (missing.length > 0) return withRate(errors.missingScopes(missing));

      const params = validator.parameters(request, pathParams);
      const body = validator.body(request.body);
      if (params.issues.length > 0 || body.kind !== 'value') return withRate(errors.error(400));

      // `next request fails` (a provider state): the delete fails inside its transaction, after the update.
      const callCtx = takeArmedFailure(ctx.faults, bucket) ? { ...ctx, faults: failingFaults(operation.operationId, DELETE_FAULT) } : ctx;
      return withRate(await implementation({ ctx: callCtx, errors, workspaceId: key.workspaceId, ids: body.value as string[] }));
    } catch (error) {
      ctx.log(isInjectedFault(error) ? `${ctx.api.name} ${route.operation.operationId}: injected fault (${String(ctx.faults.failAt)}), answering 500` : `${ctx.api.name} ${route.operation.operationId} failed: ${(error as Error).stack ?? String(error)}`);
      return withRate(errors.error(500));
    }
  };
}
