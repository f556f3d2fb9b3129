import { createHash } from 'node:crypto';
import pg from 'pg';
import { inSavepoint } from './inSavepoint.js';
import type { SqlDb } from './sqlDb.js';

/**
 * A statement with parameters as a named prepared statement (`pg` prepares it once per connection,
 * then only binds and executes it: PostgreSQL parses and plans it once). The name is a digest of
 * the text, so one text is one name and two texts never share one. Statements without parameters
 * (DDL, scripts) stay unnamed.
 */
const names = new Map<string, string>();
function statement(sql: string, params: unknown[] | undefined): pg.QueryConfig {
  if (params === undefined || params.length === 0) return params ? { text: sql, values: params } : { text: sql };
  let name = names.get(sql);
  if (name === undefined) names.set(sql, (name = `s_${createHash('sha1').update(sql).digest('hex').slice(0, 20)}`));
  return { name, text: sql, values: params };
}

/**
 * A real PostgreSQL server behind `SqlDb`, through a `pg.Pool`: statements outside a transaction
 * use any pooled connection; a transaction checks one client out and runs BEGIN … COMMIT on it.
 *
 * Durability: the sandbox's sessions run with `synchronous_commit = off`. A commit returns before
 * its WAL record is flushed; a crash of the PostgreSQL server (not of the sandbox) can lose the
 * last few hundred milliseconds of committed sandbox writes, never corrupt the database.
 */
export function openPgPoolDb(databaseUrl: string, instance?: string): SqlDb {
  if (instance !== undefined && !/^[0-9a-f-]{36}$/.test(instance)) throw new Error(`not an instance id: ${instance}`);
  // Every session also says which sandbox it belongs to (pgChangeFeed.ts: its writes notify the
  // other sandboxes only).
  const settings = ['-c synchronous_commit=off', ...(instance ? [`-c sandbox.instance=${instance}`] : [])].join(' ');
  const pool = new pg.Pool({ ...withOptions(databaseUrl, settings), max: 10 });
  // An idle client that loses its connection emits 'error' on the pool; without a listener that
  // would crash the process. The pool discards the client and the next query reconnects.
  pool.on('error', () => undefined);
  return new PgPoolDb(pool);
}

/**
 * The pool's connection settings with `settings` added to the URL's own `options` (pg lets the
 * URL's `options` replace a separate one); a connection string that is no URL gets them apart.
 */
function withOptions(databaseUrl: string, settings: string): pg.PoolConfig {
  let url: URL;
  try {
    url = new URL(databaseUrl);
  } catch {
    return { connectionString: databaseUrl, options: settings };
  }
  const own = url.searchParams.get('options');
  url.searchParams.set('options', own ? `${own} ${settings}` : settings);
  return { connectionString: url.toString() };
}

class PgPoolDb implements SqlDb {
  constructor(private readonly pool: pg.Pool) {}

  async query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: T[] }> {
    const result = await this.pool.query(statement(sql, params));
    return { rows: result.rows as T[] };
  }

  async exec(sql: string): Promise<void> {
    await this.pool.query(sql);
  }

  async transaction<T>(fn: (tx: SqlDb) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
    } catch (error) {
      client.release(error as Error);
      throw error;
    }
    const tx = new PgClientTransaction(client);
    try {
      const result = await fn(tx);
      const commit = await client.query('COMMIT');
      // COMMIT of a transaction that an error aborted answers ROLLBACK instead of failing.
      if (commit.command === 'ROLLBACK') throw new Error('The transaction was aborted by an earlier error and rolled back');
      client.release();
      return result;
    } catch (error) {
      try {
        await client.query('ROLLBACK');
        client.release();
      } catch (rollbackError) {
        // The connection is unusable: the pool must not hand it out again.
        client.release(rollbackError as Error);
      }
      throw error;
    } finally {
      tx.end();
    }
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}

class PgClientTransaction implements SqlDb {
  #open = true;
  #savepoints = 0;

  constructor(private readonly client: pg.PoolClient) {}

  end(): void {
    this.#open = false;
  }

  async query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: T[] }> {
    this.#check();
    const result = await this.client.query(statement(sql, params));
    return { rows: result.rows as T[] };
  }

  async exec(sql: string): Promise<void> {
    this.#check();
    await this.client.query(sql);
  }

  async transaction<T>(fn: (tx: SqlDb) => Promise<T>): Promise<T> {
    this.#check();
    return inSavepoint((sql) => this.client.query(sql), `sp_${++this.#savepoints}`, () => fn(this));
  }

  async close(): Promise<void> {
    throw new Error('close() is not available on a transaction');
  }

  #check(): void {
    if (!this.#open) throw new Error('This transaction has already ended');
  }
}
