/** The Ayrshare slice of the sandbox: `DELETE /api/post` over PostgreSQL. */
import { defineSlice } from '../../slice.js';
import { ayrshareBanner } from './banner.js';
import { createAyrshareHandler } from './handler.js';
import { seedDemo } from './seedDemo.js';
import { ayrshareStates } from './states.js';
import { createAyrshareStore } from './store.js';
import { ayrshareUnrouted } from './unrouted.js';

export default defineSlice({
  migrations: new URL('./migrations/', import.meta.url),
  checkedColumns: {
    // Whether a post was sent yet: the store's own state (the document has no post schema).
    'ayrshare_posts.status': null,
  },
  faultPoints: [],
  createStore: createAyrshareStore,
  seedDemo,
  createHandler: createAyrshareHandler,
  unrouted: ayrshareUnrouted,
  states: ayrshareStates,
  banner: ayrshareBanner,
});
