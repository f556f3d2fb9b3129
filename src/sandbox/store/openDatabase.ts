import { randomUUID } from 'node:crypto';
import { migrate, type Migration } from './migrate.js';
import { listenForChanges } from './pgChangeFeed.js';
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
 * process's alone; on PostgreSQL, which other sandboxes may share, the tables cached reads read
 * announce their changes (pgChangeFeed.ts) and the cache is on only while this process hears them.
 */
export async function openDatabase(migrations: Migration[], options: OpenDatabaseOptions = {}): Promise<SqlDb> {
  const instance = randomUUID();
  const db = options.databaseUrl ? openPgPoolDb(options.databaseUrl, instance) : await openPgliteDb(options.dataDir);
  try {
    await migrate(db, migrations);
    if (!options.databaseUrl) return withReadCache(db, EXCLUSIVE);
    return withReadCache(db, await listenForChanges(options.databaseUrl, db, instance));
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error;
  }
}
