/**
 * Runs every case of one API against one target and returns its results: derive (the neutral
 * cases and the target adapter's own), filter (--grep, the writes guard), send, check.
 */
import type { LoadedApi } from '../../core/loadApi.js';
import { deriveCases, uniqueIds } from '../cases/deriveCases.js';
import { checkResponse } from '../checks/checkResponse.js';
import type { ApiRun, CaseResult, RequestSpec, TargetInfo, TestCase } from '../model.js';
import type { TargetAdapter } from '../targets/target.js';
import { DEFAULT_LIMITS, type TransportLimits } from '../../core/boundedFetch.js';
import type { Credentials } from './credentials.js';
import { noRedaction, type Redactor } from './redact.js';
import type { PreparedResource, ResourceSetup } from './resourceSetup.js';
import { runPool } from './runPool.js';
import { addLeftOut, grepReason, selectCases } from './selectCases.js';
import { prepareRequest, sendRequest, UnsendableRequest, type PreparedRequest } from './sendRequest.js';

export interface RunApiOptions {
  api: LoadedApi;
  adapter: TargetAdapter;
  target: TargetInfo;
  credentials: Credentials;
  grep?: RegExp;
  allowWrites: boolean;
  concurrency?: number;
  /** Time and size limits of every request (default: DEFAULT_LIMITS). */
  limits?: TransportLimits;
  /** Keeps the API's secrets out of every failure (default: none to keep out). */
  redact?: Redactor;
  /** Extra cases (scenarios) run after the derived ones; told whether they may write; say how many `grep` left out. */
  scenarios?: (ctx: { target: TargetInfo; grep?: RegExp; writesAllowed: boolean }) => Promise<ScenarioResults>;
  /** Sets up the resource a case's path names, where a provider state can (live targets with --state-url). */
  resourceSetup?: ResourceSetup;
  /** Told how many of the selected cases are done, once before the first and after each one. */
  onProgress?: (done: number, total: number) => void;
}

export interface ScenarioResults {
  results: CaseResult[];
  /** Scenarios not run because they do not match `--grep`, counted with the cases left out. */
  notMatchingGrep: number;
}

/** The media type of an answer, for the report's hints. */
export const contentTypeOf = (headers: Record<string, string>): { contentType?: string } => {
  const type = headers['content-type']?.split(';')[0]?.trim().toLowerCase();
  return type ? { contentType: type } : {};
};

async function runCase(options: RunApiOptions, testCase: TestCase): Promise<CaseResult> {
  const started = performance.now();
  const { adapter } = options;
  const preflight = testCase.preflight;
  if (preflight?.outcome === 'skipped') return { testCase, outcome: 'skipped', skipReason: `${preflight.reason} (${preflight.pointer})`, failures: [], observed: [], durationMs: 0 };
  if (preflight) {
    return { testCase, outcome: 'failed', failures: [{ rule: preflight.rule ?? 'schema-compile', message: `${preflight.reason} (${preflight.pointer})` }], observed: [], durationMs: 0 };
  }
  const skipReason = adapter.skipReason(testCase);
  if (skipReason) return { testCase, outcome: 'skipped', skipReason, failures: [], observed: [], durationMs: 0 };
  let request = adapter.request(testCase);
  let resource: PreparedResource | undefined;
  try {
    resource = await options.resourceSetup?.(testCase, request);
  } catch (error) {
    return { testCase, outcome: 'failed', failures: [{ rule: 'behaviour', message: (options.redact ?? noRedaction)(`setting up the resource of the path failed: ${(error as Error).message}`) }], observed: [], durationMs: performance.now() - started };
  }
  if (resource) request = resource.request;
  const result = await sendCase(options, testCase, request, started, resource !== undefined);
  for (const message of (await resource?.teardown()) ?? []) {
    result.failures.push({ rule: 'behaviour', message: (options.redact ?? noRedaction)(message) });
    result.outcome = 'failed';
  }
  return result;
}

/**
 * Sends one case and checks the answer. A valid request sent to resources set up for it
 * (`freshResource`) is held to the case's own statuses: nothing but the server can refuse it.
 */
