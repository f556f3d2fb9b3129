import { parseArgs } from 'node:util';
import { API_NAMES, type ApiName } from '../model.js';

export class UsageError extends Error {
  override name = 'UsageError';
}

export interface CliOptions {
  apis: ApiName[];
  targets: Partial<Record<ApiName, string>>;
  stateUrl?: string;
  allowWrites: boolean;
  reporter: 'human' | 'junit';
  output?: string;
  grep?: RegExp;
  help: boolean;
}

export const USAGE = `Usage: npm run conformance -- [options]

Checks implementations of the partner APIs against their OpenAPI documents. With no --target,
each API is checked against a Prism mock started from generated/<api>/openapi.json.

Options:
  --api <name>              layers, ayrshare or hoko; repeatable (default: all three)
  --target <api>=<baseUrl>  check a live server instead of the mock; repeatable
  --state-url <url>         the target's provider-state endpoint (enables the behaviour scenarios)
  --allow-writes            allow requests that may change data on a non-loopback target
  --reporter human|junit    report format (default: human)
  --output <file>           write the JUnit report to this file (human report still printed)
  --grep <pattern>          run only cases whose id or title matches this regular expression
  -h, --help                show this help

Credentials come from the environment and are never printed:
  LAYERS_API_KEY, AYRSHARE_API_KEY (and optional AYRSHARE_PROFILE_KEY), HOKO_API_KEY

Exit codes: 0 every check passed, 1 a check failed, 2 usage or connection error.
`;

function isApi(name: string): name is ApiName {
  return (API_NAMES as readonly string[]).includes(name);
}

function httpUrl(value: string, flag: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`${flag}: '${value}' is not a URL (expected http://host:port/…)`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError(`${flag}: '${value}' must be an http or https URL`);
  return value.replace(/\/+$/, '');
}

/** Parses the command line; throws UsageError with a one-line message saying what to fix. */
export function parseOptions(argv: string[]): CliOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        api: { type: 'string', multiple: true },
        target: { type: 'string', multiple: true },
        'state-url': { type: 'string' },
        'allow-writes': { type: 'boolean', default: false },
        reporter: { type: 'string', default: 'human' },
        output: { type: 'string' },
        grep: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message.split('\n')[0] ?? 'invalid arguments');
  }
  const apis = [...new Set(values.api ?? API_NAMES)];
  for (const api of apis) if (!isApi(api)) throw new UsageError(`--api: unknown API '${api}' (expected one of ${API_NAMES.join(', ')})`);
  const targets: CliOptions['targets'] = {};
  for (const t of values.target ?? []) {
    const eq = t.indexOf('=');
    const api = t.slice(0, eq);
    if (eq < 1 || !isApi(api)) throw new UsageError(`--target: '${t}' must be <api>=<baseUrl> with <api> one of ${API_NAMES.join(', ')}`);
    if (!apis.includes(api)) throw new UsageError(`--target: '${api}' is not among the APIs being checked (--api ${apis.join(' --api ')})`);
    targets[api] = httpUrl(t.slice(eq + 1), '--target');
  }
  if (values.reporter !== 'human' && values.reporter !== 'junit') throw new UsageError(`--reporter: '${values.reporter}' is not a reporter (expected human or junit)`);
  let grep: RegExp | undefined;
  if (values.grep !== undefined) {
    try {
      grep = new RegExp(values.grep, 'i');
    } catch (error) {
      throw new UsageError(`--grep: ${(error as Error).message}`);
    }
  }
  return {
    apis: apis as ApiName[],
    targets,
    ...(values['state-url'] ? { stateUrl: httpUrl(values['state-url'], '--state-url') } : {}),
    allowWrites: values['allow-writes'] ?? false,
    reporter: values.reporter,
    ...(values.output ? { output: values.output } : {}),
    ...(grep ? { grep } : {}),
    help: values.help ?? false,
  };
}
