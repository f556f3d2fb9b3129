/** A SQL connection: PGlite or pg behind one shape. `$1, $2 …` parameters. */
export interface Db {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
  /** Runs `fn` in a transaction (BEGIN … COMMIT, ROLLBACK when it throws). */
  transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /** True when no other process can write this database (PGlite): what the process caches never expires. */
  readonly exclusive?: boolean;
  /**
   * A read that depends on table rows only, which may be answered from memory until the next change
   * (see readCache.ts); absent on transactions and bare drivers. Call it through `cachedRead`.
   */
  cachedQuery?<T = Record<string, unknown>>(sql: string, params: unknown[]): Promise<{ rows: T[] }>;
  /** Runs `listener` whenever another process reports a change to this database (see readCache.ts). */
  onExternalChange?(listener: () => void): void;
}

/**
 * A `Db` that can also run a script of several statements (`exec`, simple query protocol), which
 * the migrations need and `query` (one statement, `$n` parameters) cannot do on PGlite.
 */
export interface SqlDb extends Db {
  exec(sql: string): Promise<void>;
  transaction<T>(fn: (tx: SqlDb) => Promise<T>): Promise<T>;
}
