/**
 * Behaviour the schema cannot state, as scenarios over the generated typed clients, run against
 * live targets that offer provider states. An API declares in its manifest that it has scenarios
 * (`conformance.scenarios`), and they live in `src/conformance/apis/<api>/scenarios.ts`.
 * Elsewhere each is reported skipped, with the reason.
 */
import type { LoadedApi } from '../../core/loadApi.js';
import { TransportError } from '../../core/boundedFetch.js';
import { isLoopbackUrl } from '../../core/loopback.js';
import { ProviderStates } from '../../core/providerStates/client.js';
import { redactFailure } from '../checks/checkResponse.js';
import { SuiteSetupError } from '../failClosed.js';
import type { CaseResult, TestCase } from '../model.js';
import type { ScenarioResults } from '../run/runApi.js';
import type { ScenarioRunContext } from '../run/runSuite.js';
import type { Scenario, Scenarios } from './scenario.js';
import { ScenarioContext } from './scenarioContext.js';

/** The scenarios of an API: none unless its manifest declares them. */
export async function loadScenarios(api: LoadedApi): Promise<Scenarios> {
  if (!api.entry.conformance.scenarios) return {};
  try {
    const specifier = `../apis/${api.name}/scenarios.js`;
    return ((await import(/* @vite-ignore */ specifier)) as { scenarios: Scenarios }).scenarios;
  } catch (error) {
    throw new SuiteSetupError(`the ${api.name} manifest declares scenarios, but src/conformance/apis/${api.name}/scenarios.ts cannot be loaded: ${(error as Error).message}`);
  }
}

function scenarioCase(api: LoadedApi, name: string, scenario: Scenario): TestCase {
  const operation = api.operations.find((op) => op.operationId === scenario.operationId);
  if (!operation) throw new SuiteSetupError(`scenario '${name}' is about ${scenario.operationId}, which the ${api.name} document does not declare`);
  const method = operation.method.toUpperCase();
  return {
    id: `${api.name} scenario ${name}`,
    api: api.name,
    operation,
    kind: 'scenario',
    title: scenario.title,
    request: { method, pathTemplate: operation.path, pathParams: {}, query: {}, headers: {}, auth: { kind: 'none' } },
    expect: { statuses: [] },
    writes: true,
  };
}

async function runOne(ctx: ScenarioRunContext, name: string, scenario: Scenario, stateUrl: string): Promise<CaseResult> {
  const started = performance.now();
  const { limits, redact } = ctx;
  const states = new ProviderStates(stateUrl, ctx.api.name, ctx.protocol, { limits, excerpt: redact.excerpt, onSecret: redact.add });
  const scenarioCtx = new ScenarioContext(ctx.api, ctx.target, ctx.credentials.apiKey, ctx.credentials.apiKeyEnv, states, { limits, redact });
  try {
    await scenario.run(scenarioCtx);
  } catch (error) {
    const message = (error as Error).message;
    scenarioCtx.failures.push(error instanceof TransportError ? { rule: 'transport', message } : { rule: 'behaviour', message: `the scenario stopped: ${message}` });
  } finally {
    for (const message of await states.teardownAll()) scenarioCtx.failures.push({ rule: 'behaviour', message });
  }
  const failures = scenarioCtx.failures.map((f) => redactFailure(f, redact));
  return {
    testCase: scenarioCase(ctx.api, name, scenario),
    outcome: failures.length === 0 ? 'passed' : 'failed',
    failures,
    observed: scenarioCtx.observed,
    ...(scenarioCtx.lastCurl ? { curl: scenarioCtx.lastCurl } : {}),
    durationMs: performance.now() - started,
  };
}

export async function runScenarios(ctx: ScenarioRunContext): Promise<ScenarioResults> {
  const { api, target, stateUrl, grep, writesAllowed } = ctx;
  const all = Object.entries(await loadScenarios(api));
  const chosen = all.filter(([name, s]) => !grep || grep.test(`${api.name} scenario ${name} ${s.title}`));
  const notMatchingGrep = all.length - chosen.length;
  const skipped = (reason: string): ScenarioResults => ({
    results: chosen.map(([name, s]) => ({ testCase: scenarioCase(api, name, s), outcome: 'skipped', skipReason: reason, failures: [], observed: [], durationMs: 0 })),
    notMatchingGrep,
  });
  if (target.kind === 'mock') return skipped('needs a stateful target');
  if (!stateUrl) return skipped('needs --state-url (provider states) on the live target');
  if (!writesAllowed) return skipped('writes to a non-loopback target need --allow-writes');
  if (!ctx.allowWrites && !isLoopbackUrl(stateUrl)) return skipped(`provider-state setup and teardown at the non-loopback ${stateUrl} need --allow-writes`);
  const results: CaseResult[] = [];
  for (const [name, s] of chosen) results.push(await runOne(ctx, name, s, stateUrl));
  return { results, notMatchingGrep };
}
