/**
 * The sandbox under load next to Prism, on the same operations in the same run, on PGlite and on
 * PostgreSQL. The workloads are the slices' own (`bench` of each slice the registry names): this
 * file only runs them.
 */
import { loadRegistry, type Registry } from '../../src/core/registry.js';
import { startMockTarget } from '../../src/conformance/targets/mock/startMockTarget.js';
import { createSandboxServer } from '../../src/sandbox/http/createSandboxServer.js';
import type { BenchWorkload } from '../../src/sandbox/slice.js';
import { loadSlices, mountSlices, sliceMigrations, type NamedSlice } from '../../src/sandbox/slices.js';
import { openDatabase } from '../../src/sandbox/store/openDatabase.js';
import { startPostgres } from '../../tests/support/startPostgres.js';
import { loadTest, type LoadResult } from './loadTest.js';

const TIMED_BUDGET_MS = 1000;

interface Row {
  operation: string;
  target: string;
  result: LoadResult | { ms: number[] };
}

async function run(baseUrl: string, target: string, workload: BenchWorkload): Promise<Row> {
  if (workload.load) {
    const { method, path, paths, headers, bodies } = workload.load;
    const url = path ? `${baseUrl}${path}` : baseUrl;
    return { operation: workload.operation, target, result: await loadTest({ url, method, headers, ...(bodies ? { bodies } : {}), ...(paths ? { paths } : {}) }) };
  }
  const timed = workload.timed;
  if (!timed) throw new Error(`bench workload ${workload.operation} has neither load nor timed`);
  const ms: number[] = [];
  for (const body of timed.bodies) {
    const started = performance.now();
    const response = await fetch(`${baseUrl}${timed.path}`, { method: timed.method, headers: timed.headers, body });
    await response.text();
    if (response.status !== 200) throw new Error(`${workload.operation} answered ${response.status}`);
    ms.push(performance.now() - started);
  }
  return { operation: workload.operation, target, result: { ms } };
}

/** Every slice's workloads against one sandbox database, and (once) against Prism of each document. */
async function benchSandbox(registry: Registry, slices: NamedSlice[], target: string, withPrism: boolean, databaseUrl?: string): Promise<Row[]> {
  const db = await openDatabase(await sliceMigrations(slices), databaseUrl ? { databaseUrl } : {});
  const rows: Row[] = [];
  try {
    const sandbox = await mountSlices(db, registry, slices);
    const demo = await sandbox.seedDemo();
    const server = await (await createSandboxServer(sandbox, { demo, rateLimit: { capacity: 1e9, refillPerSecond: 1e9 }, log: () => undefined })).listen(0, '127.0.0.1');
    try {
      for (const m of sandbox.slices) {
        if (!m.slice.bench) continue;
        const workloads = await m.slice.bench({ store: m.store, demo: demo[m.name] });
        if (withPrism) {
          const prism = await startMockTarget(registry.documentFile(m.name));
          try {
            for (const w of workloads.prism) rows.push(await run(prism.baseUrl, 'Prism', w));
          } finally {
            await prism.stop();
          }
        }
        for (const w of workloads.sandbox) rows.push(await run(server.baseUrl, target, w));
      }
    } finally {
      await server.close();
    }
  } finally {
    await db.close();
  }
  return rows;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const rps = (row: Row) => ('ms' in row.result ? 1000 / median(row.result.ms) : row.result.requestsPerSecond);

function printTable(rows: Row[]): void {
  const prism = new Map(rows.filter((r) => r.target === 'Prism').map((r) => [r.operation, rps(r)]));
  console.log(`  ${'operation'.padEnd(28)}${'target'.padEnd(13)}${'req/s'.padStart(9)}${'p50 ms'.padStart(9)}${'p99/max ms'.padStart(12)}${'vs Prism'.padStart(10)}  notes`);
  for (const row of rows) {
    const [p50, p99] = 'ms' in row.result ? [median(row.result.ms), Math.max(...row.result.ms)] : [row.result.p50, row.result.p99];
    const ratio = row.target === 'Prism' ? '1.00' : (rps(row) / (prism.get(row.operation) ?? NaN)).toFixed(2);
    const notes: string[] = [];
    if ('fromLatency' in row.result && row.result.fromLatency) notes.push('req/s = connections ÷ mean latency');
    if ('non2xx' in row.result && row.result.non2xx > 0) notes.push(`${row.result.non2xx} of ${row.result.total} not 2xx`);
    if ('ms' in row.result && row.target.startsWith('PostgreSQL')) notes.push(`${((median(row.result.ms) / TIMED_BUDGET_MS) * 100).toFixed(0)}% of the ${TIMED_BUDGET_MS} ms budget`);
    console.log(`  ${row.operation.padEnd(28)}${row.target.padEnd(13)}${rps(row).toFixed(0).padStart(9)}${p50.toFixed(1).padStart(9)}${p99.toFixed(1).padStart(12)}${ratio.padStart(10)}  ${notes.join('; ')}`);
  }
}

export async function benchSandboxAgainstPrism(): Promise<void> {
  const registry = loadRegistry();
  const slices = await loadSlices(registry);
  console.log(`sandbox vs Prism (autocannon, 10 connections, 3 s per loaded workload; timed workloads one request at a time): ${slices.map((s) => s.name).join(', ')}`);
  const rows = await benchSandbox(registry, slices, 'PGlite', true);
  const postgres = await startPostgres();
  if ('skipReason' in postgres) {
    console.log(`  PostgreSQL skipped: ${postgres.skipReason}`);
  } else {
    try {
      rows.push(...(await benchSandbox(registry, slices, 'PostgreSQL', false, postgres.url)));
    } finally {
      await postgres.stop();
    }
  }
  printTable(rows.sort((a, b) => a.operation.localeCompare(b.operation) || a.target.localeCompare(b.target)));
}
