import { isDeepStrictEqual } from 'node:util';
import { createLayersClient } from '../../../../generated/layers/index.js';
import type { ScenarioContext } from '../../scenarios/scenarioContext.js';
import type { Scenarios } from '../../scenarios/scenario.js';

const client = (ctx: ScenarioContext, apiKey = ctx.apiKey) => createLayersClient({ baseUrl: ctx.target.baseUrl, apiKey, fetch: ctx.fetch });

/** The behaviour scenarios of this API, by name. */
export const scenarios: Scenarios = {
  'soft-delete': {
    title: 'a deleted influencer is gone from GET, the list, PATCH and a second DELETE (404), its reason kept',
    operationId: 'deleteInfluencer',
    async run(ctx) {
      const layers = client(ctx);
      const { influencerId } = await ctx.states.setup<{ influencerId: string }>('influencer exists');
      const path = { params: { path: { influencerId } } };
      const deleted = await layers.DELETE('/v1/influencers/{influencerId}', { ...path, body: { reason: 'Conformance suite: soft delete.' } });
      ctx.expect(deleted.response.status === 200, 'DELETE of an existing influencer answers 200', 200, deleted.response.status);
      ctx.expect(deleted.data?.influencerId === influencerId && deleted.data?.status === 'deleted', 'the 200 names the deleted influencer', { influencerId, status: 'deleted' }, deleted.data);
      const get = await layers.GET('/v1/influencers/{influencerId}', path);
      ctx.expect(get.response.status === 404, 'GET of a deleted influencer answers 404', 404, get.response.status);
      const patch = await layers.PATCH('/v1/influencers/{influencerId}', { ...path, body: { name: 'Still here?' } });
      ctx.expect(patch.response.status === 404, 'PATCH of a deleted influencer answers 404', 404, patch.response.status);
      const again = await layers.DELETE('/v1/influencers/{influencerId}', path);
      ctx.expect(again.response.status === 404, 'a second DELETE answers 404', 404, again.response.status);
      let cursor: string | undefined;
      for (let page = 0; page < 50; page++) {
        const list = await layers.GET('/v1/influencers', { params: { query: { limit: 100, ...(cursor ? { cursor } : {}) } } });
        ctx.expect(!list.data?.items.some((i) => i.influencerId === influencerId), 'a deleted influencer never appears in the list', 'absent', influencerId);
        cursor = list.data?.nextCursor ?? undefined;
        if (!cursor) break;
      }
    },
  },

  'patch-partial': {
    title: 'PATCH changes only the fields sent and returns the full record; ageRange null clears, gender null is rejected',
    operationId: 'patchInfluencer',
    async run(ctx) {
      const layers = client(ctx);
      const { influencerId } = await ctx.states.setup<{ influencerId: string }>('influencer exists', { name: 'Ava Chen', gender: 'female', ageRange: 'adult', brandVoice: 'warm', language: 'en' });
      const path = { params: { path: { influencerId } } };
      const before = await layers.GET('/v1/influencers/{influencerId}', path);
      ctx.expect(before.response.status === 200, 'GET of an existing influencer answers 200', 200, before.response.status);
      const patched = await layers.PATCH('/v1/influencers/{influencerId}', { ...path, body: { brandVoice: 'casual' } });
      ctx.expect(patched.response.status === 200, 'PATCH answers 200', 200, patched.response.status);
      if (before.data && patched.data) {
        const { updatedAt: _a, ...was } = before.data;
        const { updatedAt: _b, ...now } = patched.data;
        ctx.expect(isDeepStrictEqual({ ...was, brandVoice: 'casual' }, now), 'PATCH changes only the field sent and returns the full record', { ...was, brandVoice: 'casual' }, now);
      }
      const cleared = await layers.PATCH('/v1/influencers/{influencerId}', { ...path, body: { ageRange: null } });
      ctx.expect(cleared.response.status === 200 && cleared.data?.ageRange === null, 'ageRange: null clears the age range', null, cleared.data?.ageRange);
      // @ts-expect-error gender cannot be null: the scenario sends it to prove the server rejects it.
      const genderNull = await layers.PATCH('/v1/influencers/{influencerId}', { ...path, body: { gender: null } });
      ctx.expect(genderNull.response.status === 422, 'gender: null is rejected with 422', 422, genderNull.response.status);
      const after = await layers.GET('/v1/influencers/{influencerId}', path);
      ctx.expect(after.data?.gender === 'female', 'a rejected PATCH changes nothing', 'female', after.data?.gender);
    },
  },

  'revoke-count': {
    title: 'revoke returns the exact count of queued posts canceled; a second revoke is 404',
    operationId: 'revokeSocialAccount',
    async run(ctx) {
      const layers = client(ctx);
      const { socialAccountId } = await ctx.states.setup<{ socialAccountId: string }>('social account exists', { queuedPosts: 3 });
      const path = { params: { path: { socialAccountId } } };
      const revoked = await layers.DELETE('/v1/social-accounts/{socialAccountId}', path);
      ctx.expect(revoked.response.status === 200, 'revoke answers 200', 200, revoked.response.status);
      ctx.expect(revoked.data?.canceledScheduledPosts === 3, 'canceledScheduledPosts is the exact number of queued posts', 3, revoked.data?.canceledScheduledPosts);
      ctx.expect(revoked.data?.socialAccountId === socialAccountId, 'the 200 names the revoked account', socialAccountId, revoked.data?.socialAccountId);
      const again = await layers.DELETE('/v1/social-accounts/{socialAccountId}', path);
      ctx.expect(again.response.status === 404, 'a second revoke answers 404', 404, again.response.status);
    },
  },

  'cross-org-404': {
    title: "another organization's account is 404, not 403",
    operationId: 'revokeSocialAccount',
    async run(ctx) {
      const { socialAccountId } = await ctx.states.setup<{ socialAccountId: string }>('social account exists in another organization');
      const result = await client(ctx).DELETE('/v1/social-accounts/{socialAccountId}', { params: { path: { socialAccountId } } });
      ctx.expect(result.response.status === 404, "another organization's account answers 404, never 403", 404, result.response.status);
    },
  },

  'missing-scope': {
    title: 'a key without social:write is 403 with details.requiredScope',
    operationId: 'revokeSocialAccount',
    async run(ctx) {
      const { socialAccountId } = await ctx.states.setup<{ socialAccountId: string }>('social account exists', { queuedPosts: 0 });
      const { apiKey } = await ctx.states.setup<{ apiKey: string }>('api key without scope', { scope: 'social:write' });
      const result = await client(ctx, apiKey).DELETE('/v1/social-accounts/{socialAccountId}', { params: { path: { socialAccountId } } });
      ctx.expect(result.response.status === 403, 'a key without social:write answers 403', 403, result.response.status);
      ctx.expect(result.error?.error.details?.requiredScope === 'social:write', 'details.requiredScope names social:write', 'social:write', result.error?.error.details?.requiredScope);
    },
  },

  'idempotency': {
    title: 'replaying an Idempotency-Key returns the first result; reusing it on another path is 409',
    operationId: 'revokeSocialAccount',
    async run(ctx) {
      const layers = client(ctx);
      const first = await ctx.states.setup<{ socialAccountId: string }>('social account exists', { queuedPosts: 2 });
      const second = await ctx.states.setup<{ socialAccountId: string }>('social account exists', { queuedPosts: 0 });
      const key = `conformance-${crypto.randomUUID()}`;
      const call = (socialAccountId: string) => layers.DELETE('/v1/social-accounts/{socialAccountId}', { params: { path: { socialAccountId }, header: { 'Idempotency-Key': key } } });
      const a = await call(first.socialAccountId);
      const replay = await call(first.socialAccountId);
      ctx.expect(a.response.status === 200 && replay.response.status === 200, 'replaying the Idempotency-Key answers 200 again', '200, 200', `${a.response.status}, ${replay.response.status}`);
      ctx.expect(isDeepStrictEqual(replay.data, a.data), 'the replay returns the first result', a.data, replay.data);
      const conflict = await call(second.socialAccountId);
      ctx.expect(conflict.response.status === 409, 'the same key on another socialAccountId answers 409', 409, conflict.response.status);
    },
  },
};
