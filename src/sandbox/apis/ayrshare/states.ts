/** The Ayrshare provider states (openapi/ayrshare/provider-states.yaml), done in the demo profile. */
import { stateData } from '../../http/providerStates.js';
import type { ProviderState, StatesContext } from '../../slice.js';
import type { AyrshareDemo, AyrshareStore, CreatePostsOptions } from './types.js';

export function ayrshareStates({ store, demo }: StatesContext<AyrshareStore, AyrshareDemo>): Record<string, ProviderState> {
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
  };
}
