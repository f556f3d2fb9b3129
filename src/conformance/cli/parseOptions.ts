import { parseArgs } from 'node:util';
import { DEFAULT_LIMITS, type TransportLimits } from '../../core/boundedFetch.js';
import { isLoopbackUrl } from '../../core/loopback.js';
import { negativeValuesJoined, valueOptionsOf } from '../../core/cliArgs.js';
import { loadRegistry, type Registry } from '../../core/registry.js';
import { parseHeaderOption, type HeaderOption } from '../run/adHocCredentials.js';
import { DEFAULT_START_TIMEOUT_MS, FOREIGN_MOCK_START_TIMEOUT_MS } from '../targets/mock/startMockTarget.js';

export class UsageError extends Error {
  override name = 'UsageError';
}

export interface CliOptions {
  registry: Registry;
  apis: string[];
  targets: Record<string, string>;
  stateUrl?: string;
  allowWrites: boolean;
  reporter: 'human' | 'junit';
  output?: string;
  grep?: RegExp;
  limits: TransportLimits;
  /** Accept an API whose run checked nothing. */
  allowEmpty: boolean;
  /** Least percentage of documented (operation, status) cells exercised and passed. */
  minCoverage?: number;
  /** `--spec <name>=<source>`: documents checked as ad-hoc APIs. */
  specs: { name: string; source: string }[];
  /** `--header <api>=<Header>: <value>`: credentials of the ad-hoc APIs. */
  headers: HeaderOption[];
  /** `--mock-start-timeout`: how long each Prism mock may take to start. */
  mockStartTimeoutMs?: number;
  help: boolean;
}

/** The help text, with the registry's APIs and the variables their keys come from; `inRepository` adds how to run it from a checkout. */
export function usage(registry: Registry, inRepository = false): string {
  const names = registry.apis.map((a) => a.name);
  const variables = registry.apis
    .map((a) => [a.credentials.apiKey.env, ...a.credentials.headers.map((h) => `${h.env} (optional)`)].join(', '))
    .join('; ');
  return `Usage: partner-api-conformance [options]${inRepository ? '   (in this repository: npm run conformance -- [options])' : ''}

Checks implementations of APIs against their OpenAPI documents. With no --target, each API is
checked against a Prism mock started from its bundled document.

Options:
  --api <name>              ${names.join(', ')}; repeatable (default: all, or none when --spec is given)
  --spec <name>=<document>  also check any OpenAPI 3.0/3.1 document (JSON or YAML, one file or the
                            root of a multi-file one, or an http URL on loopback) as API <name>;
                            repeatable. An operation the suite cannot test is reported as skipped
                            with its reason and a JSON pointer; the run goes on.
  --header <api>=<Header>: <value>
                            send this header on every request to <api> (a --spec API's credentials);
                            repeatable. \${VAR} in the value is read from the environment variable
                            VAR (quote it: --header 'box=Authorization: Bearer \${BOX_TOKEN}'). Values
                            are never printed: curl lines show \${VAR} or [REDACTED]
  --target <api>=<baseUrl>  check a live server instead of the mock; repeatable
  --state-url <url>         the target's provider-state endpoint (enables the behaviour scenarios)
  --allow-writes            allow requests that may change data on a non-loopback target, and
                            provider-state setup and teardown at a non-loopback --state-url
  --reporter human|junit    report format on stdout (default: human)
  --output <file>           write the JUnit report to this file, and the human one on stdout
                            (always JUnit, with or without --reporter junit; the path is
                            checked writable before the run)
  --grep <pattern>          run only cases and scenarios whose id or title matches this regular
                            expression (case-insensitive)
  --timeout <seconds>       time limit of every request: cases, scenarios, provider states and
                            the reachability check (default: ${DEFAULT_LIMITS.timeoutMs / 1000})
  --max-body <MiB>          largest response body read; a longer one fails the case (default: ${DEFAULT_LIMITS.maxBodyBytes / 1024 / 1024})
  --mock-start-timeout <seconds>
                            how long each Prism mock may take to start (default: ${DEFAULT_START_TIMEOUT_MS / 1000},
                            ${FOREIGN_MOCK_START_TIMEOUT_MS / 1000} for a --spec document); raise it on a busy machine
  --min-coverage <percent>  fail unless this share of documented (operation, status) cells was
                            exercised and passed (0-100)
  --allow-empty             accept an API whose run sent no request (otherwise: not verified, exit 1)
  --registry <dir>          the API registry to use (a generated/ folder; default: this package's)
  -h, --help                show this help

Credentials come from the environment and are never printed:
  ${variables}

A URL with credentials in it (http://user:password@host) is a usage error: give the key variable
or --header instead; the URL is quoted with them as [REDACTED].
Redirects are never followed: a 3xx is checked like any other answer.
A run longer than 30 s prints on stderr, every 30 s, the cases answered and an estimate of the
time left; --grep '^<api> (<operationId>|<operationId>) ' runs a slice of a large document.

Exit codes: 0 every check passed, 1 a check failed, nothing was checked or coverage is below
--min-coverage, 2 usage or connection error.
`;
}


