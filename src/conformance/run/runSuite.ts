/**
 * Runs the suite over the chosen APIs of the registry: for each, a live target (checked reachable
 * first) or a Prism mock started from the bundled document and always stopped, then the cases.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DocumentError, loadApi, loadForeignApi, type LoadedApi } from '../../core/loadApi.js';
import { loadProviderStateProtocol, type ProviderStateProtocol } from '../../core/providerStates/protocol.js';
import { isLoopbackUrl } from '../../core/loopback.js';
import { adHocEntry, type Registry } from '../../core/registry.js';
import { boundedFetch, DEFAULT_LIMITS, type TransportLimits } from '../../core/boundedFetch.js';
import { assertMockAvailable, FOREIGN_MOCK_START_TIMEOUT_MS, startMockTarget, warmUpMockTarget, type MockTarget, type MockTargetOptions } from '../targets/mock/startMockTarget.js';
import { SuiteSetupError } from '../failClosed.js';
import type { ApiRun, Gate, RunReport, TargetInfo } from '../model.js';
import { liveTarget } from '../targets/live/liveTarget.js';
import { documentForPrism } from '../targets/mock/documentForPrism.js';
import { assertPrismCanRead } from '../targets/mock/prismReadable.js';
import type { SchemaError } from '../../openapi/schemaValidator.js';
import { createMockTarget, type MockTargetFacts } from '../targets/mock/mockTarget.js';
import { adHocCredentials, resolveHeaders, type HeaderOption } from './adHocCredentials.js';
import { credentialsFromEnv, mockCredentials, type Credentials } from './credentials.js';
import { resourceSetup } from './resourceSetup.js';
import { runApi, type ScenarioResults } from './runApi.js';
import { redactor, type Redactor } from './redact.js';

/** How long Prism may take to start on a `--spec` document by default. */
export { FOREIGN_MOCK_START_TIMEOUT_MS };

export interface ScenarioRunContext {
  api: LoadedApi;
  target: TargetInfo;
  credentials: Credentials;
  protocol: ProviderStateProtocol;
  stateUrl?: string;
  grep?: RegExp;
  /** Whether the target may be written to (loopback, a mock, or --allow-writes). */
  writesAllowed: boolean;
  /** --allow-writes: provider-state setup and teardown may also go to a non-loopback --state-url. */
  allowWrites: boolean;
  limits: TransportLimits;
  redact: Redactor;
}

export interface SuiteOptions {
  registry: Registry;
  /** Names of the registry's APIs to run. */
  apis: string[];
  /** Live targets by API name; the others run against a mock. */
  targets: Record<string, string>;
  env: NodeJS.ProcessEnv;
  allowWrites: boolean;
  grep?: RegExp;
  stateUrl?: string;
  concurrency?: number;
  /** Time and size limits of every request the suite sends (default: DEFAULT_LIMITS). */
  limits?: TransportLimits;
  /**
   * The run's redactor (default: one over `secretsOf(options)`): the CLI passes the one its output
   * goes through, so a secret learned during the run (a provider state's key) is hidden there too.
   */
  redact?: Redactor;
  /** What the run must reach to pass beyond no failed check (`--allow-empty`, `--min-coverage`). */
  gate?: Gate;
  /** Behaviour scenarios per API (skipped, with the reason, where they cannot run). */
  scenarios?: (ctx: ScenarioRunContext) => Promise<ScenarioResults>;
  /** Documents given as `--spec <name>=<file or loopback URL>`: ad-hoc registry entries, read as foreign documents. */
  specs?: { name: string; source: string }[];
  /** `--header` options (credentials of the ad-hoc APIs). */
  headers?: HeaderOption[];
  /** How long each Prism mock may take to start (`--mock-start-timeout`); default: startMockTarget's, FOREIGN_MOCK_START_TIMEOUT_MS for a `--spec` document. */
  mockStartTimeoutMs?: number;
  /** Told when each step of the run is over, for timing it (the bench): nothing is printed. */
  onPhase?: (phase: SuitePhase) => void;
  /** Told, per API, how many of its cases are done (the CLI prints a line now and then on a long run). */
  onProgress?: (api: string, done: number, total: number) => void;
}

/** The steps of a run, in order: documents read and compiled, every target ready, every case and scenario run. */
export type SuitePhase = 'documents loaded' | 'targets ready' | 'cases run';

