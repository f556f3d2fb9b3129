import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sliceMigrations } from '../../../src/sandbox/slices.js';
import { migrate } from '../../../src/sandbox/store/migrate.js';
import { engineName, openSandboxDatabase as openDatabase, openTestDatabase, slices } from '../../support/sandboxDatabase.js';
import type { TestDatabase } from '../../support/sandboxDatabase.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase();
});
afterAll(async () => {
  await t?.close();
});

describe(`database and migrations on ${engineName}`, () => {
  it('records every migration once; running migrate again applies nothing', async () => {
    const all = await sliceMigrations(slices);
    // Each slice's migrations are recorded under its own name, after the shared set.
    expect(all.map((m) => m.version)).toEqual(expect.arrayContaining(['sandbox/001', ...slices.map((s) => `${s.name}/001`)]));
    const { rows } = await t.db.query<{ version: string }>('SELECT version FROM schema_migrations ORDER BY version');
    expect(rows.map((r) => r.version)).toEqual(all.map((m) => m.version).sort());
    expect(await migrate(t.db, all)).toEqual([]);
    expect(await Promise.all([migrate(t.db, all), migrate(t.db, all)])).toEqual([[], []]);
  });

  it('refuses a migration that was edited after it was applied', async () => {
    const [first] = await sliceMigrations(slices);
    await expect(migrate(t.db, [{ ...(first as NonNullable<typeof first>), checksum: 'edited' }])).rejects.toThrow(/changed after it was applied/);
  });

  it('creates every table the store uses', async () => {
    const { rows } = await t.db.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY table_name`,
    );
    expect(rows.map((r) => r.table_name)).toEqual(
      expect.arrayContaining([
        'layers_settings', 'layers_organizations', 'layers_api_keys', 'layers_projects', 'layers_influencers', 'layers_social_accounts',
        'layers_scheduled_posts', 'idempotency_records', 'ayrshare_profiles', 'ayrshare_posts', 'hoko_workspaces', 'hoko_api_keys', 'hoko_partners', 'schema_migrations',
      ]),
    );
    for (const { slice } of slices) expect(await readFile(new URL('001_initial.sql', slice.migrations), 'utf8')).toMatch(/CREATE TABLE/);
  });

  it('commits a transaction, and rolls everything back when it throws', async () => {
    await t.db.query('CREATE TABLE IF NOT EXISTS tx_probe (n int)');
    await t.db.transaction(async (tx) => {
      await tx.query('INSERT INTO tx_probe VALUES (1)');
    });
    await expect(
      t.db.transaction(async (tx) => {
        await tx.query('INSERT INTO tx_probe VALUES (2)');
        throw new Error('stop');
      }),
    ).rejects.toThrow('stop');
    expect((await t.db.query<{ n: number }>('SELECT n FROM tx_probe ORDER BY n')).rows).toEqual([{ n: 1 }]);
  });

  it('rolls back only a nested transaction that throws (savepoint), keeping the outer one', async () => {
    await t.db.query('CREATE TABLE IF NOT EXISTS nested_probe (n int)');
    await t.db.transaction(async (tx) => {
      await tx.query('INSERT INTO nested_probe VALUES (1)');
      await expect(
        tx.transaction(async (inner) => {
          await inner.query('INSERT INTO nested_probe VALUES (2)');
          throw new Error('inner');
        }),
      ).rejects.toThrow('inner');
      await tx.transaction(async (inner) => {
        await inner.query('INSERT INTO nested_probe VALUES (3)');
      });
    });
    expect((await t.db.query<{ n: number }>('SELECT n FROM nested_probe ORDER BY n')).rows).toEqual([{ n: 1 }, { n: 3 }]);
  });

  it('does not let concurrent transactions see or interleave each other\'s uncommitted statements', async () => {
    await t.db.query('CREATE TABLE IF NOT EXISTS tx_counter (id int PRIMARY KEY, n int NOT NULL)');
    await t.db.query('INSERT INTO tx_counter VALUES (1, 0) ON CONFLICT (id) DO UPDATE SET n = 0');
    // Read-modify-write with a row lock: 20 concurrent increments must all land.
    await Promise.all(
      Array.from({ length: 20 }, () =>
        t.db.transaction(async (tx) => {
          const { rows } = await tx.query<{ n: number }>('SELECT n FROM tx_counter WHERE id = 1 FOR UPDATE');
          await new Promise((r) => setTimeout(r, 1));
          await tx.query('UPDATE tx_counter SET n = $1 WHERE id = 1', [(rows[0]?.n ?? 0) + 1]);
        }),
      ),
    );
    // Failing transactions interleaved with plain statements leave nothing behind.
    await Promise.all([
      t.db.transaction(async (tx) => {
        await tx.query('UPDATE tx_counter SET n = -100 WHERE id = 1');
        await new Promise((r) => setTimeout(r, 5));
        throw new Error('rolled back');
      }).catch(() => undefined),
      t.db.query('SELECT n FROM tx_counter WHERE id = 1').then(({ rows }) => expect(rows).toEqual([{ n: 20 }])),
    ]);
    expect((await t.db.query('SELECT n FROM tx_counter WHERE id = 1')).rows).toEqual([{ n: 20 }]);
  });

  it('supports a nested transaction as a savepoint', async () => {
    await t.db.query('CREATE TABLE IF NOT EXISTS tx_nested (n int)');
    await t.db.transaction(async (tx) => {
      await tx.query('INSERT INTO tx_nested VALUES (1)');
      await tx.transaction(async (inner) => {
        await inner.query('INSERT INTO tx_nested VALUES (2)');
        throw new Error('inner');
      }).catch(() => undefined);
    });
    expect((await t.db.query('SELECT n FROM tx_nested')).rows).toEqual([{ n: 1 }]);
  });
});

describe('PGlite specifics', () => {
  it('throws (instead of waiting forever) when the outer Db is used inside its own transaction', async () => {
    const db = await openDatabase();
    try {
      await expect(db.transaction(async () => db.query('SELECT 1'))).rejects.toThrow(/inside one of its own PGlite transactions/);
      expect((await db.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
    } finally {
      await db.close();
    }
  });
});
