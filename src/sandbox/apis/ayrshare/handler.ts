/**
 * Ayrshare `DELETE /api/post`: API key (401 code 102) → rate limit (429) → header parameters and
 * Profile-Key (400 code 101, 404 code 104) → body against the document's `oneOf` (400 code 101) →
 * delete by id, in bulk, every pending scheduled post, or mark as deleted by hand (400 codes
 * 114 / 382 / 383 from the store; networks that refuse, see networkRules.ts). Anything unexpected is a 500 code 106.
 */
import type { PlatformDeleteResult, PostDeleteRequest, PostDeleteResult } from '../../../../generated/ayrshare/index.js';
import { bindOperations } from '../../http/bindOperations.js';
import { isInjectedFault, takeArmedFailure, failingFaults } from '../../http/faults.js';
import { json, type HttpResult, type RawBody } from '../../http/httpTypes.js';
import type { Issue } from '../../http/issues.js';
import { presentedKey } from '../../http/security.js';
import type { ApiHandler, SliceContext } from '../../slice.js';
import { createAyrshareErrors, type AyrshareErrors } from './envelope.js';
import type { NetworkCredentials } from './networkRules.js';
import type { AyrshareDeleteFailure, AyrshareStore, NetworkOutcome } from './types.js';

/** The rate-limit bucket of a profile (the `rate limit exhausted` state empties the demo profile's). */
export const rateBucket = (api: string, profileId: string) => `${api}:${profileId}`;

type Call = { ctx: SliceContext<AyrshareStore>; ayrshareError: AyrshareErrors; profileId: string; body: PostDeleteRequest; credentials: NetworkCredentials };

/** A short account of what was wrong, appended to the catalog message (the first three issues). */
const detail = (issues: Issue[]) => `(${issues.slice(0, 3).map((i) => `${i.field}: ${i.message}`).join('; ')}${issues.length > 3 ? '; …' : ''})`;

function failed(ayrshareError: AyrshareErrors, outcome: AyrshareDeleteFailure): HttpResult {
  switch (outcome.kind) {
    case 'not_found':
      return ayrshareError('idNotFound', { id: outcome.id });
    case 'already_deleted':
      return ayrshareError('alreadyDeleted', { id: outcome.id });
    case 'not_manually_deleted':
      return ayrshareError('notManuallyDeleted', { id: outcome.id, markManualDeleted: true });
  }
}

/**
 * One member per network, named by the platform, plus the overall status: `error` when any
 * network refused (its member says `status: "error"` with a `message`; the post stays live in
 * Ayrshare), else `success`. A pending post reached no network: `{ status: "success" }`. A bulk
 * delete (several posts per network) reports only refusals, each network's first: the sandbox's
 * choice, so a member never stands for one post among many that succeeded.
 */
function networkResult(networks: NetworkOutcome[]): PostDeleteResult {
  const members = new Map<string, PlatformDeleteResult & { message?: string }>();
  for (const n of networks) {
    const member = n.refusal === null ? { action: 'delete' as const, status: 'success' as const, id: n.networkPostId } : { action: 'delete' as const, status: 'error' as const, id: n.networkPostId, message: n.refusal };
    if (members.get(n.platform)?.status !== 'error') members.set(n.platform, member);
  }
  const status = networks.some((n) => n.refusal !== null) ? 'error' : 'success';
  return { ...Object.fromEntries(members), status } as PostDeleteResult;
}

/** The body is a JSON object with no `id`, no `bulk` and no `deleteAllScheduled: true`. */
function choosesNoPost(raw: RawBody): boolean {
  if (raw.kind !== 'text') return false;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw.text);
  } catch {
    return false;
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return false;
  const body = parsed as Record<string, unknown>;
  return body.id === undefined && body.bulk === undefined && body.deleteAllScheduled !== true;
}

/** Both X headers, non-empty (the document's parameters; their values are never kept). */
export function credentialsOf(header: Record<string, unknown>): NetworkCredentials {
  const present = (name: string) => typeof header[name] === 'string' && (header[name] as string).length > 0;
  return { x: present('X-Twitter-OAuth1-Api-Key') && present('X-Twitter-OAuth1-Api-Secret') };
}

async function deletePost({ ctx, ayrshareError, profileId, body, credentials }: Call): Promise<HttpResult> {
  const store = ctx.store;
  const markManualDeleted = body.markManualDeleted === true;
  // deleteAllScheduled: true wins; `id` and `bulk` are then ignored, whatever their values.
  if (body.deleteAllScheduled === true) {
    await store.deleteAllScheduled(profileId);
    return json(200, { status: 'success' });
  }
  // `bulk` wins over `id` when both are sent (the sandbox's choice: the page says `id` is not
  // required when `bulk` is sent); `id` is then ignored.
  if ('bulk' in body && Array.isArray(body.bulk)) {
    const outcome = await store.deleteBulk(profileId, body.bulk, markManualDeleted, credentials);
    if (outcome.kind !== 'deleted') return failed(ayrshareError, outcome);
    return json(200, markManualDeleted ? { status: 'success' } : networkResult(outcome.networks.filter((n) => n.refusal !== null)));
  }
  const outcome = await store.deletePost(profileId, (body as { id: string }).id, markManualDeleted, credentials);
  switch (outcome.kind) {
    case 'deleted':
      return json(200, networkResult(outcome.networks));
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

      const bucket = rateBucket(ctx.api.name, primary.profileId);
      const rate = ctx.rateLimiter.take(bucket);
      if (!rate.allowed) return ayrshareError('rateLimited', {}, { 'Retry-After': String(rate.retryAfterSeconds) });
      if (primary.deniedOperations.includes(operation.operationId)) return ayrshareError('forbidden');

      const params = validator.parameters(request, pathParams);
      if (params.issues.length > 0) return ayrshareError('missingParameters', { detail: detail(params.issues) });
      const profileKey = params.values.header['Profile-Key'];
      const profile = profileKey === undefined ? primary : await ctx.store.findProfile(presented.key, profileKey);
      if (!profile) return ayrshareError('profileNotFound');

      const body = validator.body(request.body);
      // A body that chooses no post is the documented example word for word; other invalid bodies
      // get an account of what was wrong appended.
      if (body.kind === 'invalid') return ayrshareError('missingParameters', choosesNoPost(request.body) ? {} : { detail: detail(body.issues) });
      if (body.kind === 'absent') return ayrshareError('missingParameters');
      // `next request fails` (a provider state): no fault point, so the request fails before it changes anything.
      if (takeArmedFailure(ctx.faults, bucket)) failingFaults(operation.operationId, undefined);

      return await implementation({ ctx, ayrshareError, profileId: profile.profileId, body: body.value as PostDeleteRequest, credentials: credentialsOf(params.values.header) });
    } catch (error) {
      ctx.log(isInjectedFault(error) ? `${ctx.api.name} ${route.operation.operationId}: injected fault, answering 500` : `${ctx.api.name} ${route.operation.operationId} failed: ${(error as Error).stack ?? String(error)}`);
      return ayrshareError('internal');
    }
  };
}
