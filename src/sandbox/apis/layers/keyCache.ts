import { keyCacheOf } from '../../store/keyCache.js';
import type { Db } from '../../store/sqlDb.js';
import type { LayersKey } from './types.js';

/** The Layers keys found, with their kill switches: cleared by every write of keys, organizations' switches or the global one. */
export const layersKeyCache = (db: Db) => keyCacheOf<LayersKey>(db, 'layers');
