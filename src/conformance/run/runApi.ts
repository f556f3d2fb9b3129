/**
 * Runs every case of one API against one target and returns its results: derive (the neutral
 * cases and the target adapter's own), filter (--grep, the writes guard), send, check.
 */
import type { LoadedApi } from '../../core/loadApi.js';
import { deriveCases, uniqueIds } from '../cases/deriveCases.js';
import { checkResponse } from '../checks/checkResponse.js';
import type { ApiRun, CaseResult, TargetInfo, TestCase } from '../model.js';
import type { TargetAdapter } from '../targets/target.js';
import type { Credentials } from './credentials.js';
import { runPool } from './runPool.js';
import { selectCases } from './selectCases.js';
import { CredentialError, prepareRequest, sendRequest, type PreparedRequest } from './sendRequest.js';

export interface RunApiOptions {
  api: LoadedApi;
  adapter: TargetAdapter;
  target: TargetInfo;
  credentials: Credentials;
  grep?: RegExp;
  allowWrites: boolean;
  concurrency?: number;
  /** Extra cases (scenarios) run after the derived ones; told whether they may write. */
  scenarios?: (ctx: { target: TargetInfo; grep?: RegExp; writesAllowed: boolean }) => Promise<CaseResult[]>;
}

async function runCase(options: RunApiOptions, testCase: TestCase): Promise<CaseResult> {
  const started = performance.now();
  const { adapter, api } = options;
  const preflight = testCase.preflight;
  if (preflight?.outcome === 'skipped') return { testCase, outcome: 'skipped', skipReason: `${preflight.reason} (${preflight.pointer})`, failures: [], observed: [], durationMs: 0 };
  if (preflight) {
    return { testCase, outcome: 'failed', failures: [{ rule: preflight.rule ?? 'schema-compile', message: `${preflight.reason} (${preflight.pointer})` }], observed: [], durationMs: 0 };
  }
  const skipReason = adapter.skipReason(testCase);
  if (skipReason) return { testCase, outcome: 'skipped', skipReason, failures: [], observed: [], durationMs: 0 };
  let prepared: PreparedRequest;
  try {
    prepared = prepareRequest(api.doc, options.target.baseUrl, adapter.request(testCase), options.credentials);
  } catch (error) {
    if (!(error instanceof CredentialError)) throw error;
    return { testCase, outcome: 'skipped', skipReason: error.message, failures: [], observed: [], durationMs: 0 };
  }
  try {
    const response = await sendRequest(prepared);
    const failures = checkResponse({
      operation: testCase.operation,
      doc: api.doc,
      validator: api.validator,
      expect: testCase.expect,
      expectedStatuses: adapter.expectedStatuses(testCase),
      target: adapter.kind,
      response,
      api: api.entry.conformance,
      extraChecks: adapter.checks,
    });
    return {
      testCase,
      outcome: failures.length === 0 ? 'passed' : 'failed',
      failures,
      observed: [{ operationId: testCase.operation.operationId, status: response.status, passed: failures.length === 0 }],
      curl: prepared.curl,
      durationMs: performance.now() - started,
    };
  } catch (error) {
    return {
      testCase,
      outcome: 'failed',
      failures: [{ rule: 'transport', message: `no response: ${(error as Error).message}` }],
      observed: [],
      curl: prepared.curl,
      durationMs: performance.now() - started,
    };
  }
}

export async function runApi(options: RunApiOptions): Promise<ApiRun> {
  const { api, adapter } = options;
  // Two rules breaking the same keyword at one spot give two cases: the second gets ` #2`, not a stop.
  const all = uniqueIds([...adapter.extraCases(api), ...deriveCases(api)]);
  const { cases, leftOut, writesAllowed } = selectCases(all, options.target, { allowWrites: options.allowWrites, ...(options.grep ? { grep: options.grep } : {}) });
  const results = await runPool(cases, options.concurrency ?? 8, (c) => runCase(options, c));
  if (options.scenarios) results.push(...(await options.scenarios({ target: options.target, writesAllowed, ...(options.grep ? { grep: options.grep } : {}) })));
  return {
    api: api.name,
    target: options.target,
    operations: api.operations.map((op) => ({ operationId: op.operationId, method: op.method.toUpperCase(), path: op.path, statuses: op.statuses() })),
    results,
    leftOut,
    ...(api.warnings && api.warnings.length > 0 ? { notes: api.warnings } : {}),
  };
}
