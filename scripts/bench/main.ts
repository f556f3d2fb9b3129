/**
 * `npm run bench`: numbers for this machine, printed with ratios to their budgets. Targets:
 * - the full conformance run against Prism for every API of the registry, Prism start-up included
 *   (budget: under 30 s on a 2-core machine): wall time and cases per second;
 * - response validation throughput: ajv alone on every documented 2xx example, and the suite's whole response check.
 * - the sandbox next to Prism: requests per second and p50/p99 of each slice's workloads, on
 *   PGlite and PostgreSQL (budget: a timed workload under 1 s on PostgreSQL).
 * - the sandbox fuzzed from the documents: inputs per second, and any failure with its seed.
 * - the large public documents of the corpus (--spec): load time, cases/s and peak memory;
 * - the docs site: bytes per page and of the shared Redoc script, time to first operation in Chromium.
 * Nothing here asserts: noisy shared machines make timings a report, not a test.
 */
import { checkResponse } from '../../src/conformance/checks/checkResponse.js';
import { loadApis } from '../../src/core/loadApi.js';
import { loadRegistry } from '../../src/core/registry.js';
import { runSuite } from '../../src/conformance/run/runSuite.js';
import { runScenarios } from '../../src/conformance/scenarios/runScenarios.js';
import { benchCorpus } from './corpusBench.js';
import { benchDocs } from './docsBench.js';
import { deriveCases } from '../../src/conformance/cases/deriveCases.js';
import { mockTarget } from '../../src/conformance/targets/mock/mockTarget.js';
import { startMockTarget } from '../../src/conformance/targets/mock/startMockTarget.js';
import { benchFuzz } from './fuzzBench.js';
import { benchMockStart } from './mockStartBench.js';
import { printIssueTargets } from './issueTargets.js';
import { benchSandboxAgainstPrism } from './sandboxBench.js';
import { readFlags, runCommandLine } from '../commandLine.js';

const FULL_RUN_BUDGET_S = 30;

function rate(count: number, ms: number): string {
  return `${Math.round((count / ms) * 1000).toLocaleString('en-US')}/s`;
}

async function benchFullRun(): Promise<void> {
  const started = performance.now();
  const registry = loadRegistry();
  const report = await runSuite({ registry, apis: registry.apis.map((a) => a.name), targets: {}, env: {}, allowWrites: false, scenarios: runScenarios });
  const ms = performance.now() - started;
  const cases = report.apis.flatMap((a) => a.results);
  const sent = cases.filter((r) => r.outcome !== 'skipped').length;
  const failed = cases.filter((r) => r.outcome === 'failed').length;
  console.log(`full conformance run vs Prism (${report.apis.length} APIs, Prism start-up included)`);
  console.log(`  wall time        ${(ms / 1000).toFixed(2)} s   (${((ms / 1000 / FULL_RUN_BUDGET_S) * 100).toFixed(0)}% of the ${FULL_RUN_BUDGET_S} s budget)`);
  console.log(`  cases            ${cases.length} (${sent} sent, ${cases.length - sent} skipped, ${failed} failed)`);
  console.log(`  throughput       ${rate(sent, ms)} cases sent`);
  await benchPhases();
}

/**
 * The run's phases, each timed on its own in this (warm) process: loading and compiling the
 * documents, starting the mocks, deriving the cases, and sending and checking them (the checks
 * alone are measured by the response-validation bench below).
 */
async function benchPhases(): Promise<void> {
  const registry = loadRegistry();
  let t = performance.now();
  const apis = await loadApis(registry);
  const loadMs = performance.now() - t;
  t = performance.now();
  const mocks = await Promise.all(apis.map((api) => startMockTarget(api.file)));
  const startMs = performance.now() - t;
  try {
    t = performance.now();
    const cases = apis.flatMap((api) => [...mockTarget.extraCases(api), ...deriveCases(api)]);
    const deriveMs = performance.now() - t;
    t = performance.now();
    const report = await runSuite({ registry, apis: registry.apis.map((a) => a.name), targets: {}, env: {}, allowWrites: false });
    const runMs = performance.now() - t;
    const sent = report.apis.flatMap((a) => a.results).filter((r) => r.outcome !== 'skipped').length;
    console.log(`  phases (warm process): load ${loadMs.toFixed(0)} ms, mock start ${startMs.toFixed(0)} ms, derive ${cases.length} cases ${deriveMs.toFixed(0)} ms, a whole run (its own start, send, check ${sent}) ${runMs.toFixed(0)} ms`);
  } finally {
    await Promise.all(mocks.map((m) => m.stop()));
  }
}

async function benchValidation(): Promise<void> {
  // Every documented 2xx JSON example of every API, each checked as the suite checks a response.
  const apis = await loadApis(loadRegistry());
  const samples = apis.flatMap((api) =>
    api.operations.flatMap((operation) =>
      operation.statuses().filter((s) => /^2/.test(s)).flatMap((status) => {
        const pointer = operation.schemaPointer(status);
        if (!pointer) return [];
        const validate = api.validator.compile(pointer);
        return Object.values(operation.namedExamples(status)).map((body) => ({ api, operation, status, validate, body }));
      }),
    ),
  );
  const n = 200_000;
  let t = performance.now();
  for (let i = 0; i < n; i++) {
    const s = samples[i % samples.length]!;
    s.validate(s.body);
  }
  const ajvMs = performance.now() - t;
  const responses = samples.map((s) => ({ ...s, response: { status: Number(s.status), headers: { 'content-type': 'application/json' }, bodyText: JSON.stringify(s.body) } }));
  const m = 50_000;
  t = performance.now();
  for (let i = 0; i < m; i++) {
    const s = responses[i % responses.length]!;
    checkResponse({ operation: s.operation, validator: s.api.validator, expect: { statuses: [s.status] }, target: 'live', response: s.response, api: s.api.entry.conformance });
  }
  const checkMs = performance.now() - t;
  console.log(`response validation (${samples.length} documented 2xx examples of ${apis.length} APIs, round robin)`);
  console.log(`  ajv validate     ${rate(n, ajvMs)}`);
  console.log(`  checkResponse    ${rate(m, checkMs)}   (status, content type, JSON parse, schema, headers; ${(ajvMs / n / (checkMs / m) * 100).toFixed(0)}% of it is ajv)`);
}

async function main(): Promise<void> {
  readFlags({}); // it takes none: a flag is refused before the first benchmark starts
  console.log(`node ${process.version}, ${(await import('node:os')).cpus().length} cores\n`);
  await benchFullRun();
  console.log('');
  const mock = await benchMockStart();
  console.log('');
  await benchValidation();
  console.log('');
  await benchCorpus();
  console.log('');
  const sandbox = await benchSandboxAgainstPrism();
  console.log('');
  await benchFuzz();
  console.log('');
  await benchDocs();
  console.log('');
  printIssueTargets(mock, loadRegistry().apis.length, sandbox);
}

runCommandLine('bench', main);