/** Secrets the reports must never show. */
export function secretsOf(options: SuiteOptions): string[] {
  const registered = options.apis.flatMap((name) => {
    const { credentials } = credentialsFromEnv(options.registry.get(name), options.env);
    return credentials ? [credentials.apiKey, ...credentials.extraHeaders.map((h) => h.value)] : [];
  });
  const given = (options.specs ?? []).flatMap((spec) => {
    try {
      return resolveHeaders(options.headers ?? [], spec.name, options.env).map((h) => h.value);
    } catch {
      return [];
    }
  });
  // A header value is a secret as a whole and after its scheme word (`Bearer <token>`).
  return [...registered, ...given, ...given.map((v) => v.replace(/^\S+\s+/, ''))];
}

/** Whether `value` is valid at `pointer`; false when that schema does not compile. */
function safeValid(api: LoadedApi, pointer: string, value: unknown): boolean {
  try {
    return api.validator.validate(pointer, value).length === 0;
  } catch {
    return false;
  }
}

/** The schema errors of `value` at `pointer`; none when that schema does not compile (safeValid then says no). */
function safeErrors(api: LoadedApi, pointer: string, value: unknown): SchemaError[] {
  try {
    return api.validator.validate(pointer, value);
  } catch {
    return [];
  }
}

/** Any answer will do (a 3xx is not followed, the body is not read). */
async function checkReachable(baseUrl: string, what: string, limits: TransportLimits): Promise<void> {
  try {
    await boundedFetch(baseUrl, { method: 'GET' }, limits, { readBody: false });
  } catch (error) {
    throw new SuiteSetupError(`cannot reach ${what} at ${baseUrl}: ${(error as Error).message}; is the server running, and is the URL right?`);
  }
}

async function loadAll(options: SuiteOptions): Promise<LoadedApi[]> {
  try {
    return await Promise.all([
      ...options.apis.map((name) => loadApi(options.registry, name)),
      ...(options.specs ?? []).map((spec) => loadForeignApi(adHocEntry(spec.name, spec.source), spec.source)),
    ]);
  } catch (error) {
    if (error instanceof DocumentError) throw new SuiteSetupError(error.message);
    throw error;
  }
}

/** The start limit of a registry API's mock, and the flag its error names. */
function mockStartOptions(options: SuiteOptions): MockTargetOptions {
  return { limitName: '--mock-start-timeout', ...(options.mockStartTimeoutMs !== undefined ? { startTimeoutMs: options.mockStartTimeoutMs } : {}) };
}

/**
 * The mocks of the registry's APIs (their files are known before they are read), started while the
 * documents load, so Prism's start-up (its worker thread) overlaps that work; a foreign document
 * is written out only once loaded, so only Prism's code is loaded ahead for it. Nothing is started
 * when Prism is not installed: the run then says so where it always did. A start that fails is
 * reported when the run reaches it (a document error comes first, as it would anyway).
 */
function startMocksEarly(options: SuiteOptions): Map<string, Promise<MockTarget>> {
  const early = new Map<string, Promise<MockTarget>>();
  const registryMocks = options.apis.filter((name) => !options.targets[name]);
  const foreignMocks = (options.specs ?? []).filter((spec) => !options.targets[spec.name]);
  if (registryMocks.length + foreignMocks.length === 0) return early;
  try {
    assertMockAvailable();
  } catch {
    return early;
  }
  warmUpMockTarget();
  for (const name of registryMocks) {
    let file: string;
    try {
      file = options.registry.documentFile(name);
    } catch {
      continue; // an unknown name: loading says so
    }
    const starting = startMockTarget(file, mockStartOptions(options));
    starting.catch(() => undefined); // awaited (and its failure reported) where the run uses it
    early.set(name, starting);
  }
  return early;
}

