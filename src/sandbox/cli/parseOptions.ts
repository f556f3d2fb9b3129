import { parseArgs } from 'node:util';
import { negativeValuesJoined, valueOptionsOf } from '../../core/cliArgs.js';
import { isLoopbackHost } from '../../core/loopback.js';

export class UsageError extends Error {
  override name = 'UsageError';
}

export interface SandboxCliOptions {
  port: number;
  host: string;
  dataDir?: string;
  databaseUrl?: string;
  providerStates: boolean;
  /** One of the slices' fault points. */
  fault?: string;
  /** Requests per minute per API key; the server's default when absent. */
  rateLimit?: number;
  help: boolean;
}

export const DEFAULT_PORT = 4010;
export const DEFAULT_HOST = '127.0.0.1';

/** The usage text; `apis` and `faultPoints` come from the slices the registry names. */
export const usage = (apis: readonly string[], faultPoints: readonly string[]) => `Usage: npm run sandbox -- [options]

A stateful reference server of the partner APIs (${apis.join(', ')}), all on one port (their paths
do not collide), with a demo tenant seeded at start.

Options:
  --port <n>           port to listen on (default ${DEFAULT_PORT}; 0 picks a free one)
  --host <address>     address to listen on (default ${DEFAULT_HOST})
  --data-dir <dir>     keep the data in PGlite files under <dir> (default: a temporary folder, deleted on stop)
  --provider-states    serve POST /__states, the conformance suite's provider states
                       (test use only; refused unless --host is a loopback address)
  --fault <point>      make the store fail on purpose at <point>: ${faultPoints.join(', ') || '(none)'}
  --rate-limit <n>     requests per minute per API key (default: generous)
  -h, --help           show this help

Environment:
  DATABASE_URL         a PostgreSQL connection string: use that database instead of PGlite

Stop with Ctrl-C (SIGINT) or SIGTERM.
`;

const positiveInt = (value: string, flag: string, min: number, max: number): number => {
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) throw new UsageError(`${flag}: '${value}' must be an integer from ${min} to ${max}`);
  return Number(value);
};

const OPTIONS = {
  port: { type: 'string' },
  host: { type: 'string' },
  'data-dir': { type: 'string' },
  'provider-states': { type: 'boolean', default: false },
  fault: { type: 'string' },
  'rate-limit': { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

const VALUE_OPTIONS = valueOptionsOf(OPTIONS);

/** Parses the command line and `DATABASE_URL`; `--fault` must be one of `faultPoints`. Throws UsageError with one line saying what to fix. */
export function parseOptions(argv: string[], env: NodeJS.ProcessEnv = {}, faultPoints: readonly string[] = []): SandboxCliOptions {
  let values;
  let tokens;
  try {
    ({ values, tokens } = parseArgs({ args: negativeValuesJoined(argv, VALUE_OPTIONS), strict: true, allowPositionals: false, options: OPTIONS, tokens: true }));
  } catch (error) {
    throw new UsageError((error as Error).message.split('\n')[0] ?? 'invalid arguments');
  }
  // parseArgs keeps the last of a repeated option: `--port 1 --port 2` is refused instead of read as 2.
  const seen = new Set<string>();
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    if (seen.has(token.name)) throw new UsageError(`--${token.name}: given more than once`);
    seen.add(token.name);
  }
  const port = values.port === undefined ? DEFAULT_PORT : positiveInt(values.port, '--port', 0, 65535);
  const host = values.host ?? DEFAULT_HOST;
  if (host.trim() === '') throw new UsageError('--host: must not be empty');
  if (values.fault !== undefined && !faultPoints.includes(values.fault)) throw new UsageError(`--fault: '${values.fault}' is not a fault point (expected one of ${faultPoints.join(', ') || 'none: no slice declares one'})`);
  const rateLimit = values['rate-limit'] === undefined ? undefined : positiveInt(values['rate-limit'], '--rate-limit', 1, 1_000_000);
  const dataDir = values['data-dir'];
  if (dataDir !== undefined && dataDir.trim() === '') throw new UsageError('--data-dir: must not be empty');
  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl && dataDir !== undefined) throw new UsageError('--data-dir and DATABASE_URL both choose the database: use one of them');
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) throw new UsageError('DATABASE_URL must be a postgres:// or postgresql:// URL');
  const providerStates = values['provider-states'] ?? false;
  if (providerStates && !isLoopbackHost(host)) {
    throw new UsageError(`--provider-states is for test use and is only served on a loopback address; --host ${host} is not one (use 127.0.0.1, ::1 or localhost)`);
  }
  return {
    port,
    host,
    ...(dataDir !== undefined ? { dataDir } : {}),
    ...(databaseUrl ? { databaseUrl } : {}),
    providerStates,
    ...(values.fault !== undefined ? { fault: values.fault } : {}),
    ...(rateLimit !== undefined ? { rateLimit } : {}),
    help: values.help ?? false,
  };
}
