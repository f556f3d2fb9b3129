/** The Hoko provider states (openapi/hoko/provider-states.yaml), done in the demo workspace. */
import { documentScopes } from '../../../core/securitySchemes.js';
import { stateData } from '../../http/providerStates.js';
import type { ProviderState, StatesContext } from '../../slice.js';
import type { HokoDemo, HokoStore } from './types.js';

export function hokoStates({ api, store, demo }: StatesContext<HokoStore, HokoDemo>): Record<string, ProviderState> {
  const scopes = documentScopes(api.operations);
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
        return { apiKey: (await store.states.createKey((await demo()).workspaceId, scopes.filter((s) => s !== params.scope))).apiKey };
      },
      teardown: (data) => store.states.teardownKeys([stateData.string(data.apiKey, 'apiKey')]),
    },
  };
}