/**
 * `text` with a URL's userinfo (`user:password@`) shown as `[REDACTED]@`, for an error that quotes
 * it: found by its shape, so a URL that does not parse is masked too.
 */
export function maskUserinfo(text: string): string {
  return text.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/?#]*@/i, '$1[REDACTED]@');
}

/** A URL flag carrying credentials: refused, since a report could print them and a server be sent them. */
function refuseUserinfo(value: string, flag: string): void {
  if (maskUserinfo(value) !== value) {
    throw new UsageError(`${flag}: '${maskUserinfo(value)}' carries credentials in the URL, which are never used; give the API's key variable or --header instead`);
  }
}

function httpUrl(value: string, flag: string): string {
  refuseUserinfo(value, flag);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`${flag}: '${value}' is not a URL (expected http://host:port/…)`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError(`${flag}: '${value}' must be an http or https URL`);
  return value.replace(/\/+$/, '');
}

/** A decimal number as written (`2`, `0.5`, `1e3`): JavaScript's Number() would also read `0x10`, `0b11`, ` 7 ` and `Infinity`. */
const DECIMAL = /^(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;

function positiveNumber(value: string, flag: string, unit: string, max: number): number {
  const n = DECIMAL.test(value) ? Number(value) : Number.NaN;
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`${flag}: '${value}' is not a positive number of ${unit}`);
  if (n > max) throw new UsageError(`${flag}: ${value} ${unit} is more than the ${max} allowed`);
  return n;
}

/** --max-body in bytes: at least one (a smaller share of a MiB would fail every answer with a body). */
function maxBodyBytes(value: string): number {
  const bytes = Math.floor(positiveNumber(value, '--max-body', 'MiB', 1024) * 1024 * 1024);
  if (bytes < 1) throw new UsageError(`--max-body: ${value} MiB is less than one byte`);
  return bytes;
}

