/**
 * The sandbox under load next to Prism, on the same operations in the same run: GET and PATCH of
 * an influencer, revoke, and a 10,000-id Hoko delete, on PGlite and on PostgreSQL.
 */
import { documentFile } from '../../src/conformance/run/documentFile.js';
import { startMockTarget, type MockTarget } from '../../src/conformance/targets/mock/startMockTarget.js';
import { createSandboxServer } from '../../src/sandbox/http/createSandboxServer.js';
import { createStore } from '../../src/sandbox/store/createStore.js';
import { openDatabase } from '../../src/sandbox/store/openDatabase.js';
import { startPostgres } from '../../tests/support/startPostgres.js';
import { loadTest, type LoadResult } from './loadTest.js';

const HOKO_BUDGET_MS = 1000;
const REVOKES = 500;
const HOKO_RUNS = 3;

interface Row {
  operation: string;
  target: string;
  result: LoadResult | { ms: number[] };
}

const influencerPath = (id: string) => `/v1/influencers/${id}`;
const patchBodies = [JSON.stringify({ brandVoice: 'casual' }), JSON.stringify({ brandVoice: 'warm' })];

async function timeHokoDelete(baseUrl: string, apiKey: string, batches: string[][]): Promise<number[]> {
  const times: number[] = [];
  for (const ids of batches) {
    const started = performance.now();
    const response = await fetch(`${baseUrl}/api/partners`, { method: 'DELETE', headers: { Authorization: `Bearer ${apiKey}`, 'Content-Type': 'application/json' }, body: JSON.stringify(ids) });
    await response.text();
    if (response.status !== 200) throw new Error(`10,000-id delete answered ${response.status}`);
    times.push(performance.now() - started);
  }
  return times;
}

/** GET, PATCH, revoke and the 10,000-id delete against one sandbox database. */
async function benchSandbox(target: string, databaseUrl?: string): Promise<Row[]> {
  const db = await openDatabase(databaseUrl ? { databaseUrl } : {});
  try {
    const store = createStore(db);
    const demo = await store.seedDemo();
    const sandbox = await createSandboxServer(store, { demo, rateLimit: { capacity: 1e9, refillPerSecond: 1e9 }, log: () => undefined });
    const server = await sandbox.listen(0, '127.0.0.1');
    try {
      const layers = { Authorization: `Bearer ${demo.layers.apiKey}`, 'Content-Type': 'application/json' };
      const accounts = [];
      for (let i = 0; i < REVOKES; i++) accounts.push((await store.states.createSocialAccount(demo.layers.organizationId, 2)).id);
      const batches = [];
      for (let i = 0; i < HOKO_RUNS; i++) batches.push((await store.states.createPartners(demo.hoko.workspaceId, 10_000)).ids);
      const influencer = influencerPath(demo.layers.influencerId.startsWith('inf_') ? demo.layers.influencerId : `inf_${demo.layers.influencerId}`);
      return [
        { operation: 'GET influencer', target, result: await loadTest({ url: `${server.baseUrl}${influencer}`, method: 'GET', headers: layers }) },
        { operation: 'PATCH influencer', target, result: await loadTest({ url: `${server.baseUrl}${influencer}`, method: 'PATCH', headers: layers, bodies: patchBodies }) },
        { operation: 'revoke', target, result: await loadTest({ url: server.baseUrl, method: 'DELETE', headers: { Authorization: layers.Authorization }, paths: accounts.map((id) => `/v1/social-accounts/sa_${id}`) }) },
        { operation: 'Hoko delete 10,000 ids', target, result: { ms: await timeHokoDelete(server.baseUrl, demo.hoko.apiKey, batches) } },
      ];
    } finally {
      await server.close();
    }
  } finally {
    await db.close();
  }
}

