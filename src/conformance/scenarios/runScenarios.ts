/**
 * Behaviour the schema cannot state, as scenarios over the generated typed clients, run against
 * live targets that offer provider states. Elsewhere each is reported skipped, with the reason.
 */
import { listOperations } from '../../openapi/operations.js';
import { SuiteSetupError } from '../failClosed.js';
import type { CaseResult, TargetInfo, TestCase } from '../model.js';
import type { Credentials } from '../run/credentials.js';
import type { LoadedApi } from '../run/loadApi.js';
import { ayrshareScenarios } from './ayrshareScenarios.js';
import { hokoScenarios } from './hokoScenarios.js';
import { layersScenarios } from './layersScenarios.js';
import { ScenarioContext } from './scenarioContext.js';
import { SCENARIOS, type Scenario } from './scenarios.js';

const RUNNERS = { layers: layersScenarios, ayrshare: ayrshareScenarios, hoko: hokoScenarios };

function scenarioCase(scenario: Scenario, api: LoadedApi): TestCase {
  const operation = listOperations(api.doc).find((op) => op.operationId === scenario.operationId);
  if (!operation) throw new SuiteSetupError(`scenario '${scenario.name}' is about ${scenario.operationId}, which the ${api.api} document does not declare`);
  const method = operation.method.toUpperCase();
  return {
    id: `${scenario.api} scenario ${scenario.name}`,
    api: scenario.api,
    operationId: scenario.operationId,
    method,
    pathTemplate: operation.path,
    kind: 'scenario',
    title: scenario.title,
    request: { method, pathTemplate: operation.path, pathParams: {}, query: {}, headers: {}, auth: { kind: 'none' } },
    expect: { statuses: [] },
    writes: true,
  };
}

const skipped = (scenario: Scenario, api: LoadedApi, reason: string): CaseResult => ({ testCase: scenarioCase(scenario, api), outcome: 'skipped', skipReason: reason, failures: [], observed: [], durationMs: 0 });

async function runOne(scenario: Scenario, api: LoadedApi, target: TargetInfo, credentials: Credentials, stateUrl: string): Promise<CaseResult> {
  const started = performance.now();
  const ctx = new ScenarioContext(api, target, credentials.apiKey, credentials.apiKeyEnv, stateUrl);
  const run = RUNNERS[scenario.api][scenario.name];
  try {
    if (!run) throw new Error(`scenario '${scenario.name}' has no implementation`);
    await run(ctx);
  } catch (error) {
    ctx.failures.push({ rule: 'behaviour', message: `the scenario stopped: ${(error as Error).message}` });
  } finally {
    for (const message of await ctx.states.teardownAll()) ctx.failures.push({ rule: 'behaviour', message });
  }
  return {
    testCase: scenarioCase(scenario, api),
    outcome: ctx.failures.length === 0 ? 'passed' : 'failed',
    failures: ctx.failures,
    observed: ctx.observed,
    ...(ctx.lastCurl ? { curl: ctx.lastCurl } : {}),
    durationMs: performance.now() - started,
  };
}

export async function runScenarios(
  api: LoadedApi,
  target: TargetInfo,
  credentials: Credentials,
  { stateUrl, grep, writesAllowed }: { stateUrl?: string; grep?: RegExp; writesAllowed: boolean },
): Promise<CaseResult[]> {
  const scenarios = SCENARIOS.filter((s) => s.api === api.api && (!grep || grep.test(`${api.api} scenario ${s.name} ${s.title}`)));
  if (target.kind === 'mock') return scenarios.map((s) => skipped(s, api, 'needs a stateful target'));
  if (!stateUrl) return scenarios.map((s) => skipped(s, api, 'needs --state-url (provider states) on the live target'));
  if (!writesAllowed) return scenarios.map((s) => skipped(s, api, 'writes to a non-loopback target need --allow-writes'));
  const results: CaseResult[] = [];
  for (const s of scenarios) results.push(await runOne(s, api, target, credentials, stateUrl));
  return results;
}
