import { AsyncLocalStorage } from 'node:async_hooks';
import { PGlite } from '@electric-sql/pglite';
import { PglitePrepared } from './pglitePrepared.js';
import { ensurePgliteDataDir, pgliteStartSettings, temporaryPgliteDataDir } from './pgliteDataDir.js';
import { SerialQueue } from './serialQueue.js';
import { inSavepoint } from './inSavepoint.js';
import { lockDataDir } from './dataDirLock.js';
import { makeDirectory } from '../../core/makeDirectory.js';
import type { SqlDb } from './sqlDb.js';

/**
 * PGlite behind `SqlDb`: in a temporary directory deleted on `close` (the "in memory" sandbox;
 * PGlite's own in-memory file system would hold every file in the process's heap), or persisted in
 * `dataDir`, which this PGlite alone may have open (dataDirLock.ts; the lock is released on
 * `close`). Either is initialised outside this process (`pgliteDataDir.ts`). PGlite is one connection, so every
 * top-level statement and every transaction is queued (`SerialQueue`): a transaction holds the
 * queue from BEGIN to COMMIT/ROLLBACK. Calling the outer `Db` from inside a transaction would
 * wait for itself forever; that mistake throws instead.
 */
export async function openPgliteDb(dataDir?: string): Promise<SqlDb> {
  let dir = dataDir;
  let remove = async (): Promise<void> => undefined;
  if (dir) {
    await makeDirectory(dir);
    // Locked before it is made a cluster, so two sandboxes starting on one empty folder do not copy into it at once.
    remove = await lockDataDir(dir);
    try {
      await ensurePgliteDataDir(dir);
    } catch (error) {
      await remove();
      throw error;
    }
  } else {
    ({ dir, remove } = await temporaryPgliteDataDir());
  }
  try {
    const pg = await PGlite.create({ dataDir: dir, startParams: [...PGlite.defaultStartParams, ...pgliteStartSettings] });
    return new PgliteDb(pg, new PglitePrepared(pg), remove);
  } catch (error) {
    await remove();
    throw error;
  }
}

class PgliteDb implements SqlDb {
  readonly exclusive = true;
  readonly #queue = new SerialQueue();
  readonly #insideTransaction = new AsyncLocalStorage<boolean>();

  constructor(
    private readonly pg: PGlite,
    private readonly prepared: PglitePrepared,
    private readonly removeFiles: () => Promise<void>,
  ) {}

  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: T[] }> {
    this.#refuseReentry();
    return this.#queue.run(() => this.prepared.query<T>(sql, params));
  }

  exec(sql: string): Promise<void> {
    this.#refuseReentry();
    return this.#queue.run(async () => {
      await this.pg.exec(sql);
    });
  }

  transaction<T>(fn: (tx: SqlDb) => Promise<T>): Promise<T> {
    this.#refuseReentry();
    return this.#queue.run(async () => {
      await this.pg.exec('BEGIN');
      const tx = new PgliteTransaction(this.pg, this.prepared);
      try {
        const result = await this.#insideTransaction.run(true, () => fn(tx));
        await this.pg.exec('COMMIT');
        return result;
      } catch (error) {
        await this.pg.exec('ROLLBACK');
        throw error;
      } finally {
        tx.end();
      }
    });
  }

  close(): Promise<void> {
    return this.#queue.run(async () => {
      await this.pg.close();
      await this.removeFiles();
    });
  }

  #refuseReentry(): void {
    if (this.#insideTransaction.getStore()) {
      throw new Error('The outer Db was used inside one of its own PGlite transactions (it would wait for itself): use the transaction\'s `tx`.');
    }
  }
}

/** The statements of one open transaction; savepoints for nested `transaction` calls. */
class PgliteTransaction implements SqlDb {
  #open = true;
  #savepoints = 0;

  constructor(
    private readonly pg: PGlite,
    private readonly prepared: PglitePrepared,
  ) {}

  end(): void {
    this.#open = false;
  }

  async query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: T[] }> {
    this.#check();
    return this.prepared.query<T>(sql, params);
  }

  async exec(sql: string): Promise<void> {
    this.#check();
    await this.pg.exec(sql);
  }

  async transaction<T>(fn: (tx: SqlDb) => Promise<T>): Promise<T> {
    this.#check();
    return inSavepoint((sql) => this.pg.exec(sql), `sp_${++this.#savepoints}`, () => fn(this));
  }

  async close(): Promise<void> {
    throw new Error('close() is not available on a transaction');
  }

  #check(): void {
    if (!this.#open) throw new Error('This transaction has already ended');
  }
}
