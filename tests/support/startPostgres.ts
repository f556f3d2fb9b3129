/**
 * A throwaway PostgreSQL server for tests: Debian's `postgresql` package (installed by `.ci/run`),
 * a new cluster in a temporary directory, trust auth, listening on a free loopback port only.
 * Where no server can be had it returns the reason, for the test to print and skip on.
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chown, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './freePort.js';

const run = promisify(execFile);

/** `url`: over TCP on loopback; `pid`: the postmaster's (its backends are its children), for the bench's CPU accounting. */
export type RunningPostgres = { url: string; pid: number; stop(): Promise<void> };

function findBinDir(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], 'bin') : undefined;
}

const quote = (s: string) => `'${s.replaceAll("'", `'\\''`)}'`;

export async function startPostgres(): Promise<RunningPostgres | { skipReason: string }> {
  const bin = findBinDir();
  if (!bin) return { skipReason: 'no PostgreSQL server is installed (Debian package `postgresql`; .ci/run installs it)' };
  const asRoot = process.getuid?.() === 0;
  let postgresUid: number | undefined;
  if (asRoot) {
    try {
      postgresUid = Number((await run('id', ['-u', 'postgres'])).stdout.trim());
    } catch {
      return { skipReason: 'running as root and there is no `postgres` user to run the server as' };
    }
  }
  const dir = await mkdtemp(join(tmpdir(), 'sandbox-pg-'));
  if (asRoot && postgresUid !== undefined) await chown(dir, postgresUid, postgresUid);
  const port = await freePort();
  // As root, PostgreSQL refuses to run: go through `su postgres`.
  const sh = (command: string) => (asRoot ? run('su', ['postgres', '-c', command]) : run('sh', ['-c', command]));
  const data = join(dir, 'data');
  try {
    await sh(`${quote(join(bin, 'initdb'))} -D ${quote(data)} -U postgres --auth=trust -E UTF8 >/dev/null`);
    await sh(`${quote(join(bin, 'pg_ctl'))} -D ${quote(data)} -l ${quote(join(dir, 'server.log'))} -o ${quote(`-p ${port} -k ${dir} -h 127.0.0.1`)} -w start >/dev/null`);
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    return { skipReason: `PostgreSQL did not start: ${(error as { stderr?: string }).stderr?.trim() || (error as Error).message}` };
  }
  // postmaster.pid's first line is the postmaster's pid.
  const pid = Number((await readFile(join(data, 'postmaster.pid'), 'utf8')).split('\n')[0]);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    pid,
    async stop() {
      await sh(`${quote(join(bin, 'pg_ctl'))} -D ${quote(data)} -m fast -w stop >/dev/null`).catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    },
  };
}
