/** The Hoko provider states (openapi/hoko/provider-states.yaml), done in the demo workspace. */
import { stateData } from '../../http/providerStates.js';
import type { ProviderState, StatesContext } from '../../slice.js';
import type { HokoDemo, HokoStore } from './types.js';

export function hokoStates({ store, demo }: StatesContext<HokoStore, HokoDemo>): Record<string, ProviderState> {
  return {
    'partners exist': {
      async setup(params) {
        const { ids } = await store.states.createPartners((await demo()).workspaceId, params.count as number);
        return { partnerIds: ids };
      },
      teardown: (data) => store.states.teardown(stateData.strings(data.partnerIds, 'partnerIds')),
    },
  };
}
