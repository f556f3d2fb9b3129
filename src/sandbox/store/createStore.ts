import { createAyrshareStore } from './ayrshareStore.js';
import { createHokoStore } from './hokoStore.js';
import { setKillSwitch } from './killSwitches.js';
import { createLayersStore } from './layersStore.js';
import { seedDemo } from './seedDemo.js';
import { createStatesStore } from './statesStore.js';
import type { Db, SandboxStore } from './types.js';

/** The sandbox's store over an open, migrated database (see `openDatabase`). */
export function createStore(db: Db): SandboxStore {
  return {
    db,
    layers: createLayersStore(db),
    ayrshare: createAyrshareStore(db),
    hoko: createHokoStore(db),
    states: createStatesStore(db),
    seedDemo: () => seedDemo(db),
    setKillSwitch: (scope, targetId, on) => setKillSwitch(db, scope, targetId, on),
  };
}
