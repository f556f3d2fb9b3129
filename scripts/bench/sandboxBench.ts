/**
 * The sandbox under load next to Prism and a hand-written ceiling server, on the same operations,
 * on PGlite and on PostgreSQL. Every server runs in its own process (benchServer.ts), and so does
 * the load generator (loadWorker.ts): no measured process shares its CPU with the client. Rounds
 * are interleaved (Prism, sandbox, ceiling, in an order that rotates each round); each row is the
 * median of the rounds with their min–max. The workloads are the slices' own (`bench` of each
 * slice the registry names): this file only runs them.
 */
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type { BenchWorkload } from '../../src/sandbox/slice.js';
import { startPostgres } from '../../tests/support/startPostgres.js';
import type { Ready, SliceWorkloads } from './benchServer.js';
import { sandboxNodeFlags, startChild, type BenchChild } from './child.js';
import type { LoadResult, LoadSpec } from './loadTest.js';
import type { TimedSpec } from './loadWorker.js';
import { cpuSeconds, treeCpuSeconds } from './processCpu.js';

const ROUNDS = 3;
const DURATION_S = 2;
const CONNECTIONS = 10;
const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));

/** One round's measurement of one workload on one target. */
interface Sample {
  rps: number;
  p50: number;
  p99: number;
  /** Timed workloads: the median request's milliseconds. */
  ms?: number;
  non2xx: number;
  total: number;
  fromLatency: boolean;
  /** CPU µs per request of the server's process, of PostgreSQL (postmaster and backends) and of the load generator, where /proc tells. */
  cpu?: { server: number; database?: number; load: number };
}

export interface SandboxRow {
  engine: string;
  operation: string;
  /** `Prism`, `sandbox` or `ceiling`. */
  target: string;
  samples: Sample[];
}

export interface SandboxBenchResult {
  rows: SandboxRow[];
  /** Peak RSS in bytes, by `<engine> <target>`. */
  peakRss: Record<string, number>;
  skipped: string[];
}

export const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

/** The processes whose CPU a loaded workload is charged: the measured server's, the database's (a postmaster pid), the load generator's. */
interface Charged {
  server: number;
  database?: number;
  load: number;
}

function cpuNow(pids: Charged) {
  return { server: cpuSeconds(pids.server), database: pids.database === undefined ? undefined : treeCpuSeconds(pids.database), load: cpuSeconds(pids.load) };
}

/** CPU µs per request between two readings, or undefined where /proc did not tell. */
function cpuPerRequest(before: ReturnType<typeof cpuNow>, after: ReturnType<typeof cpuNow>, requests: number, usesDatabase: boolean): Sample['cpu'] {
  const us = (a: number | undefined, b: number | undefined) => (a === undefined || b === undefined || requests === 0 ? undefined : ((b - a) * 1e6) / requests);
  const server = us(before.server, after.server);
  const load = us(before.load, after.load);
  const database = usesDatabase ? us(before.database, after.database) : undefined;
  return server === undefined || load === undefined ? undefined : { server, load, ...(database !== undefined ? { database } : {}) };
}

async function measure(worker: BenchChild, baseUrl: string, workload: BenchWorkload, charged: Charged): Promise<Sample> {
  if (workload.load) {
    const { method, path, paths, headers, bodies } = workload.load;
    const spec: LoadSpec = { url: path ? `${baseUrl}${path}` : baseUrl, method, headers, durationSeconds: DURATION_S, connections: CONNECTIONS, ...(bodies ? { bodies } : {}), ...(paths ? { paths } : {}) };
    const before = cpuNow(charged);
    const r = await worker.call<LoadResult>('load', spec);
    const cpu = cpuPerRequest(before, cpuNow(charged), r.total, charged.database !== undefined);
    return { rps: r.requestsPerSecond, p50: r.p50, p99: r.p99, non2xx: r.non2xx, total: r.total, fromLatency: r.fromLatency, ...(cpu ? { cpu } : {}) };
  }
  const timed = workload.timed;
  if (!timed) throw new Error(`bench workload ${workload.operation} has neither load nor timed`);
  const spec: TimedSpec = { url: `${baseUrl}${timed.path}`, method: timed.method, headers: timed.headers, bodies: timed.bodies };
  const ms = await worker.call<number[]>('timed', spec);
  const m = median(ms);
  return { rps: 1000 / m, p50: m, p99: Math.max(...ms), ms: m, non2xx: 0, total: ms.length, fromLatency: false };
}