export async function runSuite(options: SuiteOptions): Promise<RunReport> {
  const started = performance.now();
  const startedAt = new Date().toISOString();
  const limits = options.limits ?? DEFAULT_LIMITS;
  const redact = options.redact ?? redactor(secretsOf(options));
  /** Every mock start, awaited in `finally` so none outlives a run that failed while it started. */
  const mocks: Promise<MockTarget>[] = [];
  /** Folders of the bundled documents written for Prism (foreign documents), removed in `finally`. */
  const scratch: string[] = [];
  const early = startMocksEarly(options);
  mocks.push(...early.values());
  try {
    const loaded = await loadAll(options);
    const protocol = loadProviderStateProtocol(options.registry);
    options.onPhase?.('documents loaded');
    const targets = await Promise.all(
      loaded.map(async (api): Promise<{ target: TargetInfo; credentials: Credentials; mock?: MockTargetFacts }> => {
        const url = options.targets[api.name];
        if (api.mode === 'foreign') {
          const headers = resolveHeaders(options.headers ?? [], api.name, options.env);
          if (url) {
            await checkReachable(url, `the ${api.name} target`, limits);
            return { target: { kind: 'live', baseUrl: url }, credentials: adHocCredentials(api.doc, api.name, headers, 'live') };
          }
          // Prism refuses a document without operations (webhooks only): there is nothing to send.
          if (api.operations.length === 0) return { target: { kind: 'mock', baseUrl: '(no mock: the document has no operations)' }, credentials: adHocCredentials(api.doc, api.name, headers, 'mock') };
          assertMockAvailable();
          // Prism reads a file: the upgraded, bundled document, as JSON, in the form Prism reads as the suite does.
          const dir = await mkdtemp(join(tmpdir(), 'conformance-'));
          scratch.push(dir);
          const file = join(dir, `${api.name}.json`);
          const copy = documentForPrism(api.doc, (pointer, value) => safeValid(api, pointer, value), (pointer, value) => safeErrors(api, pointer, value));
          assertPrismCanRead(copy, api.name);
          await writeFile(file, JSON.stringify(copy));
          // A large foreign document takes Prism far longer to read than ours: 2 minutes unless told.
          const starting = startMockTarget(file, { ...mockStartOptions(options), startTimeoutMs: options.mockStartTimeoutMs ?? FOREIGN_MOCK_START_TIMEOUT_MS, documentName: api.file, limitHint: `Prism may not read some documents in any reasonable time, and --target ${api.name}=<url> checks a live server without it` });
          mocks.push(starting);
          const mock = await starting;
          return { target: { kind: 'mock', baseUrl: mock.baseUrl }, credentials: adHocCredentials(api.doc, api.name, headers, 'mock'), mock: { blindSpots: mock.blindSpots } };
        }
        if (url) {
          const { credentials, missing } = credentialsFromEnv(api.entry, options.env);
          if (!credentials) throw new SuiteSetupError(`${missing} is not set: the live ${api.name} target needs a key (it is never printed)`);
          await checkReachable(url, `the ${api.name} target`, limits);
          return { target: { kind: 'live', baseUrl: url }, credentials };
        }
        assertMockAvailable();
        const starting = early.get(api.name) ?? startMockTarget(api.file, mockStartOptions(options));
        if (!early.has(api.name)) mocks.push(starting);
        const mock = await starting;
        return { target: { kind: 'mock', baseUrl: mock.baseUrl }, credentials: mockCredentials(api.entry), mock: { blindSpots: mock.blindSpots } };
      }),
    );
    if (options.stateUrl) await checkReachable(options.stateUrl, 'the provider-state endpoint', limits);
    options.onPhase?.('targets ready');
    // Each API has its own target (and mock), so the APIs run side by side.
    const apis: ApiRun[] = await Promise.all(
      loaded.map((api, i) => {
        const { target, credentials, mock } = targets[i] as { target: TargetInfo; credentials: Credentials; mock?: MockTargetFacts };
        const scenarios = options.scenarios;
        // With --state-url on a live target (and writes allowed there), a negative body case gets its path's resource first.
        const stateUrl = options.stateUrl;
        const setup = target.kind === 'live' && stateUrl && (options.allowWrites || isLoopbackUrl(stateUrl)) ? resourceSetup(api, stateUrl, protocol, { limits, excerpt: redact.excerpt, onSecret: redact.add }) : undefined;
        return runApi({
          api,
          adapter: target.kind === 'mock' ? createMockTarget(mock) : liveTarget,
          ...(setup ? { resourceSetup: setup } : {}),
          target,
          credentials,
          allowWrites: options.allowWrites,
          limits,
          redact,
          ...(options.grep ? { grep: options.grep } : {}),
          ...(options.concurrency ? { concurrency: options.concurrency } : {}),
          ...(options.onProgress ? { onProgress: (done: number, total: number) => options.onProgress?.(api.name, done, total) } : {}),
          ...(scenarios ? { scenarios: (ctx) => scenarios({ api, credentials, protocol, allowWrites: options.allowWrites, limits, redact, ...ctx, ...(options.stateUrl ? { stateUrl: options.stateUrl } : {}) }) } : {}),
        });
      }),
    );
    options.onPhase?.('cases run');
    return { apis, startedAt, durationMs: performance.now() - started, ...(options.gate ? { gate: options.gate } : {}) };
  } finally {
    await Promise.allSettled(mocks.map((starting) => starting.then((mock) => mock.stop())));
    await Promise.allSettled(scratch.map((dir) => rm(dir, { recursive: true, force: true })));
  }
}
