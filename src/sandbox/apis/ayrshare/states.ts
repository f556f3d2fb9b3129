/** The Ayrshare provider states (openapi/ayrshare/provider-states.yaml), done in the demo profile. */
import { nextRequestFails, rateLimitExhausted } from '../../http/commonStates.js';
import { stateData } from '../../http/providerStates.js';
import type { ProviderState, StatesContext } from '../../slice.js';
import { rateBucket } from './handler.js';
import type { AyrshareDemo, AyrshareStore, CreatePostsOptions } from './types.js';

export function ayrshareStates({ api, store, demo, rateLimiter, faults }: StatesContext<AyrshareStore, AyrshareDemo>): Record<string, ProviderState> {
  const bucket = async () => rateBucket(api.name, (await demo()).profileId);
  return {
    'posts exist': {
      async setup(params) {
        const options: CreatePostsOptions = {
          ...(params.platforms !== undefined ? { platforms: params.platforms as string[] } : {}),
          ...(params.removedAtNetwork === true ? { removedAtNetwork: true } : {}),
          ...(params.facebookStory !== undefined ? { facebookStory: params.facebookStory as 'image' | 'video' } : {}),
        };
        return { ...(await store.states.createPosts((await demo()).profileId, params.pending as number, params.published as number, options)) };
      },
      teardown: (data) => store.states.teardown([...stateData.strings(data.pendingIds, 'pendingIds'), ...stateData.strings(data.publishedIds, 'publishedIds')]),
    },
    'posts of a user profile': {
      async setup(params) {
        const { profileId, profileKey } = await store.states.createUserProfile((await demo()).apiKey);
        const { pendingIds } = await store.states.createPosts(profileId, params.pending as number, 0);
        return { profileKey, profileId, pendingIds };
      },
      teardown: (data) => store.states.deleteProfile(stateData.string(data.profileId, 'profileId')),
    },
    'api key without scope': {
      async setup(params) {
        const { profileId, apiKey } = await store.states.createProfile([params.scope as string]);
        return { apiKey, profileId };
      },
      teardown: (data) => store.states.deleteProfile(stateData.string(data.profileId, 'profileId')),
    },
    'rate limit exhausted': rateLimitExhausted(rateLimiter, bucket),
    'next request fails': nextRequestFails(faults, bucket),
  };
}
