import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cp, mkdtemp, readdir, rename, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { processAlive } from './processAlive.js';

/**
 * Where PGlite's files live, and how an empty data directory is initialised without the memory
 * cost landing in this process. PGlite's `initdb` starts a second PostgreSQL instance inside the
 * process and copies the new cluster through a tarball: about 700 MiB of peak RSS that the process
 * never gives back, against about 190 MiB for opening an existing directory. So `initdb` runs once
 * in a short-lived child process that writes a template directory (cached in the OS temp directory,
 * per PGlite version); a new data directory is a copy of that template.
 */

const require = createRequire(import.meta.url);
const pgliteEntry = require.resolve('@electric-sql/pglite');
const pgliteVersion = (JSON.parse(readFileSync(join(dirname(pgliteEntry), '..', 'package.json'), 'utf8')) as { version: string }).version;

/**
 * PostgreSQL settings for every PGlite the sandbox opens: small shared buffers. PGlite touches all
 * of them at start (the default 128 MB would be resident from the first second); measured in the
 * sandbox after the bench's workloads, PGlite's WASM memory holds 33 MiB with 16 MB of buffers and
 * 21 MiB with 4 MB. A page outside them is read back from the data directory's files (the OS cache).
 */
export const pgliteStartSettings = ['-c', 'shared_buffers=4MB', '-c', 'maintenance_work_mem=8MB', '-c', 'temp_buffers=2MB'];

const initScript = `
const { PGlite } = require(process.argv[1]);
PGlite.create(process.argv[2]).then((pg) => pg.close()).then(() => process.exit(0), (e) => { console.error(e instanceof Error ? e.message : String(e)); process.exit(1); });
`;

const isInitialised = (dir: string) => existsSync(join(dir, 'PG_VERSION'));

/** Runs PGlite's `initdb` into `dir` in a child process. */
async function initInChild(dir: string): Promise<void> {
  try {
    await promisify(execFile)(process.execPath, ['-e', initScript, pgliteEntry, dir], { maxBuffer: 16 * 2 ** 20 });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim();
    throw new Error(`PGlite could not initialise ${dir}: ${stderr || (error instanceof Error ? error.message : String(error))}`);
  }
}

/** The cached, freshly initialised cluster for this PGlite version (made once, atomically). */
async function template(): Promise<string> {
  const dir = join(tmpdir(), `sandbox-pglite-template-${pgliteVersion}`);
  if (isInitialised(dir)) return dir;
  const staging = await mkdtemp(join(tmpdir(), 'sandbox-pglite-staging-'));
  try {
    await initInChild(staging);
    await rename(staging, dir).catch((error: unknown) => {
      // another process made it first: theirs is as good as ours
      if (!isInitialised(dir)) throw error;
    });
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
  return dir;
}

/** Makes `dir` (empty or missing) a PGlite cluster, from the template; an initialised `dir` is left alone. */
export async function ensurePgliteDataDir(dir: string): Promise<void> {
  if (isInitialised(dir)) return;
  await cp(await template(), dir, { recursive: true });
}


/** Deletes the temporary directories of sandboxes that were killed before they could (their process is gone). */
async function sweepAbandoned(): Promise<void> {
  for (const name of await readdir(tmpdir())) {
    const pid = /^sandbox-pglite-(\d+)-/.exec(name)?.[1];
    if (pid && !processAlive(Number(pid))) await rm(join(tmpdir(), name), { recursive: true, force: true });
  }
}

/**
 * A fresh cluster in a new temporary directory (the "in memory" sandbox): `remove` deletes it.
 * The directory is named for this process, so a later sandbox deletes it if this one is killed.
 */
export async function temporaryPgliteDataDir(): Promise<{ dir: string; remove: () => Promise<void> }> {
  await sweepAbandoned().catch(() => undefined);
  const dir = await mkdtemp(join(tmpdir(), `sandbox-pglite-${process.pid}-`));
  await ensurePgliteDataDir(dir);
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}
