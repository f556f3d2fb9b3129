/**
 * `npm run bench`: numbers for this machine, printed with ratios to their budgets. Targets:
 * - the full conformance run against Prism for the three APIs, Prism start-up included
 *   (budget: under 30 s on a 2-core machine): wall time and cases per second;
 * - response validation throughput: ajv alone on one body, and the suite's whole response check.
 * - the sandbox next to Prism: requests per second and p50/p99 of GET and PATCH influencer,
 *   revoke and a 10,000-id Hoko delete, on PGlite and PostgreSQL (budget: the Hoko delete under
 *   1 s on PostgreSQL).
 * Nothing here asserts: noisy shared machines make timings a report, not a test.
 */
import { checkResponse } from '../../src/conformance/checks/checkResponse.js';
import { loadApi } from '../../src/conformance/run/loadApi.js';
import { runSuite } from '../../src/conformance/run/runSuite.js';
import { runScenarios } from '../../src/conformance/scenarios/runScenarios.js';
import { getOperation } from '../../src/openapi/operations.js';
import { benchMockStart } from './mockStartBench.js';
import { benchSandboxAgainstPrism } from './sandboxBench.js';

const FULL_RUN_BUDGET_S = 30;

function rate(count: number, ms: number): string {
  return `${Math.round((count / ms) * 1000).toLocaleString('en-US')}/s`;
}

async function benchFullRun(): Promise<void> {
  const started = performance.now();
  const report = await runSuite({ apis: ['layers', 'ayrshare', 'hoko'], targets: {}, env: {}, allowWrites: false, scenarios: runScenarios });
  const ms = performance.now() - started;
  const cases = report.apis.flatMap((a) => a.results);
  const sent = cases.filter((r) => r.outcome !== 'skipped').length;
  const failed = cases.filter((r) => r.outcome === 'failed').length;
  console.log(`full conformance run vs Prism (3 APIs, Prism start-up included)`);
  console.log(`  wall time        ${(ms / 1000).toFixed(2)} s   (${((ms / 1000 / FULL_RUN_BUDGET_S) * 100).toFixed(0)}% of the ${FULL_RUN_BUDGET_S} s budget)`);
  console.log(`  cases            ${cases.length} (${sent} sent, ${cases.length - sent} skipped, ${failed} failed)`);
  console.log(`  throughput       ${rate(sent, ms)} cases sent`);
}

async function benchValidation(): Promise<void> {
  const layers = await loadApi('layers');
  const op = getOperation(layers.doc, 'patch', '/v1/influencers/{influencerId}');
  const pointer = op.schemaPointer('200') as string;
  const good = op.namedExamples('200').patched as Record<string, unknown>;
  const bad = { ...good, brandVoice: 'sarcastic' };
  const validate = layers.validator.compile(pointer);
  const n = 200_000;
  let t = performance.now();
  for (let i = 0; i < n; i++) validate(i % 2 ? good : bad);
  const ajvMs = performance.now() - t;
  const response = { status: 200, headers: { 'content-type': 'application/json' }, bodyText: JSON.stringify(good) };
  const m = 50_000;
  t = performance.now();
  for (let i = 0; i < m; i++) checkResponse({ operation: op, validator: layers.validator, expect: { statuses: ['200'] }, target: 'live', response });
  const checkMs = performance.now() - t;
  console.log('response validation (Influencer, 10 fields)');
  console.log(`  ajv validate     ${rate(n, ajvMs)}`);
  console.log(`  checkResponse    ${rate(m, checkMs)}   (status, content type, JSON parse, schema, headers; ${(ajvMs / n / (checkMs / m) * 100).toFixed(0)}% of it is ajv)`);
}

async function main(): Promise<void> {
  console.log(`node ${process.version}, ${(await import('node:os')).cpus().length} cores\n`);
  await benchFullRun();
  console.log('');
  await benchMockStart();
  console.log('');
  await benchValidation();
  console.log('');
  await benchSandboxAgainstPrism();
}

main().catch((error: unknown) => {
  console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
