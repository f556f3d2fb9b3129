import type { Db, SqlDb } from './sqlDb.js';

/** The most answers kept; past it the oldest is dropped first. */
export const READ_CACHE_ENTRIES = 10_000;

/**
 * What tells this process that another one changed the database. `live` is false while a change
 * could go unreported (no listener connected): then nothing is cached.
 */
export interface ChangeFeed {
  readonly live: boolean;
  /** `listener` runs on every change another process commits, and whenever `live` changes. */
  onChange(listener: () => void): void;
  /** Resolves true once every change another process makes to `table` will be reported (false: it never will). */
  watch(table: string): Promise<boolean>;
  close(): Promise<void>;
}

/** A database only this process can write (PGlite): every change goes through the wrapper below. */
export const EXCLUSIVE: ChangeFeed = { live: true, onChange: () => undefined, watch: async () => true, close: async () => undefined };

/**
 * The tables a statement reads: the plain names after FROM and JOIN (a name followed by `(` is a
 * function, not a table). A statement in which none is found is not cached.
 */
export function tablesRead(sql: string): string[] {
  return [...new Set([...sql.matchAll(/\b(?:FROM|JOIN)\s+([A-Za-z_][A-Za-z0-9_]*)\b(?!\s*\()/gi)].map((m) => (m[1] as string).toLowerCase()))];
}

/**
 * `db` with `cachedQuery`: reads a store marks as depending on table rows only (no `now()`, no
 * locks, no side effect) are answered from this process's memory until the next change. A change
 * is any other statement this process sends (every `query`, `exec` and transaction counts as a
 * write, before it runs and again once it has ended) and every change the feed reports. A read that
 * was on its way while a change happened is answered but not kept: it may have read the old rows.
 * Reads inside a transaction are never cached (they go to `tx.query`), nor is a statement that
 * reads a table the feed does not watch (`tablesRead`, `ChangeFeed.watch`). The rows handed out are
 * frozen, so a caller that tries to edit a shared answer fails loudly instead of corrupting it.
 */
export function withReadCache(db: SqlDb, feed: ChangeFeed): SqlDb {
  return new ReadCachingDb(db, feed);
}

/** A read through `db`'s cache where it has one, else an ordinary query (transactions, bare drivers). */
export function cachedRead<T = Record<string, unknown>>(db: Db, sql: string, params: unknown[]): Promise<{ rows: T[] }> {
  return db.cachedQuery ? db.cachedQuery<T>(sql, params) : db.query<T>(sql, params);
}

class ReadCachingDb implements SqlDb {
  readonly #answers = new Map<string, { rows: readonly unknown[] }>();
  /** Per statement, whether the feed watches every table it reads: the answer once settled, before that its promise. */
  readonly #watched = new Map<string, boolean | Promise<boolean>>();
  #generation = 0;

  constructor(
    private readonly inner: SqlDb,
    private readonly feed: ChangeFeed,
  ) {
    feed.onChange(() => this.#changed());
  }

  get exclusive(): boolean | undefined {
    return this.inner.exclusive;
  }

  onExternalChange(listener: () => void): void {
    this.feed.onChange(listener);
  }

  async cachedQuery<T = Record<string, unknown>>(sql: string, params: unknown[]): Promise<{ rows: T[] }> {
    const watched = this.feed.live && this.#isWatched(sql);
    if (!(typeof watched === 'boolean' ? watched : await watched)) return this.inner.query<T>(sql, params);
    const key = `${sql}\u0000${JSON.stringify(params)}`;
    const hit = this.#answers.get(key);
    if (hit) return hit as { rows: T[] };
    const generation = this.#generation;
    const { rows } = await this.inner.query<T>(sql, params);
    const answer = { rows: rows.map((row) => Object.freeze(row)) };
    if (generation === this.#generation && this.feed.live) {
      if (this.#answers.size >= READ_CACHE_ENTRIES) this.#answers.delete(this.#answers.keys().next().value as string);
      this.#answers.set(key, answer);
    }
    return answer;
  }

  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: T[] }> {
    return this.#write(() => this.inner.query<T>(sql, params));
  }

  exec(sql: string): Promise<void> {
    return this.#write(() => this.inner.exec(sql));
  }

  transaction<T>(fn: (tx: SqlDb) => Promise<T>): Promise<T> {
    return this.#write(() => this.inner.transaction(fn));
  }

  close(): Promise<void> {
    this.#changed();
    // The feed first: it unlists this sandbox through the database's own connections.
    return this.feed.close().then(() => this.inner.close());
  }

  async #write<T>(run: () => Promise<T>): Promise<T> {
    this.#changed();
    try {
      return await run();
    } finally {
      this.#changed();
    }
  }

  /** Whether the feed reports every change to the tables `sql` reads (asked once per statement). */
  #isWatched(sql: string): boolean | Promise<boolean> {
    const known = this.#watched.get(sql);
    if (known !== undefined) return known;
    const tables = tablesRead(sql);
    const asking = (tables.length === 0 ? Promise.resolve(false) : Promise.all(tables.map((t) => this.feed.watch(t))).then((all) => all.every(Boolean), () => false)).then((ok) => {
      this.#watched.set(sql, ok);
      return ok;
    });
    this.#watched.set(sql, asking);
    return asking;
  }

  #changed(): void {
    this.#generation++;
    this.#answers.clear();
  }
}
