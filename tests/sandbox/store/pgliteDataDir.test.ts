import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensurePgliteDataDir, temporaryPgliteDataDir } from '../../../src/sandbox/store/pgliteDataDir.js';
import { openPgliteDb } from '../../../src/sandbox/store/pgliteDb.js';

// This process's own (each is named for the pid that made it): other test files open PGlite in
// the same temporary folder at the same time, and one of theirs appearing here failed this test.
const sandboxDirs = async () => (await readdir(tmpdir())).filter((name) => name.startsWith(`sandbox-pglite-${process.pid}-`));

describe('PGlite data directories', () => {
  it('an in-memory PGlite works in its own temporary directory and removes it on close', async () => {
    const before = new Set(await sandboxDirs());
    const db = await openPgliteDb();
    const mine = (await sandboxDirs()).filter((name) => !before.has(name));
    expect(mine).toHaveLength(1);
    expect((await db.query<{ n: number }>('SELECT 1 + 1 AS n')).rows).toEqual([{ n: 2 }]);
    await db.close();
    expect(existsSync(join(tmpdir(), mine[0] as string))).toBe(false);
  });

  it('makes an empty directory a PostgreSQL cluster and leaves an initialised one alone', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pglite-data-dir-test-'));
    try {
      await ensurePgliteDataDir(dir);
      expect(existsSync(join(dir, 'PG_VERSION'))).toBe(true);
      const marker = join(dir, 'base');
      const entries = await readdir(marker);
      await ensurePgliteDataDir(dir);
      expect(await readdir(marker)).toEqual(entries);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('a temporary directory is a cluster until it is removed', async () => {
    const { dir, remove } = await temporaryPgliteDataDir();
    expect(existsSync(join(dir, 'PG_VERSION'))).toBe(true);
    await remove();
    expect(existsSync(dir)).toBe(false);
  });
});

describe('abandoned temporary directories', () => {
  it('a new temporary directory deletes those of processes that are gone, not its own or a live one', async () => {
    const gone = join(tmpdir(), 'sandbox-pglite-999999999-test');
    const live = join(tmpdir(), `sandbox-pglite-${process.pid}-test`);
    await mkdir(gone, { recursive: true });
    await mkdir(live, { recursive: true });
    const { remove } = await temporaryPgliteDataDir();
    try {
      expect(existsSync(gone)).toBe(false);
      expect(existsSync(live)).toBe(true);
    } finally {
      await remove();
      await rm(live, { recursive: true, force: true });
    }
  });
});

describe('one PGlite per data directory', () => {
  // PGlite takes no lock of its own: two processes (or two opens in one) writing one directory
  // corrupt it, and each one's read cache, which trusts it is the only writer, goes stale.
  it('a directory a PGlite has open is refused to a second open, naming the process; free again once closed', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pglite-data-dir-test-'));
    try {
      const first = await openPgliteDb(dir);
      await expect(openPgliteDb(dir)).rejects.toThrow(new RegExp(`another sandbox \\(process ${process.pid}\\) has ${dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} open`));
      expect((await first.query<{ n: number }>('SELECT 1 AS n')).rows).toEqual([{ n: 1 }]);
      await first.close();
      const again = await openPgliteDb(dir);
      await again.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('the lock of a process that is gone is taken over', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pglite-data-dir-test-'));
    try {
      await writeFile(join(dir, 'sandbox.lock'), '999999999\n');
      const db = await openPgliteDb(dir);
      expect((await readFile(join(dir, 'sandbox.lock'), 'utf8')).trim()).toBe(String(process.pid));
      await db.close();
      expect(existsSync(join(dir, 'sandbox.lock'))).toBe(false);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
