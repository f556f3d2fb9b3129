/** The Hoko slice of the sandbox: `DELETE /api/partners` over PostgreSQL. */
import { defineSlice } from '../../slice.js';
import { hokoBanner } from './banner.js';
import { hokoBench } from './bench.js';
import { createHokoHandler } from './handler.js';
import { seedDemo } from './seedDemo.js';
import { hokoStates } from './states.js';
import { createHokoStore, DELETE_FAULT } from './store.js';
import { hokoUnrouted } from './unrouted.js';

export default defineSlice({
  migrations: new URL('./migrations/', import.meta.url),
  checkedColumns: {},
  faultPoints: [DELETE_FAULT],
  createStore: createHokoStore,
  seedDemo,
  createHandler: createHokoHandler,
  unrouted: hokoUnrouted,
  states: hokoStates,
  banner: hokoBanner,
  bench: hokoBench,
});