async function sendCase(options: RunApiOptions, testCase: TestCase, request: RequestSpec, started: number, freshResource: boolean): Promise<CaseResult> {
  const { adapter, api } = options;
  let prepared: PreparedRequest;
  try {
    prepared = prepareRequest(api.doc, options.target.baseUrl, request, options.credentials);
  } catch (error) {
    if (!(error instanceof UnsendableRequest)) throw error;
    return { testCase, outcome: 'skipped', skipReason: error.message, failures: [], observed: [], durationMs: 0 };
  }
  try {
    const response = await sendRequest(prepared, options.limits ?? DEFAULT_LIMITS);
    const failures = checkResponse({
      operation: testCase.operation,
      doc: api.doc,
      validator: api.validator,
      expect: testCase.expect,
      expectedStatuses: freshResource && testCase.kind === 'positive' ? testCase.expect.statuses : adapter.expectedStatuses(testCase),
      ...(adapter.refusedStatuses?.(testCase) ? { refusedStatuses: adapter.refusedStatuses(testCase)! } : {}),
      target: adapter.kind,
      response,
      api: api.entry.conformance,
      extraChecks: adapter.checks,
      redact: options.redact ?? noRedaction,
    });
    const excuse = adapter.excuse?.(api, testCase, response, failures);
    if (excuse) return { testCase, outcome: 'skipped', skipReason: (options.redact ?? noRedaction)(excuse), failures: [], observed: [], curl: prepared.curl, durationMs: performance.now() - started };
    return {
      testCase,
      outcome: failures.length === 0 ? 'passed' : 'failed',
      failures,
      observed: [{ operationId: testCase.operation.operationId, status: response.status, passed: failures.length === 0, ...contentTypeOf(response.headers) }],
      curl: prepared.curl,
      durationMs: performance.now() - started,
    };
  } catch (error) {
    const excuse = adapter.excuseTransport?.(api, testCase, error as Error);
    if (excuse) return { testCase, outcome: 'skipped', skipReason: (options.redact ?? noRedaction)(excuse), failures: [], observed: [], curl: prepared.curl, durationMs: performance.now() - started };
    return {
      testCase,
      outcome: 'failed',
      failures: [{ rule: 'transport', message: (options.redact ?? noRedaction)(`no response: ${(error as Error).message}`) }],
      observed: [],
      curl: prepared.curl,
      durationMs: performance.now() - started,
    };
  }
}

export async function runApi(options: RunApiOptions): Promise<ApiRun> {
  const started = performance.now();
  const { api, adapter } = options;
  // Two rules breaking the same keyword at one spot give two cases: the second gets ` #2`, not a stop.
  const all = uniqueIds([...adapter.extraCases(api), ...deriveCases(api)]);
  const { cases, leftOut, writesAllowed } = selectCases(all, options.target, { allowWrites: options.allowWrites, ...(options.grep ? { grep: options.grep } : {}) });
  let done = 0;
  options.onProgress?.(done, cases.length);
  const results = await runPool(cases, options.concurrency ?? 8, async (c) => {
    const result = await runCase(options, c);
    options.onProgress?.(++done, cases.length);
    return result;
  });
  if (options.scenarios) {
    const scenarios = await options.scenarios({ target: options.target, writesAllowed, ...(options.grep ? { grep: options.grep } : {}) });
    results.push(...scenarios.results);
    if (options.grep) addLeftOut(leftOut, grepReason(options.grep), scenarios.notMatchingGrep);
  }
  const notVerified = whyNothingChecked(results, leftOut);
  return {
    api: api.name,
    target: options.target,
    operations: api.operations.map((op) => ({ operationId: op.operationId, method: op.method.toUpperCase(), path: op.path, statuses: op.statuses() })),
    results,
    leftOut,
    durationMs: performance.now() - started,
    ...(notVerified ? { notVerified } : {}),
    ...(api.warnings && api.warnings.length > 0 ? { notes: api.warnings } : {}),
  };
}

/** Why a run checked nothing (no case passed or failed), in one line; undefined when something was checked. */
export function whyNothingChecked(results: readonly CaseResult[], leftOut: ApiRun['leftOut']): string | undefined {
  if (results.some((r) => r.outcome !== 'skipped')) return undefined;
  const skips = [...new Set(results.map((r) => r.skipReason ?? 'no reason'))];
  const why = [...leftOut.map((l) => `${l.count} left out: ${l.reason}`), ...(skips.length > 0 ? [`${results.length} skipped: ${skips.join('; ')}`] : [])];
  return `no answer was checked (${why.length > 0 ? why.join('; ') : 'no cases'})`;
}
