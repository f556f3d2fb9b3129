/**
 * Behaviour the schema cannot state, as scenarios over the generated typed clients, run against
 * live targets that offer provider states. Elsewhere each is reported skipped, with the reason.
 */
import type { CaseResult, TargetInfo, TestCase } from '../model.js';
import type { Credentials } from '../run/credentials.js';
import type { LoadedApi } from '../run/loadApi.js';
import { ayrshareScenarios } from './ayrshareScenarios.js';
import { hokoScenarios } from './hokoScenarios.js';
import { layersScenarios } from './layersScenarios.js';
import { ScenarioContext } from './scenarioContext.js';
import { SCENARIOS, type Scenario } from './scenarios.js';

const RUNNERS = { layers: layersScenarios, ayrshare: ayrshareScenarios, hoko: hokoScenarios };

function scenarioCase(scenario: Scenario): TestCase {
  return {
    id: `${scenario.api} scenario ${scenario.name}`,
    api: scenario.api,
    operationId: scenario.operationId,
    method: scenario.method,
    pathTemplate: scenario.path,
    kind: 'scenario',
    title: scenario.title,
    request: { method: scenario.method, pathTemplate: scenario.path, pathParams: {}, query: {}, headers: {}, auth: { kind: 'none' } },
    expect: { statuses: [] },
    writes: true,
  };
}

const skipped = (scenario: Scenario, reason: string): CaseResult => ({ testCase: scenarioCase(scenario), outcome: 'skipped', skipReason: reason, failures: [], observed: [], durationMs: 0 });

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
    testCase: scenarioCase(scenario),
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
  if (target.kind === 'mock') return scenarios.map((s) => skipped(s, 'needs a stateful target'));
  if (!stateUrl) return scenarios.map((s) => skipped(s, 'needs --state-url (provider states) on the live target'));
  if (!writesAllowed) return scenarios.map((s) => skipped(s, 'writes to a non-loopback target need --allow-writes'));
  const results: CaseResult[] = [];
  for (const s of scenarios) results.push(await runOne(s, api, target, credentials, stateUrl));
  return results;
}
