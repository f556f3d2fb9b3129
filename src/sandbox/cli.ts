/**
 * `npm run sandbox -- [options]`: gathers the slices the registry names, opens the database
 * (PGlite in a temporary folder, PGlite under --data-dir, or the PostgreSQL of DATABASE_URL) and migrates it
 * with every slice's migrations, seeds the demo tenants, serves every API on one port and prints
 * how to call them. Exit 2 for a bad command line (one line on stderr), 1 when it cannot
 * start, 0 after a clean stop on SIGINT, SIGTERM or SIGHUP, or when its parent process goes away.
 *
 * `npm run sandbox` runs node under `sh` under npm: a signal to the npm process reaches neither
 * child, so the sandbox watches its parent (PARENT_POLL_MS) and stops once it has been re-parented.
 */
import { createServer } from 'node:net';
import { loadRegistry, type Registry } from '../core/registry.js';
import { banner } from './cli/banner.js';
import { dataDirProblem } from './cli/dataDir.js';
import { parseOptions, usage, UsageError, type SandboxCliOptions } from './cli/parseOptions.js';
import { createSandboxServer, type ListeningSandbox } from './http/createSandboxServer.js';
import { loadSlices, mountSlices, sliceFaultPoints, sliceMigrations, type NamedSlice } from './slices.js';
import { openDatabase } from './store/openDatabase.js';
import type { Db } from './store/sqlDb.js';
import { runCli } from '../core/cliArgs.js';

/** How often the sandbox checks that the process that started it is still there. */
const PARENT_POLL_MS = 250;

const fail = (message: string, code: number): number => {
  process.stderr.write(`sandbox: ${message}\n`);
  return code;
};

/** Why `host:port` cannot be listened on, found before the database is set up; undefined when it can (with port 0, whether the host can be). */
async function portProblem(host: string, port: number): Promise<string | undefined> {
  const probe = createServer();
  try {
    await new Promise<void>((resolve, reject) => {
      probe.once('error', reject);
      probe.listen(port, host, () => resolve());
    });
    return undefined;
  } catch (error) {
    return listenProblem(host, port, error);
  } finally {
    await new Promise<void>((resolve) => probe.close(() => resolve()));
  }
}

const listenProblem = (host: string, port: number, error: unknown) => {
  const code = (error as { code?: string }).code;
  const why =
    code === 'EADDRINUSE'
      ? 'it is in use (pass another --port)'
      : code === 'EADDRNOTAVAIL'
        ? 'no such address on this machine (check --host)'
        : code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NONAME'
          ? 'no such host (check --host)'
          : code === 'EACCES'
            ? 'permission denied (use a port above 1023)'
            : (error as Error).message;
  return `cannot listen on ${host}:${port}: ${why}`;
};

async function start(options: SandboxCliOptions, registry: Registry, slices: NamedSlice[]): Promise<number> {
  // A port that cannot be used is a configuration error (exit 2), said before any database work.
  const problem = (await portProblem(options.host, options.port)) ?? (options.dataDir !== undefined ? await dataDirProblem(options.dataDir) : undefined);
  if (problem) return fail(problem, 2);
  let db: Db;
  try {
    db = await openDatabase(await sliceMigrations(slices), { ...(options.databaseUrl ? { databaseUrl: options.databaseUrl } : {}), ...(options.dataDir ? { dataDir: options.dataDir } : {}) });
  } catch (error) {
    const which = options.databaseUrl ? ' of DATABASE_URL' : options.dataDir !== undefined ? ` in --data-dir ${options.dataDir}` : '';
    return fail(`cannot open the database${which}: ${(error as Error).message.split('\n')[0]}`, 1);
  }
  let listening: ListeningSandbox | undefined;
  try {
    const mounted = await mountSlices(db, registry, slices);
    const demo = await mounted.seedDemo();
    const sandbox = await createSandboxServer(mounted, {
      providerStates: options.providerStates,
      demo,
      faults: options.fault ? { failAt: options.fault } : {},
      ...(options.rateLimit ? { rateLimit: { capacity: options.rateLimit, refillPerSecond: options.rateLimit / 60 } } : {}),
    });
    try {
      listening = await sandbox.listen(options.port, options.host);
    } catch (error) {
      throw new Error(listenProblem(options.host, options.port, error));
    }
    process.stdout.write(banner(listening.baseUrl, options, mounted, demo, registry));
  } catch (error) {
    await db.close().catch(() => undefined);
    return fail((error as Error).message, 1);
  }

  const server = listening;
  return new Promise<number>((resolve) => {
    let stopping = false;
    const parent = process.ppid;
    const watch = setInterval(() => {
      if (process.ppid !== parent) stop('the parent process is gone');
    }, PARENT_POLL_MS);
    watch.unref();
    const stop = (signal: string) => {
      if (stopping) {
        process.stderr.write(`sandbox: ${signal} again, exiting now\n`);
        process.exit(1);
      }
      stopping = true;
      clearInterval(watch);
      process.stdout.write(`\nsandbox: ${signal}, stopping…\n`);
      server
        .close()
        .then(() => db.close())
        .then(
          () => resolve(0),
          (error: unknown) => resolve(fail(`stopping failed: ${(error as Error).message}`, 1)),
        );
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    process.once('SIGHUP', stop);
  });
}

export async function main(argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const registry = loadRegistry();
  const slices = await loadSlices(registry);
  const faultPoints = sliceFaultPoints(slices);
  let options: SandboxCliOptions;
  try {
    options = parseOptions(argv, env, faultPoints);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    return fail(`${error.message} (--help lists the options)`, 2);
  }
  if (options.help) {
    process.stdout.write(usage(slices.map((s) => s.name), faultPoints));
    return 0;
  }
  return start(options, registry, slices);
}

runCli('sandbox', () => main(process.argv.slice(2), process.env), 1);
