import { isUuid } from '../../store/ids.js';
import type { Db } from '../../store/sqlDb.js';
import { layersKeyCache } from './keyCache.js';
import type { KillSwitchScope } from './types.js';

/** Turns a Layers kill switch on or off: a key's (targetId = keyId), an organization's, or the global one (targetId null). */
export async function setKillSwitch(db: Db, scope: KillSwitchScope, targetId: string | null, on: boolean): Promise<void> {
  try {
    await writeKillSwitch(db, scope, targetId, on);
  } finally {
    layersKeyCache(db).clear(); // the cached keys carry the switches in force
  }
}

async function writeKillSwitch(db: Db, scope: KillSwitchScope, targetId: string | null, on: boolean): Promise<void> {
  if (scope === 'global') {
    await db.query('UPDATE layers_settings SET global_kill_switch = $1', [on]);
    return;
  }
  const table = scope === 'key' ? 'layers_api_keys' : 'layers_organizations';
  const { rows } = isUuid(targetId) ? await db.query(`UPDATE ${table} SET kill_switch = $1 WHERE id = $2 RETURNING id`, [on, targetId]) : { rows: [] };
  if (rows.length === 0) throw new Error(`No ${scope === 'key' ? 'API key' : 'organization'} ${String(targetId)} to set the kill switch of`);
}
