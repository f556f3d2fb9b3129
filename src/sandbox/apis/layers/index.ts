/** The Layers slice of the sandbox: `/v1/influencers…` and `/v1/social-accounts/{id}` over PostgreSQL. */
import { defineSlice } from '../../slice.js';
import { layersBanner } from './banner.js';
import { layersBench } from './bench.js';
import { createLayersHandler } from './handler.js';
import { seedDemo } from './seedDemo.js';
import { layersStates } from './states.js';
import { createLayersStore, REVOKE_FAULT } from './store.js';
import { layersUnrouted } from './unrouted.js';

export default defineSlice({
  migrations: new URL('./migrations/', import.meta.url),
  checkedColumns: {
    'layers_influencers.name': '#/components/schemas/InfluencerName',
    'layers_influencers.gender': '#/components/schemas/Gender',
    'layers_influencers.age_range': '#/components/schemas/AgeRange',
    'layers_influencers.brand_voice': '#/components/schemas/BrandVoice',
    // The store's own states: the document shows only 'disconnected' and no scheduled posts.
    'layers_social_accounts.status': null,
    'layers_scheduled_posts.status': null,
  },
  faultPoints: [REVOKE_FAULT],
  createStore: createLayersStore,
  seedDemo,
  createHandler: createLayersHandler,
  unrouted: layersUnrouted,
  states: layersStates,
  banner: layersBanner,
  bench: layersBench,
});
