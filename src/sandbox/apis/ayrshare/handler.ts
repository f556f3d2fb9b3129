/**
 * Ayrshare `DELETE /api/post`: API key (401 code 102) → rate limit (429) → header parameters and
 * Profile-Key (400 code 101, 404 code 104) → body against the document's `oneOf` (400 code 101) →
 * delete by id, in bulk, every pending scheduled post, or mark as deleted by hand (400 codes
 * 114 / 383 from the store). Anything unexpected is a 500 code 106.
 */
import type { PostDeleteRequest } from '../../../../generated/ayrshare/index.js';
import { bindOperations } from '../../http/bindOperations.js';
import { isInjectedFault, takeArmedFailure, failingFaults } from '../../http/faults.js';
import { json, type HttpResult } from '../../http/httpTypes.js';
import type { Issue } from '../../http/issues.js';
import { presentedKey } from '../../http/security.js';
import type { ApiHandler, SliceContext } from '../../slice.js';
import { createAyrshareErrors, type AyrshareErrors } from './envelope.js';
import type { AyrshareDeleteOutcome, AyrshareStore } from './types.js';

/** The rate-limit bucket of a profile (the `rate limit exhausted` state empties the demo profile's). */
export const rateBucket = (api: string, profileId: string) => `${api}:${profileId}`;

type Call = { ctx: SliceContext<AyrshareStore>; ayrshareError: AyrshareErrors; profileId: string; body: PostDeleteRequest };

/** A short account of what was wrong, appended to the catalog message (the first three issues). */
const detail = (issues: Issue[]) => `(${issues.slice(0, 3).map((i) => `${i.field}: ${i.message}`).join('; ')}${issues.length > 3 ? '; …' : ''})`;

function failed(ayrshareError: AyrshareErrors, outcome: Extract<AyrshareDeleteOutcome, { kind: 'not_found' | 'already_deleted' }>): HttpResult {
  return ayrshareError(outcome.kind === 'not_found' ? 'idNotFound' : 'alreadyDeleted', { id: outcome.id });
}

async function deletePost({ ctx, ayrshareError, profileId, body }: Call): Promise<HttpResult> {
  const store = ctx.store;
  const markManualDeleted = body.markManualDeleted === true;
  // deleteAllScheduled: true wins; `id` and `bulk` are then ignored (the document's third form).
  if (body.deleteAllScheduled === true) {
    await store.deleteAllScheduled(profileId);
    return json(200, { status: 'success' });
  }
  if ('bulk' in body && Array.isArray(body.bulk)) {
    const outcome = await store.deleteBulk(profileId, body.bulk, markManualDeleted);
    return outcome.kind === 'deleted' ? json(200, { status: 'success' }) : failed(ayrshareError, outcome);
  }
  const outcome = await store.deletePost(profileId, (body as { id: string }).id, markManualDeleted);
  switch (outcome.kind) {
    case 'deleted':
      // One member per network the post reached, named by the platform, plus the overall status
      // (a pending post reached none: `{ status: 'success' }`).
      return json(200, {
        ...Object.fromEntries(outcome.platforms.filter((p) => p.platform !== 'status' && p.networkPostId).map((p) => [p.platform, { action: 'delete', status: 'success', id: p.networkPostId }])),
        status: 'success',
      });
    case 'marked':
      return json(200, { status: 'success', id: outcome.id });
    default:
      return failed(ayrshareError, outcome);
  }
}

export function createAyrshareHandler(ctx: SliceContext<AyrshareStore>): ApiHandler {
  const ayrshareError = createAyrshareErrors(ctx.api);
  const bound = bindOperations(ctx.api, { deletePost });

  return async (request, route, pathParams) => {
    try {
      const { operation, validator, implementation } = bound.get(route.operation.operationId)!;
      const presented = presentedKey(ctx.api.doc, operation, request);
      const primary = presented ? await ctx.store.findProfile(presented.key) : null;
      if (!presented || !primary) return ayrshareError('unauthorized');

      const rate = ctx.rateLimiter.take(rateBucket(ctx.api.name, primary.profileId));
      if (!rate.allowed) return ayrshareError('rateLimited', {}, { 'Retry-After': String(rate.retryAfterSeconds) });
      if (primary.deniedOperations.includes(operation.operationId)) return ayrshareError('forbidden');

      const params = validator.parameters(request, pathParams);
      if (params.issues.length > 0) return ayrshareError('missingParameters', { detail: detail(params.issues) });
      const profileKey = params.values.header['Profile-Key'];
      const profile = profileKey === undefined ? primary : await ctx.store.findProfile(presented.key, profileKey);
      if (!profile) return ayrshareError('profileNotFound');

      const body = validator.body(request.body);
      if (body.kind === 'invalid') return ayrshareError('missingParameters', { detail: detail(body.issues) });
      if (body.kind === 'absent') return ayrshareError('missingParameters');
      // `next request fails` (a provider state): no fault point, so the request fails before it changes anything.
      if (takeArmedFailure(ctx.faults, ctx.api.name)) failingFaults(operation.operationId, undefined);

      return await implementation({ ctx, ayrshareError, profileId: profile.profileId, body: body.value as PostDeleteRequest });
    } catch (error) {
      ctx.log(isInjectedFault(error) ? `${ctx.api.name} ${route.operation.operationId}: injected fault, answering 500` : `${ctx.api.name} ${route.operation.operationId} failed: ${(error as Error).stack ?? String(error)}`);
      return ayrshareError('internal');
    }
  };
}
