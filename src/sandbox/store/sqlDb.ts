import type { Db } from './types.js';

/**
 * A `Db` that can also run a script of several statements (`exec`, simple query protocol), which
 * the migrations need and `query` (one statement, `$n` parameters) cannot do on PGlite.
 */
export interface SqlDb extends Db {
  exec(sql: string): Promise<void>;
  transaction<T>(fn: (tx: SqlDb) => Promise<T>): Promise<T>;
}
