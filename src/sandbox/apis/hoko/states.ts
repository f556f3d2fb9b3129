/** The Hoko provider states (openapi/hoko/provider-states.yaml), done in the demo workspace. */
import { documentScopes } from '../../../core/securitySchemes.js';
import { nextRequestFails, rateLimitExhausted } from '../../http/commonStates.js';
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
    'partners of another workspace': {
      async setup(params) {
        const workspaceId = await store.states.createWorkspace();
        const { ids } = await store.states.createPartners(workspaceId, params.count as number);
        return { partnerIds: ids, workspaceId };
      },
      teardown: (data) => store.states.deleteWorkspace(stateData.string(data.workspaceId, 'workspaceId')),
    },
    'api key without scope': {
      async setup(params) {
        const { keyId, apiKey } = await store.states.createKey((await demo()).workspaceId, scopes.filter((s) => s !== params.scope));
        return { apiKey, keyId };
      },
      teardown: (data) => store.states.deleteKey(stateData.string(data.keyId, 'keyId')),
    },
    'rate limit exhausted': rateLimitExhausted(rateLimiter, bucket),
    'next request fails': nextRequestFails(faults, bucket),
  };
}
