/**
 * `npm run sandbox -- [options]`: opens the database (PGlite in memory, PGlite under --data-dir,
 * or the PostgreSQL of DATABASE_URL), seeds the demo tenant, serves the three APIs on one port and
 * prints how to call them. Exit 2 for a bad command line (one line on stderr), 1 when it cannot
 * start, 0 after a clean stop on SIGINT or SIGTERM.
 */
import { createSandboxServer, type ListeningSandbox } from './http/createSandboxServer.js';
import { banner } from './cli/banner.js';
import { parseOptions, USAGE, UsageError, type SandboxCliOptions } from './cli/parseOptions.js';
import { createStore } from './store/createStore.js';
import { openDatabase } from './store/openDatabase.js';
import type { Db } from './store/types.js';

const fail = (message: string, code: number): number => {
  process.stderr.write(`sandbox: ${message}\n`);
  return code;
};

async function start(options: SandboxCliOptions): Promise<number> {
  let db: Db;
  try {
    db = await openDatabase({ ...(options.databaseUrl ? { databaseUrl: options.databaseUrl } : {}), ...(options.dataDir ? { dataDir: options.dataDir } : {}) });
  } catch (error) {
    return fail(`cannot open the database: ${(error as Error).message}`, 1);
  }
  let listening: ListeningSandbox | undefined;
  try {
    const store = createStore(db);
    const demo = await store.seedDemo();
    const sandbox = await createSandboxServer(store, {
      providerStates: options.providerStates,
      demo,
      faults: options.fault ? { failAt: options.fault } : {},
      ...(options.rateLimit ? { rateLimit: { capacity: options.rateLimit, refillPerSecond: options.rateLimit / 60 } } : {}),
    });
    try {
      listening = await sandbox.listen(options.port, options.host);
    } catch (error) {
      const code = (error as { code?: string }).code;
      const why = code === 'EADDRINUSE' ? 'it is in use (pass another --port)' : code === 'EADDRNOTAVAIL' ? 'no such address on this machine (check --host)' : (error as Error).message;
      throw new Error(`cannot listen on ${options.host}:${options.port}: ${why}`);
    }
    process.stdout.write(banner(listening.baseUrl, options, demo));
  } catch (error) {
    await db.close().catch(() => undefined);
    return fail((error as Error).message, 1);
  }

  const server = listening;
  return new Promise<number>((resolve) => {
    let stopping = false;
    const stop = (signal: NodeJS.Signals) => {
      if (stopping) {
        process.stderr.write(`sandbox: ${signal} again, exiting now\n`);
        process.exit(1);
      }
      stopping = true;
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
  });
}

export async function main(argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  let options: SandboxCliOptions;
  try {
    options = parseOptions(argv, env);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    return fail(`${error.message} (--help lists the options)`, 2);
  }
  if (options.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  return start(options);
}

main(process.argv.slice(2), process.env).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`sandbox: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
