/**
 * The Layers provider states (openapi/layers/provider-states.yaml), done in the demo organization.
 * Influencer fields are checked against the document's PATCH request schema, so a bad value is a
 * 400 naming it, not a database error.
 */
import { documentScopes } from '../../../core/securitySchemes.js';
import { bodyIssues } from '../../http/issues.js';
import { nextRequestFails, rateLimitExhausted } from '../../http/commonStates.js';
import { stateData } from '../../http/providerStates.js';
import { BadState, type ProviderState, type StatesContext } from '../../slice.js';
import { bareId, PREFIX, prefixed } from './present.js';
import type { InfluencerPatchInput, KillSwitchScope, LayersDemo, LayersStore } from './types.js';

const INFLUENCER_FIELDS = ['name', 'gender', 'ageRange', 'brandVoice', 'language'] as const;

export function layersStates({ api, store, demo, rateLimiter, faults }: StatesContext<LayersStore, LayersDemo>): Record<string, ProviderState> {
  const patchSchema = api.operation('patchInfluencer').schemaPointer('request');
  if (!patchSchema) throw new Error(`${api.name}: patchInfluencer has no request schema`);
  const fieldProblems = (fields: Record<string, unknown>) => bodyIssues(api.validator.validate(patchSchema, fields), fields).map((i) => `${i.field}: ${i.message}`);
  const scopes = documentScopes(api.operations);
  const organization = async () => (await demo()).organizationId;
  /** The id of the demo key (the key the suite uses), and its rate-limit bucket (the handler's). */
  const demoKeyId = async () => {
    const key = await store.findKey((await demo()).apiKey);
    if (!key) throw new Error('the demo key is not in the store');
    return key.keyId;
  };
  const bucket = async () => `${api.name}:${await demoKeyId()}`;
  const killSwitchTarget = async (scope: KillSwitchScope) => (scope === 'key' ? demoKeyId() : scope === 'organization' ? organization() : null);
  const socialAccount = (data: Record<string, unknown>) => [bareId(PREFIX.socialAccount, stateData.string(data.socialAccountId, 'socialAccountId'))];

  return {
    'influencer exists': {
      async setup(params) {
        const fields = Object.fromEntries(INFLUENCER_FIELDS.filter((f) => params[f] !== undefined).map((f) => [f, params[f]]));
        const problems = Object.keys(fields).length > 0 ? fieldProblems(fields) : [];
        if (problems.length > 0) throw new BadState(`params of 'influencer exists': ${problems.join('; ')}`);
        const { id } = await store.states.createInfluencer(await organization(), fields as Partial<InfluencerPatchInput>);
        return { influencerId: prefixed(PREFIX.influencer, id) };
      },
      teardown: (data) => store.states.teardown('influencer', [bareId(PREFIX.influencer, stateData.string(data.influencerId, 'influencerId'))]),
    },
    'social account exists': {
      async setup(params) {
        const { id } = await store.states.createSocialAccount(await organization(), params.queuedPosts as number, {
          publishedPosts: typeof params.publishedPosts === 'number' ? params.publishedPosts : 0,
          leased: params.leased === true,
          ...(typeof params.influencerId === 'string' ? { influencerId: bareId(PREFIX.influencer, params.influencerId) } : {}),
        });
        return { socialAccountId: prefixed(PREFIX.socialAccount, id) };
      },
      teardown: (data) => store.states.teardown('socialAccount', socialAccount(data)),
    },
    'social account exists in another organization': {
      async setup(params) {
        const queued = typeof params.queuedPosts === 'number' ? params.queuedPosts : 0;
        const { id } = await store.states.createSocialAccount(await store.states.otherOrganization(), queued);
        return { socialAccountId: prefixed(PREFIX.socialAccount, id) };
      },
      teardown: (data) => store.states.teardown('socialAccount', socialAccount(data)),
    },
    'api key without scope': {
      async setup(params) {
        const without = Array.isArray(params.scope) ? (params.scope as string[]) : [params.scope as string];
        const { keyId, apiKey } = await store.states.createLayersKey(await organization(), scopes.filter((s) => !without.includes(s)));
        return { apiKey, keyId };
      },
      teardown: (data) => store.states.teardown('layersKey', [stateData.string(data.keyId, 'keyId')]),
    },
      'influencer in another organization': {
      async setup() {
        const { id } = await store.states.createInfluencer(await store.states.otherOrganization(), {});
        return { influencerId: prefixed(PREFIX.influencer, id) };
      },
      teardown: (data) => store.states.teardown('influencer', [bareId(PREFIX.influencer, stateData.string(data.influencerId, 'influencerId'))]),
    },
    'rate limit exhausted': rateLimitExhausted(rateLimiter, bucket),
    'kill switch': {
      async setup(params) {
        const scope = params.scope as KillSwitchScope;
        await store.setKillSwitch(scope, await killSwitchTarget(scope), true);
        return { scope };
      },
      teardown: async (_data, params) => {
        const scope = params.scope as KillSwitchScope;
        await store.setKillSwitch(scope, await killSwitchTarget(scope), false);
      },
    },
    'next request fails': nextRequestFails(faults, bucket),
  };
}
