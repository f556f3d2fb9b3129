import type { Db } from './sqlDb.js';

/** How long a found key is trusted where other processes may write the same database (PostgreSQL). */
export const SHARED_KEY_TTL_MS = 1000;

/**
 * API keys the store has found, kept in the sandbox's process so a request costs its data
 * statement only. Only found keys are kept (a key created later is looked up, not refused). The
 * store's own writes of keys and kill switches call `clear()`; a lookup that was already running
 * when `clear()` was called is not kept (it may have read the row before the write). Where
 * several sandboxes share one PostgreSQL, every write another sandbox announces clears it (see
 * pgChangeFeed.ts) and an entry expires after `SHARED_KEY_TTL_MS` anyway, so a kill switch set by
 * another process holds here within that time at most; PGlite (one process) never expires.
 */
export class KeyCache<V> {
  readonly #entries = new Map<string, { value: V; until: number }>();
  #generation = 0;

  constructor(private readonly ttlMs: number) {}

  async get(secret: string, load: () => Promise<V | null>): Promise<V | null> {
    const hit = this.#entries.get(secret);
    if (hit && hit.until > performance.now()) return hit.value;
    const generation = this.#generation;
    const value = await load();
    if (value === null) this.#entries.delete(secret);
    else if (generation === this.#generation) this.#entries.set(secret, { value, until: performance.now() + this.ttlMs });
    return value;
  }

  clear(): void {
    this.#generation++;
    this.#entries.clear();
  }
}

const caches = new WeakMap<Db, Map<string, KeyCache<unknown>>>();

/**
 * The cache named `name` of the database `db`: one per database object, so every store opened
 * over it (the slice's store, its provider states, the demo seed) clears the same one.
 */
export function keyCacheOf<V>(db: Db, name: string): KeyCache<V> {
  let byName = caches.get(db);
  if (!byName) caches.set(db, (byName = new Map()));
  let cache = byName.get(name);
  if (!cache) {
    const made = new KeyCache<unknown>(db.exclusive ? Infinity : SHARED_KEY_TTL_MS);
    db.onExternalChange?.(() => made.clear()); // another sandbox sharing the database wrote to it
    byName.set(name, (cache = made));
  }
  return cache as KeyCache<V>;
}
