/**
 * The read cache in front of the sandbox's database (src/sandbox/store/readCache.ts), over a fake
 * database that counts what reaches it and whose answers can be held back.
 */
import { describe, expect, it } from 'vitest';
import { cachedRead, EXCLUSIVE, tablesRead, withReadCache, type ChangeFeed } from '../../../src/sandbox/store/readCache.js';
import type { SqlDb } from '../../../src/sandbox/store/sqlDb.js';

const READ = 'SELECT name FROM things WHERE id = $1';

/** A database whose table is `rows`; `hold` makes the next query wait until `release()`. */
function fakeDb() {
  const state = { queries: [] as string[], name: 'first', held: undefined as undefined | (() => void), holdNext: false };
  const answer = async (sql: string) => {
    state.queries.push(sql);
    if (state.holdNext) {
      state.holdNext = false;
      const seen = state.name;
      await new Promise<void>((resolve) => (state.held = resolve));
      return { rows: [{ name: seen }] };
    }
    return { rows: [{ name: state.name }] };
  };
  const db: SqlDb = {
    query: async <T,>(sql: string) => (await answer(sql)) as { rows: T[] },
    exec: async (sql: string) => void state.queries.push(sql),
    transaction: async <T,>(fn: (tx: SqlDb) => Promise<T>) => fn(db),
    close: async () => undefined,
  };
  return { db, state, release: () => state.held?.() };
}

function manualFeed(watching: string[] = ['things']): ChangeFeed & { report(): void; live: boolean } {
  const listeners: (() => void)[] = [];
  return { live: true, onChange: (l) => void listeners.push(l), watch: async (t) => watching.includes(t), close: async () => undefined, report: () => listeners.forEach((l) => l()) };
}

const nameOf = async (db: SqlDb, id = 'a') => (await cachedRead<{ name: string }>(db, READ, [id])).rows[0]?.name;

describe('read cache', () => {
  it('answers a marked read from the database once, then from memory, per statement and parameters', async () => {
    const { db, state } = fakeDb();
    const cached = withReadCache(db, EXCLUSIVE);
    expect(await nameOf(cached)).toBe('first');
    state.name = 'changed behind its back';
    expect(await nameOf(cached)).toBe('first');
    expect(await nameOf(cached, 'b')).toBe('changed behind its back');
    expect(state.queries).toHaveLength(2);
  });

  it('drops what it kept when any other statement runs: query, exec or transaction', async () => {
    for (const write of [(d: SqlDb) => d.query('UPDATE things SET name = $1', ['x']), (d: SqlDb) => d.exec('TRUNCATE things'), (d: SqlDb) => d.transaction(async () => 1)]) {
      const { db, state } = fakeDb();
      const cached = withReadCache(db, EXCLUSIVE);
      await nameOf(cached);
      state.name = 'second';
      await write(cached);
      expect(await nameOf(cached)).toBe('second');
    }
  });

  it('does not keep a read that was on its way while a change happened', async () => {
    const { db, state, release } = fakeDb();
    const cached = withReadCache(db, EXCLUSIVE);
    state.holdNext = true;
    const early = nameOf(cached); // reads 'first', answers later
    await new Promise((r) => setImmediate(r));
    state.name = 'second';
    await cached.query('UPDATE things SET name = $1', ['second']);
    release();
    expect(await early).toBe('first');
    expect(await nameOf(cached)).toBe('second');
  });

  it('drops everything on a change the feed reports, and keeps nothing while the feed is not live', async () => {
    const { db, state } = fakeDb();
    const feed = manualFeed();
    const cached = withReadCache(db, feed);
    await nameOf(cached);
    state.name = 'written by another process';
    feed.report();
    expect(await nameOf(cached)).toBe('written by another process');
    feed.live = false;
    state.name = 'third';
    expect(await nameOf(cached)).toBe('third');
    state.name = 'fourth';
    expect(await nameOf(cached)).toBe('fourth');
  });

  it('hands out frozen rows, so no caller can edit an answer another one will get', async () => {
    const { db } = fakeDb();
    const cached = withReadCache(db, EXCLUSIVE);
    const { rows } = await cachedRead<{ name: string }>(cached, READ, ['a']);
    expect(() => {
      (rows[0] as { name: string }).name = 'edited';
    }).toThrow(TypeError);
    expect(await nameOf(cached)).toBe('first');
  });

  it('reads inside a transaction always reach the database', async () => {
    const { db, state } = fakeDb();
    const cached = withReadCache(db, EXCLUSIVE);
    await cached.transaction(async (tx) => {
      await nameOf(tx);
      await nameOf(tx);
    });
    expect(state.queries).toHaveLength(2);
  });

  it('keeps nothing of a statement that reads a table the feed does not watch, or no table it can name', async () => {
    for (const sql of ['SELECT t.name FROM things t JOIN owners o ON o.id = t.owner WHERE t.id = $1', 'SELECT $1::text AS name']) {
      const { db, state } = fakeDb();
      const cached = withReadCache(db, manualFeed(['things']));
      await cachedRead(cached, sql, ['a']);
      await cachedRead(cached, sql, ['a']);
      expect(state.queries).toHaveLength(2);
    }
  });
});

describe('tablesRead', () => {
  it('names the tables after FROM and JOIN, not functions', () => {
    expect(tablesRead('SELECT k.id FROM layers_api_keys k JOIN layers_organizations o ON o.id = k.organization_id CROSS JOIN layers_settings s')).toEqual(['layers_api_keys', 'layers_organizations', 'layers_settings']);
    expect(tablesRead('SELECT w.id FROM unnest($1::uuid[]) AS w (id) WHERE EXISTS (SELECT 1 FROM hoko_partners p WHERE p.id = w.id)')).toEqual(['hoko_partners']);
    expect(tablesRead('SELECT now()')).toEqual([]);
  });
});
