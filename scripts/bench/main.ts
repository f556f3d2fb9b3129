/**
 * `npm run bench`: numbers for this machine, printed with ratios to their budgets. Targets:
 * - the full conformance run against Prism for the three APIs, Prism start-up included
 *   (budget: under 30 s on a 2-core machine): wall time and cases per second;
 * - response validation throughput: ajv alone on one body, and the suite's whole response check.
 * - the sandbox next to Prism: requests per second and p50/p99 of each slice's workloads, on
 *   PGlite and PostgreSQL (budget: a timed workload under 1 s on PostgreSQL).
 * Nothing here asserts: noisy shared machines make timings a report, not a test.
 */
import { checkResponse } from '../../src/conformance/checks/checkResponse.js';
import { loadApis } from '../../src/core/loadApi.js';
import { loadRegistry } from '../../src/core/registry.js';
import { runSuite } from '../../src/conformance/run/runSuite.js';
import { runScenarios } from '../../src/conformance/scenarios/runScenarios.js';
import { benchSandboxAgainstPrism } from './sandboxBench.js';

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
}

async function benchValidation(): Promise<void> {
  // The first operation of the registry with a named 200 example: a realistic body, from the documents.
  const apis = await loadApis(loadRegistry());
  const found = apis.flatMap((api) => api.operations.map((op) => ({ api, op, example: Object.values(op.namedExamples('200'))[0] }))).find((x) => x.example !== undefined && x.op.schemaPointer('200'));
  if (!found) throw new Error('no operation of the registry has a named 200 example');
  const { api, op } = found;
  const pointer = op.schemaPointer('200') as string;
  const good = found.example as Record<string, unknown>;
  const bad = { ...good, [Object.keys(good)[0] ?? 'x']: { not: 'valid' } };
  const validate = api.validator.compile(pointer);
  const n = 200_000;
  let t = performance.now();
  for (let i = 0; i < n; i++) validate(i % 2 ? good : bad);
  const ajvMs = performance.now() - t;
  const response = { status: 200, headers: { 'content-type': 'application/json' }, bodyText: JSON.stringify(good) };
  const m = 50_000;
  t = performance.now();
  for (let i = 0; i < m; i++) checkResponse({ operation: op, validator: api.validator, expect: { statuses: ['200'] }, target: 'live', response });
  const checkMs = performance.now() - t;
  console.log(`response validation (${api.name} ${op.operationId} 200, ${Object.keys(good).length} fields)`);
  console.log(`  ajv validate     ${rate(n, ajvMs)}`);
  console.log(`  checkResponse    ${rate(m, checkMs)}   (status, content type, JSON parse, schema, headers; ${(ajvMs / n / (checkMs / m) * 100).toFixed(0)}% of it is ajv)`);
}

async function main(): Promise<void> {
  console.log(`node ${process.version}, ${(await import('node:os')).cpus().length} cores\n`);
  await benchFullRun();
  console.log('');
  await benchValidation();
  console.log('');
  await benchSandboxAgainstPrism();
}

main().catch((error: unknown) => {
  console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