/**
 * `ceilingUrl`: the ceiling's own database on the same server, so that neither is a second sandbox
 * on the other's database (whose writes would be announced to it, see pgChangeFeed.ts).
 */
async function benchEngine(engine: string, worker: BenchChild, databaseUrl: string | undefined, result: SandboxBenchResult, ceilingUrl = databaseUrl, postmaster?: number): Promise<void> {
  const argsOf = (kind: string) => {
    const url = kind === 'ceiling' ? ceilingUrl : databaseUrl;
    return url ? [url] : [];
  };
  const servers: { target: string; child: Awaited<ReturnType<typeof startChild>> }[] = [];
  try {
    // One at a time: two migrating at once on one PostgreSQL wait for each other anyway.
    // The sandbox and its ceiling run with the node flags of `npm run sandbox`; Prism as the suite runs it.
    const flags = await sandboxNodeFlags();
    for (const [target, kind] of [['Prism', 'prism'], ['sandbox', 'sandbox'], ['ceiling', 'ceiling']] as const) {
      servers.push({ target, child: await startChild(here('./benchServer.ts'), [kind, ...argsOf(kind)], kind === 'prism' ? [] : flags) });
    }
    const byTarget = new Map(servers.map((s) => [s.target, s]));
    const rows = new Map<string, SandboxRow>();
    const row = (operation: string, target: string) => {
      const k = `${operation}\u0000${target}`;
      if (!rows.has(k)) rows.set(k, { engine, operation, target, samples: [] });
      return rows.get(k) as SandboxRow;
    };
    for (let round = 0; round < ROUNDS; round++) {
      const sandboxWork = await byTarget.get('sandbox')!.child.call<SliceWorkloads>('workloads');
      const ceilingWork = await byTarget.get('ceiling')!.child.call<SliceWorkloads>('workloads');
      for (const [api, work] of Object.entries(sandboxWork)) {
        for (let i = 0; i < work.sandbox.length; i++) {
          const sandboxWorkload = work.sandbox[i] as BenchWorkload;
          const runs: [string, BenchWorkload | undefined][] = [
            ['Prism', work.prism.find((w) => w.operation === sandboxWorkload.operation)],
            ['sandbox', sandboxWorkload],
            ['ceiling', ceilingWork[api]?.sandbox[i]],
          ];
          for (let j = 0; j < runs.length; j++) {
            const [target, workload] = runs[(j + round) % runs.length] as [string, BenchWorkload | undefined];
            if (!workload) continue;
            const baseUrl = (byTarget.get(target)!.child.ready as Ready).baseUrls[api] as string;
            const server = byTarget.get(target)!.child.pid;
            const charged: Charged = { server, load: worker.pid, ...(postmaster !== undefined && target !== 'Prism' ? { database: postmaster } : {}) };
            row(sandboxWorkload.operation, target).samples.push(await measure(worker, baseUrl, workload, charged));
          }
        }
      }
    }
    result.rows.push(...rows.values());
    for (const s of servers) result.peakRss[`${engine} ${s.target}`] = await s.child.call<number>('memory');
  } finally {
    await Promise.all(servers.map((s) => s.child.stop()));
  }
}

const f0 = (n: number) => n.toFixed(0);
const f1 = (n: number) => n.toFixed(1);
const spread = (values: number[], fmt: (n: number) => string) => `${fmt(median(values))} (${fmt(Math.min(...values))}–${fmt(Math.max(...values))})`;

/** The median req/s (or ms for timed rows) of `row`. */
export const rpsOf = (row: SandboxRow | undefined) => (row ? median(row.samples.map((s) => s.rps)) : NaN);
export const msOf = (row: SandboxRow | undefined) => (row ? median(row.samples.map((s) => s.ms ?? NaN)) : NaN);

