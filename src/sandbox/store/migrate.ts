import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import type { SqlDb } from './sqlDb.js';

/** The migrations of the shared helpers (store/idempotency.ts), applied before any slice's. */
export const sharedMigrationsDirectory = new URL('./migrations/', import.meta.url);
/** The set name the shared migrations are recorded under (`sandbox/001`). */
export const SHARED_MIGRATIONS = 'sandbox';

export interface Migration {
  /** `<set>/<NNN>`, e.g. `sandbox/001`, or `<api>/001` for a slice's: each set has its own numbering. */
  version: string;
  name: string;
  sql: string;
  checksum: string;
}

/** A set of migrations: the files `NNN_name.sql` of `directory`, recorded under `set`. */
export interface MigrationSet {
  set: string;
  directory: URL;
}

export async function loadMigrations(directory: URL, set: string): Promise<Migration[]> {
  const files = (await readdir(directory)).filter((f) => /^\d+_[\w-]+\.sql$/.test(f)).sort();
  const migrations: Migration[] = [];
  for (const file of files) {
    const sql = await readFile(new URL(file, directory), 'utf8');
    const version = `${set}/${file.slice(0, file.indexOf('_'))}`;
    if (migrations.some((m) => m.version === version)) throw new Error(`Two migrations share version ${version} (${directory.pathname})`);
    migrations.push({ version, name: file, sql, checksum: createHash('sha256').update(sql).digest('hex') });
  }
  return migrations;
}

/** The migrations of every set, the shared set first, then the slices in the order given. */
export async function loadMigrationSets(sets: MigrationSet[]): Promise<Migration[]> {
  const all = [{ set: SHARED_MIGRATIONS, directory: sharedMigrationsDirectory }, ...sets.filter((s) => s.set !== SHARED_MIGRATIONS)];
  return (await Promise.all(all.map((s) => loadMigrations(s.directory, s.set)))).flat();
}

/**
 * Applies the pending migrations in order, each in its own transaction together with its row in
 * `schema_migrations`; returns the versions it applied (none on a second run). A transaction-level
 * advisory lock makes concurrent starts against one PostgreSQL wait for each other. A migration
 * that was edited after it was applied is refused (its checksum no longer matches).
 */
export async function migrate(db: SqlDb, migrations: Migration[]): Promise<string[]> {
  await db.transaction(async (tx) => {
    await lock(tx);
    await tx.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version text PRIMARY KEY,
      name text NOT NULL,
      checksum text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
  });
  const applied: string[] = [];
  for (const migration of migrations) {
    const ran = await db.transaction(async (tx) => {
      await lock(tx);
      const { rows } = await tx.query<{ checksum: string }>('SELECT checksum FROM schema_migrations WHERE version = $1', [migration.version]);
      const done = rows[0];
      if (done) {
        if (done.checksum !== migration.checksum) {
          throw new Error(`Migration ${migration.version} (${migration.name}) changed after it was applied; add a new migration instead`);
        }
        return false;
      }
      await tx.exec(migration.sql);
      await tx.query('INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [migration.version, migration.name, migration.checksum]);
      return true;
    });
    if (ran) applied.push(migration.version);
  }
  return applied;
}

/** The transaction-level advisory lock every schema change of the sandbox takes (migrations, change triggers). */
export function lock(tx: SqlDb): Promise<unknown> {
  return tx.query("SELECT pg_advisory_xact_lock(hashtext('sandbox:schema_migrations'))");
}
