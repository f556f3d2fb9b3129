import pg from 'pg';
import { isUuid } from './ids.js';
import { lock } from './migrate.js';
import type { ChangeFeed } from './readCache.js';
import type { SqlDb } from './sqlDb.js';

const TRIGGER = 'sandbox_notify_change';
/** The channel instance `instance` listens on (63 bytes at most, as PostgreSQL's identifiers). */
export const channelOf = (instance: string) => `sandbox_changes_${instance.replaceAll('-', '')}`;

/**
 * (Re)writes the trigger function from the instances now in `sandbox_listeners`: one `IF` per
 * instance, with its channel written into the body, so a write only compares the writer's own
 * `sandbox.instance` with constants (a plain expression, no query) and notifies the others. A query
 * of the listeners' table in the trigger cost PostgreSQL about 50 µs per write statement; this
 * costs a sandbox alone on its database nearly nothing. Run under the migrations' advisory lock,
 * in the transaction that changed the listeners (or that adds a trigger), so every body is written
 * from the rows that transaction commits.
 */
async function writeNotifier(tx: SqlDb): Promise<void> {
  const { rows } = await tx.query<{ instance: string }>('SELECT instance::text AS instance FROM sandbox_listeners ORDER BY instance');
  const notify = rows
    .map(({ instance }) => {
      if (!isUuid(instance)) throw new Error(`sandbox_listeners holds an instance that is no uuid: ${instance}`);
      return `IF writer IS DISTINCT FROM '${instance}' THEN PERFORM pg_notify('${channelOf(instance)}', ''); END IF;`;
    })
    .join('\n        ');
  await tx.exec(`CREATE OR REPLACE FUNCTION ${TRIGGER}() RETURNS trigger LANGUAGE plpgsql AS $fn$
      DECLARE writer text := current_setting('sandbox.instance', true);
      BEGIN
        ${notify}
        RETURN NULL;
      END $fn$`);
}

/**
 * Makes every write to `table` announce itself to the OTHER sandboxes on this database, if
 * `table` is a table of the current schema: a statement-level trigger that runs `pg_notify` on
 * the channel of every listening instance but the writer's own (its sessions' setting
 * `sandbox.instance`; a session of no sandbox, psql say, notifies them all). PostgreSQL delivers a
 * notification when the writing transaction commits, never for one that rolls back. Only tables
 * that cached reads read get the trigger.
 * Idempotent, under the migrations' advisory lock so that two sandboxes do not add it twice.
 * CREATE TRIGGER waits for the transactions writing the table to end, so no write that started
 * before the trigger existed is still to commit once this returns. Resolves whether the table has it.
 */
export async function announceChanges(db: SqlDb, table: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    await lock(tx);
    const { rows } = await tx.query<{ oid: string; has: boolean }>(
      `SELECT c.oid::regclass::text AS oid, EXISTS (SELECT 1 FROM pg_trigger g WHERE g.tgrelid = c.oid AND g.tgname = '${TRIGGER}') AS has
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind = 'r' AND n.nspname = current_schema() AND c.relname = $1`,
      [table],
    );
    const found = rows[0];
    if (!found) return false;
    // Always (re)written, so a database keeps no older body of it.
    await writeNotifier(tx);
    if (found.has) return true;
    await tx.exec(`CREATE TRIGGER ${TRIGGER} AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${found.oid} FOR EACH STATEMENT EXECUTE FUNCTION ${TRIGGER}()`);
    return true;
  });
}

/** Lists or unlists `instance` (with the pid of its listening connection), dropping the rows of sandboxes whose connection is gone, and rewrites the trigger function to match. */
function setListening(db: SqlDb, instance: string, pid: number | undefined): Promise<void> {
  return db.transaction(async (tx) => {
    await lock(tx);
    await tx.query('DELETE FROM sandbox_listeners WHERE instance = $1 OR pid NOT IN (SELECT pid FROM pg_stat_activity)', [instance]);
    if (pid !== undefined) await tx.query('INSERT INTO sandbox_listeners (instance, pid) VALUES ($1, $2)', [instance, pid]);
    await writeNotifier(tx);
  });
}

/** How long registering may wait for the transactions already running to end. */
const SETTLE_LIMIT_MS = 10_000;

/**
 * A `ChangeFeed` from one dedicated connection: it LISTENs on this instance's channel, lists the
 * instance in `sandbox_listeners` (and drops the rows of sandboxes whose connection is gone), then
 * waits until every transaction that was running when the row committed has ended: a write whose
 * trigger looked before the row existed has committed by then, so nothing read afterwards can
 * miss it. Live from then on; once that connection fails or ends it is never live again (this
 * process then reads everything from the database). `watch` gives a table its trigger (once per
 * table). A feed that cannot connect or register is simply not live.
 */
export async function listenForChanges(databaseUrl: string, db: SqlDb, instance: string): Promise<ChangeFeed> {
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
    await client.query(`LISTEN ${channelOf(instance)}`);
    const { rows: backend } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    await setListening(db, instance, backend[0]?.pid);
    const { rows } = await client.query<{ snapshot: string }>('SELECT txid_current_snapshot()::text AS snapshot');
    const started = performance.now();
    for (;;) {
      const settled = await client.query<{ done: boolean }>('SELECT txid_snapshot_xmin(txid_current_snapshot()) >= txid_snapshot_xmax($1::txid_snapshot) AS done', [rows[0]?.snapshot]);
      if (settled.rows[0]?.done) break;
      if (performance.now() - started > SETTLE_LIMIT_MS) throw new Error('transactions older than this sandbox did not end');
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    live = true;
  } catch {
    await client.end().catch(() => undefined);
  }
  const watched = new Map<string, Promise<boolean>>();
  return {
    get live() {
      return live;
    },
    onChange(listener) {
      listeners.push(listener);
    },
    watch(table) {
      let done = watched.get(table);
      if (!done) watched.set(table, (done = announceChanges(db, table).catch(() => false)));
      return done;
    },
    async close() {
      if (live) await setListening(db, instance, undefined).catch(() => undefined);
      live = false;
      await client.end().catch(() => undefined);
    },
  };
}
