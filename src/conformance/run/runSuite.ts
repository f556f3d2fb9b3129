/**
 * Runs the suite over the chosen APIs of the registry: for each, a live target (checked reachable
 * first) or a Prism mock started from the bundled document and always stopped, then the cases.
 */
import { DocumentError, loadApi, type LoadedApi } from '../../core/loadApi.js';
import { loadProviderStateProtocol, type ProviderStateProtocol } from '../../core/providerStates/protocol.js';
import type { Registry } from '../../core/registry.js';
import { boundedFetch, DEFAULT_LIMITS, type TransportLimits } from '../../core/boundedFetch.js';
import { assertMockAvailable, startMockTarget, type MockTarget } from '../targets/mock/startMockTarget.js';
import { SuiteSetupError } from '../failClosed.js';
import type { ApiRun, Gate, RunReport, TargetInfo } from '../model.js';
import { liveTarget } from '../targets/live/liveTarget.js';
import { mockTarget } from '../targets/mock/mockTarget.js';
import { credentialsFromEnv, mockCredentials, type Credentials } from './credentials.js';
import { runApi, type ScenarioResults } from './runApi.js';
import { redactor, type Redactor } from './redact.js';

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
  /** What the run must reach to pass beyond no failed check (`--allow-empty`, `--min-coverage`). */
  gate?: Gate;
  /** Behaviour scenarios per API (skipped, with the reason, where they cannot run). */
  scenarios?: (ctx: ScenarioRunContext) => Promise<ScenarioResults>;
}

/** Secrets the reports must never show. */
export function secretsOf(options: SuiteOptions): string[] {
  return options.apis.flatMap((name) => {
    const { credentials } = credentialsFromEnv(options.registry.get(name), options.env);
    return credentials ? [credentials.apiKey, ...credentials.extraHeaders.map((h) => h.value)] : [];
  });
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
    return await Promise.all(options.apis.map((name) => loadApi(options.registry, name)));
  } catch (error) {
    if (error instanceof DocumentError) throw new SuiteSetupError(error.message);
    throw error;
  }
}

export async function runSuite(options: SuiteOptions): Promise<RunReport> {
  const started = performance.now();
  const startedAt = new Date().toISOString();
  const limits = options.limits ?? DEFAULT_LIMITS;
  const redact = redactor(secretsOf(options));
  const loaded = await loadAll(options);
  const protocol = loadProviderStateProtocol(options.registry);
  /** Every mock start, awaited in `finally` so none outlives a run that failed while it started. */
  const mocks: Promise<MockTarget>[] = [];
  try {
    const targets = await Promise.all(
      loaded.map(async (api): Promise<{ target: TargetInfo; credentials: Credentials }> => {
        const url = options.targets[api.name];
        if (url) {
          const { credentials, missing } = credentialsFromEnv(api.entry, options.env);
          if (!credentials) throw new SuiteSetupError(`${missing} is not set: the live ${api.name} target needs a key (it is never printed)`);
          await checkReachable(url, `the ${api.name} target`, limits);
          return { target: { kind: 'live', baseUrl: url }, credentials };
        }
        assertMockAvailable();
        const starting = startMockTarget(api.file);
        mocks.push(starting);
        const mock = await starting;
        return { target: { kind: 'mock', baseUrl: mock.baseUrl }, credentials: mockCredentials(api.entry) };
      }),
    );
    if (options.stateUrl) await checkReachable(options.stateUrl, 'the provider-state endpoint', limits);
    // Each API has its own target (and mock), so the APIs run side by side.
    const apis: ApiRun[] = await Promise.all(
      loaded.map((api, i) => {
        const { target, credentials } = targets[i] as { target: TargetInfo; credentials: Credentials };
        const scenarios = options.scenarios;
        return runApi({
          api,
          adapter: target.kind === 'mock' ? mockTarget : liveTarget,
          target,
          credentials,
          allowWrites: options.allowWrites,
          limits,
          redact,
          ...(options.grep ? { grep: options.grep } : {}),
          ...(options.concurrency ? { concurrency: options.concurrency } : {}),
          ...(scenarios ? { scenarios: (ctx) => scenarios({ api, credentials, protocol, allowWrites: options.allowWrites, limits, redact, ...ctx, ...(options.stateUrl ? { stateUrl: options.stateUrl } : {}) }) } : {}),
        });
      }),
    );
    return { apis, startedAt, durationMs: performance.now() - started, ...(options.gate ? { gate: options.gate } : {}) };
  } finally {
    await Promise.allSettled(mocks.map((starting) => starting.then((mock) => mock.stop())));
  }
}