const OPTIONS = {
  api: { type: 'string', multiple: true },
  target: { type: 'string', multiple: true },
  'state-url': { type: 'string' },
  'allow-writes': { type: 'boolean', default: false },
  reporter: { type: 'string', default: 'human' },
  output: { type: 'string' },
  grep: { type: 'string' },
  timeout: { type: 'string' },
  'max-body': { type: 'string' },
  'mock-start-timeout': { type: 'string' },
  'min-coverage': { type: 'string' },
  'allow-empty': { type: 'boolean', default: false },
  spec: { type: 'string', multiple: true },
  header: { type: 'string', multiple: true },
  registry: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

const VALUE_OPTIONS = valueOptionsOf(OPTIONS);

/** Parses the command line; throws UsageError with a one-line message saying what to fix. */
/**
 * A malformed `--header` as an error may quote it: the API name, and the header name only where
 * one ends in `:`; never the rest, which is the credential (`a=Authorization Bearer sk_…`, a
 * colon forgotten, would otherwise be printed whole).
 */
function headerOptionShown(text: string): string {
  const eq = text.indexOf('=');
  const api = eq > 0 && /^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(text.slice(0, eq)) ? `${text.slice(0, eq)}=` : '';
  const name = api ? /^[!#$%&'*+.^_`|~0-9A-Za-z-]+(?=:)/.exec(text.slice(eq + 1))?.[0] : undefined;
  return name ? `${api}${name}: …` : `${api}…`;
}

export function parseOptions(argv: string[]): CliOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: negativeValuesJoined(argv, VALUE_OPTIONS),
      strict: true,
      allowPositionals: false,
      options: OPTIONS,
    }));
  } catch (error) {
    throw new UsageError((error as Error).message.split('\n')[0] ?? 'invalid arguments');
  }
  let registry: Registry;
  try {
    registry = loadRegistry(values.registry);
  } catch (error) {
    throw new UsageError(`--registry: ${(error as Error).message}`);
  }
  const registered = registry.apis.map((a) => a.name);
  const specs: CliOptions['specs'] = [];
  for (const text of values.spec ?? []) {
    const eq = text.indexOf('=');
    const name = text.slice(0, eq);
    const source = text.slice(eq + 1);
    if (eq < 1 || !/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name) || source === '') throw new UsageError(`--spec: '${text}' must be <name>=<file or URL> with a name of letters, digits, '.', '_' or '-'`);
    if (registered.includes(name) || specs.some((s) => s.name === name)) throw new UsageError(`--spec: the name '${name}' is already taken (by ${registered.includes(name) ? 'a registry API' : 'another --spec'})`);
    refuseUserinfo(source, '--spec');
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(source) && !isLoopbackUrl(source)) throw new UsageError(`--spec: '${source}' is not a file or a loopback http URL (documents are never fetched from other hosts)`);
    specs.push({ name, source });
  }
  const names = [...registered, ...specs.map((s) => s.name)];
  const isApi = (name: string) => names.includes(name);
  const apis = [...new Set(values.api ?? (specs.length > 0 ? [] : registered))];
  for (const api of apis) if (!registered.includes(api)) throw new UsageError(`--api: unknown API '${api}' (expected one of ${registered.join(', ')})`);
  const headers: HeaderOption[] = [];
  for (const text of values.header ?? []) {
    const parsed = parseHeaderOption(text);
    if (!parsed) throw new UsageError(`--header: '${headerOptionShown(text)}' must be <api>=<Header>: <value>`);
    if (!specs.some((s) => s.name === parsed.api)) throw new UsageError(`--header: '${parsed.api}' is not a --spec API (registry APIs take their credentials from the environment)`);
    headers.push(parsed);
  }
  const targets: CliOptions['targets'] = {};
  for (const t of values.target ?? []) {
    const eq = t.indexOf('=');
    const api = t.slice(0, eq);
    if (eq < 1 || !isApi(api)) throw new UsageError(`--target: '${t}' must be <api>=<baseUrl> with <api> one of ${names.join(', ')}`);
    if (!apis.includes(api) && !specs.some((s) => s.name === api)) throw new UsageError(`--target: '${api}' is not among the APIs being checked (--api ${apis.join(' --api ')})`);
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
  let minCoverage: number | undefined;
  if (values['min-coverage'] !== undefined) {
    const text = values['min-coverage'].replace(/%$/, '');
    minCoverage = /^\d+(\.\d+)?$/.test(text) ? Number(text) : Number.NaN;
    if (!(minCoverage >= 0 && minCoverage <= 100)) throw new UsageError(`--min-coverage: '${values['min-coverage']}' is not a percentage (expected a number from 0 to 100)`);
  }
  const limits: TransportLimits = {
    timeoutMs: values.timeout === undefined ? DEFAULT_LIMITS.timeoutMs : positiveNumber(values.timeout, '--timeout', 'seconds', 86_400) * 1000,
    maxBodyBytes: values['max-body'] === undefined ? DEFAULT_LIMITS.maxBodyBytes : maxBodyBytes(values['max-body']),
  };
  return {
    registry,
    apis,
    limits,
    allowEmpty: values['allow-empty'] ?? false,
    ...(minCoverage !== undefined ? { minCoverage } : {}),
    targets,
    ...(values['state-url'] ? { stateUrl: httpUrl(values['state-url'], '--state-url') } : {}),
    allowWrites: values['allow-writes'] ?? false,
    reporter: values.reporter,
    ...(values.output ? { output: values.output } : {}),
    ...(grep ? { grep } : {}),
    ...(values['mock-start-timeout'] !== undefined ? { mockStartTimeoutMs: positiveNumber(values['mock-start-timeout'], '--mock-start-timeout', 'seconds', 86_400) * 1000 } : {}),
    specs,
    headers,
    help: values.help ?? false,
  };
}

/** Whether some API of the run goes to the Prism mock (no --target for it). */
export function usesMock(options: CliOptions): boolean {
  return [...options.apis, ...options.specs.map((spec) => spec.name)].some((name) => !options.targets[name]);
}