function printTable(result: SandboxBenchResult): void {
  const find = (engine: string, operation: string, target: string) => result.rows.find((r) => r.engine === engine && r.operation === operation && r.target === target);
  console.log(`  ${'engine'.padEnd(11)}${'operation'.padEnd(26)}${'target'.padEnd(9)}${'req/s median (min–max)'.padStart(24)}${'p50 ms'.padStart(8)}${'p99 ms'.padStart(8)}${'vs Prism'.padStart(10)}${'vs ceiling'.padStart(12)}  notes`);
  for (const row of result.rows) {
    const ratio = (target: string) => (row.target === target ? '1.00' : (rpsOf(row) / rpsOf(find(row.engine, row.operation, target))).toFixed(2));
    const timed = row.samples[0]?.ms !== undefined;
    const notes: string[] = [];
    if (timed) notes.push(`ms per request ${spread(row.samples.map((s) => s.ms ?? NaN), f0)}`);
    if (row.samples[0]?.fromLatency) notes.push('req/s = connections ÷ mean latency');
    const cpu = row.samples.map((s) => s.cpu).filter((c) => c !== undefined);
    if (cpu.length > 0) {
      const db = cpu.map((c) => c.database).filter((d) => d !== undefined);
      notes.push(`CPU µs/req: server ${f0(median(cpu.map((c) => c.server)))}${db.length > 0 ? `, PostgreSQL ${f0(median(db))}` : ''}, load ${f0(median(cpu.map((c) => c.load)))}`);
    }
    const non2xx = row.samples.reduce((n, s) => n + s.non2xx, 0);
    if (non2xx > 0) notes.push(`${non2xx} of ${row.samples.reduce((n, s) => n + s.total, 0)} not 2xx`);
    const p50 = median(row.samples.map((s) => s.p50));
    const p99 = median(row.samples.map((s) => s.p99));
    console.log(
      `  ${row.engine.padEnd(11)}${row.operation.padEnd(26)}${row.target.padEnd(9)}${spread(row.samples.map((s) => s.rps), timed ? f1 : f0).padStart(24)}${f1(p50).padStart(8)}${f1(p99).padStart(8)}${ratio('Prism').padStart(10)}${(find(row.engine, row.operation, 'ceiling') ? ratio('ceiling') : '–').padStart(12)}  ${notes.join('; ')}`,
    );
  }
  console.log(`  peak RSS per process: ${Object.entries(result.peakRss).map(([k, v]) => `${k} ${f0(v / 2 ** 20)} MiB`).join(', ')}`);
  for (const s of result.skipped) console.log(`  ${s}`);
}

/** A new database on the server of `url`; its URL. */
async function createDatabase(url: string, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const other = new URL(url);
  other.pathname = `/${name}`;
  return other.toString();
}

export async function benchSandboxAgainstPrism(): Promise<SandboxBenchResult> {
  console.log(`sandbox vs Prism vs a hand-written ceiling (each in its own process; autocannon in another, ${CONNECTIONS} connections, ${DURATION_S} s per loaded workload; timed workloads one request at a time; ${ROUNDS} interleaved rounds; CPU µs per request of each process from /proc, medians)`);
  const result: SandboxBenchResult = { rows: [], peakRss: {}, skipped: [] };
  const worker = await startChild(here('./loadWorker.ts'), []);
  try {
    await benchEngine('PGlite', worker, undefined, result);
    const postgres = await startPostgres();
    if ('skipReason' in postgres) {
      result.skipped.push(`PostgreSQL skipped: ${postgres.skipReason}`);
    } else {
      try {
        await benchEngine('PostgreSQL', worker, postgres.url, result, await createDatabase(postgres.url, 'bench_ceiling'), postgres.pid);
      } finally {
        await postgres.stop();
      }
    }
  } finally {
    await worker.stop();
  }
  result.rows.sort((a, b) => a.engine.localeCompare(b.engine) || a.operation.localeCompare(b.operation) || a.target.localeCompare(b.target));
  printTable(result);
  return result;
}
