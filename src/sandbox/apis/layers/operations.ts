/** The Layers operations, each after the pipeline has authenticated, authorized and validated the request. */
import type { Influencer, InfluencerDeleteRequest, InfluencerPage } from '../../../../generated/layers/index.js';
import { isInjectedFault } from '../../http/faults.js';
import { json, jsonText, type HttpResult } from '../../http/httpTypes.js';
import type { ParameterValues } from '../../http/requestValidation.js';
import type { SliceContext } from '../../slice.js';
import type { IdempotentOutcome } from '../../store/idempotency.js';
import { isUuid } from '../../store/ids.js';
import type { LayersContract } from './contract.js';
import type { LayersEnvelope } from './envelope.js';
import { bareId, PREFIX, presentDeleted, presentInfluencer, presentRevoked } from './present.js';
import type { InfluencerPatchInput, InfluencerRow, LayersKey, LayersStore } from './types.js';

export interface LayersCall {
  ctx: SliceContext<LayersStore>;
  envelope: LayersEnvelope;
  messages: LayersContract['messages'];
  key: LayersKey;
  requestId: string;
  params: ParameterValues;
  /** The validated body, when one was sent. */
  body: unknown;
  /** The operation's path with its parameters filled in, e.g. `/v1/social-accounts/sa_…`. */
  path: string;
}

export type LayersOperation = (call: LayersCall) => Promise<HttpResult>;

/** A frozen row (the store's, from its read cache) presented once, and frozen too: every later GET of it sends the same object. */
const presented = new WeakMap<InfluencerRow, Influencer>();
function presentedOnce(row: InfluencerRow): Influencer {
  if (!Object.isFrozen(row)) return presentInfluencer(row);
  let body = presented.get(row);
  if (body === undefined) presented.set(row, (body = Object.freeze(presentInfluencer(row))));
  return body;
}

const influencerNotFound = (call: LayersCall) => call.envelope.error(404, call.messages.influencerNotFound, call.requestId);
const influencerId = (call: LayersCall) => bareId(PREFIX.influencer, call.params.path.influencerId as string);

export const layersOperations: Record<string, LayersOperation> = {
  async listInfluencers({ ctx, key, params, requestId, envelope, messages }) {
    const limit = params.query.limit as number;
    const cursor = params.query.cursor as string | undefined;
    const page = await ctx.store.listInfluencers(key.organizationId, limit, cursor);
    if (!page) return envelope.validation(400, messages.invalidQuery, requestId, [{ field: 'cursor', message: 'Unknown or expired cursor' }]);
    const body: InfluencerPage = { items: page.items.map(presentInfluencer), nextCursor: page.nextCursor };
    return json(200, body);
  },

  async getInfluencer(call) {
    const row = await call.ctx.store.getInfluencer(call.key.organizationId, influencerId(call));
    return row ? json(200, presentedOnce(row)) : influencerNotFound(call);
  },

  async patchInfluencer(call) {
    const row = await call.ctx.store.patchInfluencer(call.key.organizationId, influencerId(call), call.body as InfluencerPatchInput);
    return row ? json(200, presentInfluencer(row)) : influencerNotFound(call);
  },

  async deleteInfluencer(call) {
    const reason = (call.body as InfluencerDeleteRequest | undefined)?.reason;
    const deleted = await call.ctx.store.deleteInfluencer(call.key.organizationId, influencerId(call), { keyId: call.key.keyId, ...(reason !== undefined ? { reason } : {}) });
    return deleted ? json(200, presentDeleted(deleted)) : influencerNotFound(call);
  },

  async revokeSocialAccount(call) {
    const { ctx, key, requestId, envelope, messages } = call;
    const id = bareId(PREFIX.socialAccount, call.params.path.socialAccountId as string);
    // Runs the revoke and turns every ending into an outcome: the store keeps 2xx and 404 ones for
    // replay, never a 500. The body is kept as its JSON text, so a replay sends the very bytes of
    // the first answer (a jsonb column, for one, would reorder the object's keys).
    const run = async (): Promise<IdempotentOutcome> => {
      try {
        const result = await ctx.store.revokeSocialAccount(key.organizationId, id, ctx.faults);
        return result ? { status: 200, body: JSON.stringify(presentRevoked(result)) } : { status: 404, body: JSON.stringify(envelope.body(404, messages.socialAccountNotFound, requestId)) };
      } catch (error) {
        ctx.log(isInjectedFault(error) ? `${ctx.api.name} revokeSocialAccount: injected fault (${String(ctx.faults.failAt)}), answering 500` : `${ctx.api.name} revokeSocialAccount failed: ${(error as Error).stack ?? String(error)}`);
        return { status: 500, body: JSON.stringify(envelope.body(500, messages.internal, requestId)) };
      }
    };
    const send = (outcome: IdempotentOutcome, headers: Record<string, string> = {}) =>
      typeof outcome.body === 'string' ? jsonText(outcome.status, outcome.body, headers) : json(outcome.status, outcome.body, headers);
    const idempotencyKey = call.params.header['Idempotency-Key'];
    if (idempotencyKey === undefined) return send(await run());
    // The fingerprint is the request itself: DELETE and the account (another socialAccountId is
    // another request), its uuid in lower case (`sa_9C1E…` and `sa_9c1e…` are one account).
    const canonical = isUuid(id) ? id.toLowerCase() : id;
    const result = await ctx.store.withIdempotency(key.keyId, idempotencyKey, `DELETE ${call.path.slice(0, call.path.lastIndexOf('/') + 1)}${PREFIX.socialAccount}${canonical}`, run);
    if (result.kind === 'conflict') return envelope.error(409, messages.idempotencyConflict, requestId);
    return send(result.outcome, result.kind === 'replay' ? { 'Idempotent-Replayed': 'true' } : {});
  },
};
