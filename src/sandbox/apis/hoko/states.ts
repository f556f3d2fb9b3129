/** The Hoko provider states (openapi/hoko/provider-states.yaml), done in the demo workspace. */
import { documentScopes } from '../../../core/securitySchemes.js';
import { armFailure, disarmFailure } from '../../http/faults.js';
import { stateData } from '../../http/providerStates.js';
import type { ProviderState, StatesContext } from '../../slice.js';
import { rateBucket } from './handler.js';
import type { HokoDemo, HokoStore } from './types.js';

export function hokoStates({ api, store, demo, rateLimiter, faults }: StatesContext<HokoStore, HokoDemo>): Record<string, ProviderState> {
  const scopes = documentScopes(api.operations);
  const bucket = async () => rateBucket(api.name, (await demo()).apiKey);
  return {
    'partners exist': {
      async setup(params) {
        const { ids } = await store.states.createPartners((await demo()).workspaceId, params.count as number);
        return { partnerIds: ids };
      },
      teardown: (data) => store.states.teardown(stateData.strings(data.partnerIds, 'partnerIds')),
    },
    'api key without scope': {
      async setup(params) {
        const { keyId, apiKey } = await store.states.createKey((await demo()).workspaceId, scopes.filter((s) => s !== params.scope));
        return { apiKey, keyId };
      },
      teardown: (data) => store.states.deleteKey(stateData.string(data.keyId, 'keyId')),
    },
    'rate limit exhausted': {
      async setup(params) {
        const retryAfter = typeof params.retryAfter === 'number' ? params.retryAfter : 1;
        rateLimiter.exhaust(await bucket(), retryAfter);
        return { retryAfter };
      },
      teardown: async () => rateLimiter.reset(await bucket()),
    },
    'next request fails': {
      setup: async () => ({ faultId: armFailure(faults, api.name) }),
      teardown: async (data) => disarmFailure(faults, stateData.string(data.faultId, 'faultId')),
    },
  };
}
