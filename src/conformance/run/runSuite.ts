/**
 * Runs the suite over the chosen APIs: for each, a live target (checked reachable first) or a
 * Prism mock started from the bundled document and always stopped, then the cases.
 */
import { assertMockAvailable, startMockTarget, type MockTarget } from '../targets/mock/startMockTarget.js';
import { SuiteSetupError } from '../failClosed.js';
import type { ApiName, ApiRun, CaseResult, RunReport, TargetInfo } from '../model.js';
import { credentialsFromEnv, mockCredentials, type Credentials } from './credentials.js';
import { loadApi, type LoadedApi } from './loadApi.js';
import { runApi } from './runApi.js';

export interface SuiteOptions {
  apis: ApiName[];
  targets: Partial<Record<ApiName, string>>;
  env: NodeJS.ProcessEnv;
  allowWrites: boolean;
  grep?: RegExp;
  stateUrl?: string;
  concurrency?: number;
  /** Behaviour scenarios per API (skipped, with the reason, where they cannot run). */
  scenarios?: (api: LoadedApi, target: TargetInfo, credentials: Credentials, options: { stateUrl?: string; grep?: RegExp; writesAllowed: boolean }) => Promise<CaseResult[]>;
}

/** Secrets the reports must never show. */
export function secretsOf(options: SuiteOptions): string[] {
  return options.apis.flatMap((api) => {
    const { credentials } = credentialsFromEnv(api, options.env);
    return credentials ? [credentials.apiKey, ...credentials.extraHeaders.map((h) => h.value)] : [];
  });
}

async function checkReachable(baseUrl: string, what: string): Promise<void> {
  try {
    await fetch(baseUrl, { method: 'GET', signal: AbortSignal.timeout(5000), redirect: 'manual' });
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message;
    throw new SuiteSetupError(`cannot reach ${what} at ${baseUrl} (${cause}): is the server running, and is the URL right?`);
  }
}

export async function runSuite(options: SuiteOptions): Promise<RunReport> {
  const started = performance.now();
  const startedAt = new Date().toISOString();
  const loaded = await Promise.all(options.apis.map((api) => loadApi(api)));
  /** Every mock start, awaited in `finally` so none outlives a run that failed while it started. */
  const mocks: Promise<MockTarget>[] = [];
  try {
    const targets = await Promise.all(
      loaded.map(async ({ api, file }) => {
        const url = options.targets[api];
        if (url) {
          const { credentials, missing } = credentialsFromEnv(api, options.env);
          if (!credentials) throw new SuiteSetupError(`${missing} is not set: the live ${api} target needs a key (it is never printed)`);
          await checkReachable(url, `the ${api} target`);
          return { target: { kind: 'live', baseUrl: url } as TargetInfo, credentials };
        }
        assertMockAvailable();
        const starting = startMockTarget(file);
        mocks.push(starting);
        const mock = await starting;
        return { target: { kind: 'mock', baseUrl: mock.baseUrl } as TargetInfo, credentials: mockCredentials(api) };
      }),
    );
    if (options.stateUrl) await checkReachable(options.stateUrl, 'the provider-state endpoint');
    // Each API has its own target (and mock), so the APIs run side by side.
    const apis: ApiRun[] = await Promise.all(
      loaded.map((api, i) => {
        const { target, credentials } = targets[i] as { target: TargetInfo; credentials: Credentials };
        return runApi({
          api: api.api,
          doc: api.doc,
          validator: api.validator,
          target,
          credentials,
          allowWrites: options.allowWrites,
          ...(options.grep ? { grep: options.grep } : {}),
          ...(options.concurrency ? { concurrency: options.concurrency } : {}),
          ...(options.scenarios
            ? { scenarios: (ctx) => (options.scenarios as NonNullable<SuiteOptions['scenarios']>)(api, target, credentials, { ...ctx, ...(options.stateUrl ? { stateUrl: options.stateUrl } : {}) }) }
            : {}),
        });
      }),
    );
    return { apis, startedAt, durationMs: performance.now() - started };
  } finally {
    await Promise.allSettled(mocks.map((starting) => starting.then((mock) => mock.stop())));
  }
}
