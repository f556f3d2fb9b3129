import { migrate, type Migration } from './migrate.js';
import { openPgliteDb } from './pgliteDb.js';
import { openPgPoolDb } from './pgPoolDb.js';
import type { SqlDb } from './sqlDb.js';

export interface OpenDatabaseOptions {
  /** A PostgreSQL connection string; when set, a `pg.Pool` is used. */
  databaseUrl?: string;
  /** Without `databaseUrl`: where PGlite keeps its files. Omitted: PGlite in memory. */
  dataDir?: string;
}

/** Opens the sandbox's database (PostgreSQL or PGlite) and applies the pending `migrations` (see `sliceMigrations`). */
export async function openDatabase(migrations: Migration[], options: OpenDatabaseOptions = {}): Promise<SqlDb> {
  const db = options.databaseUrl ? openPgPoolDb(options.databaseUrl) : await openPgliteDb(options.dataDir);
  try {
    await migrate(db, migrations);
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error;
  }
  return db;
}
