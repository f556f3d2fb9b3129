import { migrate, type Migration } from './migrate.js';
import { announceChanges, listenForChanges } from './pgChangeFeed.js';
import { openPgliteDb } from './pgliteDb.js';
import { openPgPoolDb } from './pgPoolDb.js';
import { EXCLUSIVE, withReadCache } from './readCache.js';
import type { SqlDb } from './sqlDb.js';

export interface OpenDatabaseOptions {
  /** A PostgreSQL connection string; when set, a `pg.Pool` is used. */
  databaseUrl?: string;
  /** Without `databaseUrl`: where PGlite keeps its files. Omitted: PGlite in memory. */
  dataDir?: string;
}

/**
 * Opens the sandbox's database (PostgreSQL or PGlite), applies the pending `migrations` (see
 * `sliceMigrations`) and puts the read cache in front of it (readCache.ts): PGlite is this
 * process's alone; on PostgreSQL, which other sandboxes may share, every table announces its
 * changes (pgChangeFeed.ts) and the cache is on only while this process hears them.
 */
export async function openDatabase(migrations: Migration[], options: OpenDatabaseOptions = {}): Promise<SqlDb> {
  const db = options.databaseUrl ? openPgPoolDb(options.databaseUrl) : await openPgliteDb(options.dataDir);
  try {
    await migrate(db, migrations);
    if (!options.databaseUrl) return withReadCache(db, EXCLUSIVE);
    await announceChanges(db);
    return withReadCache(db, await listenForChanges(options.databaseUrl));
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error;
  }
}
