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

describe('PGlite answers read from its raw bytes', () => {
  it('sends text parameters as UTF-8 with nulls, and reads them back unchanged', async () => {
    const values = ['plain', 'accents éàü', 'emoji 🦊 and CJK 漢字', '', null];
    const { rows } = await db.query<{ v: string | null }>('SELECT v FROM unnest($1::text[]) WITH ORDINALITY AS u(v, i) ORDER BY i', [values]);
    expect(rows.map((r) => r.v)).toEqual(values);
    const { rows: single } = await db.query<{ a: string | null; b: string | null }>('SELECT $1::text AS a, $2::text AS b', ['zoë 🦊', null]);
    expect(single).toEqual([{ a: 'zoë 🦊', b: null }]);
  });

  it('a statement that fails after some rows rejects instead of answering those rows', async () => {
    await expect(db.query('SELECT 10 / (n - 3) AS q FROM generate_series(1, 5) AS n')).rejects.toMatchObject({ code: '22012', message: 'division by zero' });
  });

  it('an error carries PostgreSQL\'s fields (detail, constraint), as PGlite.query gives them', async () => {
    await expect(db.query('INSERT INTO items (id, tags) VALUES ($1, $2)', ['a', []])).rejects.toMatchObject({ constraint: 'items_pkey', detail: 'Key (id)=(a) already exists.' });
  });

  it('answers larger than one WASM output chunk arrive whole', async () => {
    const { rows } = await db.query<{ n: number; pad: string }>("SELECT n, repeat('x', 1000) AS pad FROM generate_series(1, 3000) AS n");
    expect(rows).toHaveLength(3000);
    expect(rows[2999]).toEqual({ n: 3000, pad: 'x'.repeat(1000) });
  });

  it('a statement without rows answers none', async () => {
    expect((await db.query('UPDATE items SET n = n WHERE id = $1', ['nobody'])).rows).toEqual([]);
  });
});
