/**
 * Runs every case of one API against one target and returns its results: derive, filter (target
 * kind, --grep, the writes guard), send, check.
 */
import type { OpenApiDocument } from '../../openapi/loadDocument.js';
import { listOperations, type Operation } from '../../openapi/operations.js';
import type { SchemaValidator } from '../../openapi/schemaValidator.js';
import { deriveCases } from '../cases/deriveCases.js';
import { checkResponse } from '../checks/checkResponse.js';
import type { ApiName, ApiRun, CaseResult, TargetInfo, TestCase } from '../model.js';
import { selectCases } from './selectCases.js';
import type { Credentials } from './credentials.js';
import { runPool } from './runPool.js';
import { prepareRequest, sendRequest } from './sendRequest.js';

export interface RunApiOptions {
  api: ApiName;
  doc: OpenApiDocument;
  validator: SchemaValidator;
  target: TargetInfo;
  credentials: Credentials;
  grep?: RegExp;
  allowWrites: boolean;
  concurrency?: number;
  /** Extra cases (scenarios) run after the derived ones; told whether they may write. */
  scenarios?: (ctx: { target: TargetInfo; grep?: RegExp; writesAllowed: boolean }) => Promise<CaseResult[]>;
}

async function runCase(options: RunApiOptions, operation: Operation, testCase: TestCase): Promise<CaseResult> {
  const started = performance.now();
  if (testCase.skipOn?.target === options.target.kind) {
    return { testCase, outcome: 'skipped', skipReason: testCase.skipOn.reason, failures: [], observed: [], durationMs: 0 };
  }
  const prepared = prepareRequest(options.doc, options.target.baseUrl, testCase.request, options.credentials);
  try {
    const response = await sendRequest(prepared);
    const failures = checkResponse({ operation, validator: options.validator, expect: testCase.expect, target: options.target.kind, response });
    return {
      testCase,
      outcome: failures.length === 0 ? 'passed' : 'failed',
      failures,
      observed: [{ operationId: testCase.operationId, status: response.status, passed: failures.length === 0 }],
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
  const all = deriveCases(options.api, options.doc, options.validator);
  const { cases, leftOut, writesAllowed } = selectCases(all, options.target, { allowWrites: options.allowWrites, ...(options.grep ? { grep: options.grep } : {}) });
  // Operations are resolved once per run, not once per case.
  const operations = listOperations(options.doc);
  const byId = new Map(operations.map((op) => [op.operationId, op]));
  const results = await runPool(cases, options.concurrency ?? 8, (c) => runCase(options, byId.get(c.operationId) as Operation, c));
  if (options.scenarios) results.push(...(await options.scenarios({ target: options.target, writesAllowed, ...(options.grep ? { grep: options.grep } : {}) })));
  return {
    api: options.api,
    target: options.target,
    operations: operations.map((op) => ({ operationId: op.operationId, method: op.method.toUpperCase(), path: op.path, statuses: op.statuses() })),
    results,
    leftOut,
  };
}