async function benchPrism(): Promise<Row[]> {
  const prisms: MockTarget[] = [];
  try {
    const [layers, hoko] = await Promise.all([startMockTarget(documentFile('layers')), startMockTarget(documentFile('hoko'))]);
    prisms.push(layers, hoko);
    const headers = { Authorization: 'Bearer bench', 'Content-Type': 'application/json' };
    const influencer = influencerPath('inf_4a8e1bc2-5d3f-4b6a-9c7e-1f2a3b4c5d6e');
    const ids = Array.from({ length: 10_000 }, () => crypto.randomUUID());
    return [
      { operation: 'GET influencer', target: 'Prism', result: await loadTest({ url: `${layers.baseUrl}${influencer}`, method: 'GET', headers }) },
      { operation: 'PATCH influencer', target: 'Prism', result: await loadTest({ url: `${layers.baseUrl}${influencer}`, method: 'PATCH', headers, bodies: patchBodies }) },
      { operation: 'revoke', target: 'Prism', result: await loadTest({ url: `${layers.baseUrl}/v1/social-accounts/sa_9c1e42a0-b7f3-4e5d-a2c1-8b4f5e6c7d8e`, method: 'DELETE', headers: { Authorization: headers.Authorization } }) },
      { operation: 'Hoko delete 10,000 ids', target: 'Prism', result: { ms: await timeHokoDelete(hoko.baseUrl, 'bench', Array.from({ length: HOKO_RUNS }, () => ids)) } },
    ];
  } finally {
    await Promise.all(prisms.map((p) => p.stop()));
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const rps = (row: Row) => ('ms' in row.result ? 1000 / median(row.result.ms) : row.result.requestsPerSecond);

function printTable(rows: Row[]): void {
  const prism = new Map(rows.filter((r) => r.target === 'Prism').map((r) => [r.operation, rps(r)]));
  console.log(`  ${'operation'.padEnd(24)}${'target'.padEnd(13)}${'req/s'.padStart(9)}${'p50 ms'.padStart(9)}${'p99/max ms'.padStart(12)}${'vs Prism'.padStart(10)}  notes`);
  for (const row of rows) {
    const [p50, p99] = 'ms' in row.result ? [median(row.result.ms), Math.max(...row.result.ms)] : [row.result.p50, row.result.p99];
    const ratio = row.target === 'Prism' ? '1.00' : (rps(row) / (prism.get(row.operation) ?? NaN)).toFixed(2);
    const notes: string[] = [];
    if ('fromLatency' in row.result && row.result.fromLatency) notes.push('req/s = connections ÷ mean latency');
    if ('non2xx' in row.result && row.result.non2xx > 0) notes.push(`${row.result.non2xx} of ${row.result.total} not 2xx`);
    if ('ms' in row.result && row.target.startsWith('PostgreSQL')) notes.push(`${((median(row.result.ms) / HOKO_BUDGET_MS) * 100).toFixed(0)}% of the ${HOKO_BUDGET_MS} ms budget`);
    console.log(`  ${row.operation.padEnd(24)}${row.target.padEnd(13)}${rps(row).toFixed(0).padStart(9)}${p50.toFixed(1).padStart(9)}${p99.toFixed(1).padStart(12)}${ratio.padStart(10)}  ${notes.join('; ')}`);
  }
}

export async function benchSandboxAgainstPrism(): Promise<void> {
  console.log(`sandbox vs Prism (autocannon, 10 connections, 3 s per GET/PATCH; ${REVOKES} revokes of distinct accounts; ${HOKO_RUNS} timed 10,000-id deletes)`);
  const rows = [...(await benchPrism()), ...(await benchSandbox('PGlite'))];
  const postgres = await startPostgres();
  if ('skipReason' in postgres) {
    console.log(`  PostgreSQL skipped: ${postgres.skipReason}`);
  } else {
    try {
      rows.push(...(await benchSandbox('PostgreSQL', postgres.url)));
    } finally {
      await postgres.stop();
    }
  }
  printTable(rows.sort((a, b) => a.operation.localeCompare(b.operation) || a.target.localeCompare(b.target)));
}
