import pg from 'pg';
import type { ChangeFeed } from './readCache.js';
import type { SqlDb } from './sqlDb.js';

/** The channel every change to the sandbox's tables is announced on. */
export const CHANGE_CHANNEL = 'sandbox_changes';
const TRIGGER = 'sandbox_notify_change';

/**
 * Makes every write to the sandbox's tables announce itself: a statement-level trigger on each
 * table of the current schema that this database user owns (the sandbox's own, created by its
 * migrations; `schema_migrations` aside) runs `pg_notify('sandbox_changes', '')`. PostgreSQL
 * delivers the notification to every listening session when the writing transaction commits,
 * and never for one that rolls back. Idempotent; the migrations' advisory lock keeps two sandboxes
 * starting at once from adding the same trigger twice.
 */
export async function announceChanges(db: SqlDb): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query("SELECT pg_advisory_xact_lock(hashtext('sandbox:schema_migrations'))");
    await tx.exec(`
      CREATE OR REPLACE FUNCTION ${TRIGGER}() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        PERFORM pg_notify('${CHANGE_CHANNEL}', '');
        RETURN NULL;
      END $fn$;
      DO $do$
      DECLARE t regclass;
      BEGIN
        FOR t IN
          SELECT c.oid::regclass FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
           WHERE c.relkind = 'r' AND n.nspname = current_schema() AND c.relname <> 'schema_migrations'
             AND pg_get_userbyid(c.relowner) = current_user
             AND NOT EXISTS (SELECT 1 FROM pg_trigger g WHERE g.tgrelid = c.oid AND g.tgname = '${TRIGGER}')
        LOOP
          EXECUTE format('CREATE TRIGGER ${TRIGGER} AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %s FOR EACH STATEMENT EXECUTE FUNCTION ${TRIGGER}()', t);
        END LOOP;
      END $do$;`);
  });
}

/**
 * A `ChangeFeed` from one dedicated connection that LISTENs on `sandbox_changes`. Live from the
 * moment LISTEN is acknowledged; once that connection fails or ends it is never live again (this
 * process then reads everything from the database, as without a cache). A feed that cannot connect
 * at all is simply not live.
 */
export async function listenForChanges(databaseUrl: string): Promise<ChangeFeed> {
  const listeners: (() => void)[] = [];
  const notify = () => {
    for (const listener of listeners) listener();
  };
  const client = new pg.Client({ connectionString: databaseUrl });
  let live = false;
  const lost = () => {
    if (!live) return;
    live = false;
    notify();
  };
  client.on('notification', notify);
  client.on('error', lost);
  client.on('end', lost);
  try {
    await client.connect();
    await client.query(`LISTEN ${CHANGE_CHANNEL}`);
    live = true;
  } catch {
    await client.end().catch(() => undefined);
  }
  return {
    get live() {
      return live;
    },
    onChange(listener) {
      listeners.push(listener);
    },
    async close() {
      live = false;
      await client.end().catch(() => undefined);
    },
  };
}
