/** The Layers operations, each after the pipeline has authenticated, authorized and validated the request. */
import type { InfluencerDeleteRequest, InfluencerPage } from '../../../../generated/layers/index.js';
import type { IdempotentOutcome, InfluencerPatchInput, LayersKey } from '../../store/types.js';
import { isInjectedFault, type ApiContext } from '../apiHandler.js';
import { json, jsonText, type HttpResult } from '../httpTypes.js';
import type { ParameterValues } from '../requestValidation.js';
import { INTERNAL_MESSAGE, layersError, layersErrorBody, validationError } from './envelope.js';
import { bareId, PREFIX, presentDeleted, presentInfluencer, presentRevoked } from './present.js';

export interface LayersCall {
  ctx: ApiContext;
  key: LayersKey;
  requestId: string;
  params: ParameterValues;
  /** The validated body, when one was sent. */
  body: unknown;
  /** The operation's path with its parameters filled in, e.g. `/v1/social-accounts/sa_…`. */
  path: string;
}

export type LayersOperation = (call: LayersCall) => Promise<HttpResult>;

const influencerNotFound = (requestId: string) => layersError(404, 'Influencer not found.', requestId);
const influencerId = (call: LayersCall) => bareId(PREFIX.influencer, call.params.path.influencerId as string);

export const layersOperations: Record<string, LayersOperation> = {
  async listInfluencers({ ctx, key, params, requestId }) {
    const limit = params.query.limit as number;
    const cursor = params.query.cursor as string | undefined;
    const page = await ctx.store.layers.listInfluencers(key.organizationId, limit, cursor);
    if (!page) return validationError(400, 'Invalid query.', requestId, [{ field: 'cursor', message: 'Unknown or expired cursor' }]);
    const body: InfluencerPage = { items: page.items.map(presentInfluencer), nextCursor: page.nextCursor };
    return json(200, body);
  },

  async getInfluencer(call) {
    const row = await call.ctx.store.layers.getInfluencer(call.key.organizationId, influencerId(call));
    return row ? json(200, presentInfluencer(row)) : influencerNotFound(call.requestId);
  },

  async patchInfluencer(call) {
    const row = await call.ctx.store.layers.patchInfluencer(call.key.organizationId, influencerId(call), call.body as InfluencerPatchInput);
    return row ? json(200, presentInfluencer(row)) : influencerNotFound(call.requestId);
  },

  async deleteInfluencer(call) {
    const reason = (call.body as InfluencerDeleteRequest | undefined)?.reason;
    const deleted = await call.ctx.store.layers.deleteInfluencer(call.key.organizationId, influencerId(call), { keyId: call.key.keyId, ...(reason !== undefined ? { reason } : {}) });
    return deleted ? json(200, presentDeleted(deleted)) : influencerNotFound(call.requestId);
  },

  async revokeSocialAccount(call) {
    const { ctx, key, requestId } = call;
    const id = bareId(PREFIX.socialAccount, call.params.path.socialAccountId as string);
    // Runs the revoke and turns every ending into an outcome: the store keeps 2xx and 404 ones for
    // replay, never a 500. The body is kept as its JSON text, so a replay sends the very bytes of
    // the first answer (a jsonb column, for one, would reorder the object's keys).
    const run = async (): Promise<IdempotentOutcome> => {
      try {
        const result = await ctx.store.layers.revokeSocialAccount(key.organizationId, id, ctx.faults);
        return result ? { status: 200, body: JSON.stringify(presentRevoked(result)) } : { status: 404, body: JSON.stringify(layersErrorBody(404, 'Social account not found.', requestId)) };
      } catch (error) {
        ctx.log(isInjectedFault(error) ? `layers revokeSocialAccount: injected fault (${String(ctx.faults.failAt)}), answering 500` : `layers revokeSocialAccount failed: ${(error as Error).stack ?? String(error)}`);
        return { status: 500, body: JSON.stringify(layersErrorBody(500, INTERNAL_MESSAGE, requestId)) };
      }
    };
    const send = (outcome: IdempotentOutcome, headers: Record<string, string> = {}) =>
      typeof outcome.body === 'string' ? jsonText(outcome.status, outcome.body, headers) : json(outcome.status, outcome.body, headers);
    const idempotencyKey = call.params.header['Idempotency-Key'];
    if (idempotencyKey === undefined) return send(await run());
    // The fingerprint is the request itself: DELETE and the path (another socialAccountId is another request).
    const result = await ctx.store.layers.withIdempotency(key.keyId, idempotencyKey, `DELETE ${call.path}`, run);
    if (result.kind === 'conflict') return layersError(409, 'Idempotency-Key was already used with a different request.', requestId);
    return send(result.outcome, result.kind === 'replay' ? { 'Idempotent-Replayed': 'true' } : {});
  },
};
