import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqlDb } from '../../../src/sandbox/store/sqlDb.js';
import { openPgliteDb } from '../../../src/sandbox/store/pgliteDb.js';

let db: SqlDb;
beforeAll(async () => {
  db = await openPgliteDb();
  await db.exec('CREATE TABLE items (id text PRIMARY KEY, tags text[] NOT NULL, doc jsonb, n int)');
});
afterAll(async () => {
  await db?.close();
});

describe('PGlite queries as prepared statements', () => {
  it('serialises arrays, JSON, numbers and nulls by the parameter types and parses rows back', async () => {
    await db.query('INSERT INTO items (id, tags, doc, n) VALUES ($1, $2, $3, $4)', ['a', ['x', 'y'], { k: [1, 2] }, 7]);
    await db.query('INSERT INTO items (id, tags, doc, n) VALUES ($1, $2, $3, $4)', ['b', [], null, null]);
    const { rows } = await db.query('SELECT id, tags, doc, n FROM items WHERE id = ANY($1) ORDER BY id', [['a', 'b']]);
    expect(rows).toEqual([
      { id: 'a', tags: ['x', 'y'], doc: { k: [1, 2] }, n: 7 },
      { id: 'b', tags: [], doc: null, n: null },
    ]);
  });

  it('a failing statement rejects with PostgreSQL\'s code, and the next one runs', async () => {
    await expect(db.query('INSERT INTO items (id, tags) VALUES ($1, $2)', ['a', []])).rejects.toMatchObject({ code: '23505' });
    expect((await db.query<{ n: number }>('SELECT count(*)::int AS n FROM items')).rows).toEqual([{ n: 2 }]);
  });

  it('a statement prepared before its table changed shape is prepared again', async () => {
    const sql = 'SELECT * FROM items WHERE id = $1';
    expect(Object.keys((await db.query(sql, ['a'])).rows[0] as object)).toEqual(['id', 'tags', 'doc', 'n']);
    await db.exec('ALTER TABLE items ADD COLUMN extra text');
    expect(Object.keys((await db.query(sql, ['a'])).rows[0] as object)).toEqual(['id', 'tags', 'doc', 'n', 'extra']);
  });

  it('runs inside a transaction and rolls back with it', async () => {
    await expect(
      db.transaction(async (tx) => {
        await tx.query('DELETE FROM items WHERE id = $1', ['a']);
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect((await db.query('SELECT id FROM items WHERE id = $1', ['a'])).rows).toEqual([{ id: 'a' }]);
  });
});
