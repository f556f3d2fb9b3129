/** The Layers slice of the sandbox: `/v1/influencers…` and `/v1/social-accounts/{id}` over PostgreSQL. */
import { defineSlice } from '../../slice.js';
import { layersBanner } from './banner.js';
import { layersBench } from './bench.js';
import { createLayersHandler } from './handler.js';
import { seedDemo } from './seedDemo.js';
import { layersStates } from './states.js';
import { createLayersStore, REVOKE_FAULT } from './store.js';

export default defineSlice({
  migrations: new URL('./migrations/', import.meta.url),
  faultPoints: [REVOKE_FAULT],
  createStore: createLayersStore,
  seedDemo,
  createHandler: createLayersHandler,
  states: layersStates,
  banner: layersBanner,
  bench: layersBench,
});
