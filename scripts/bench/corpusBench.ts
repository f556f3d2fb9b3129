/**
 * The suite on the large public documents of tests/fixtures/corpus/ (`--spec`), each in a fresh
 * process so that its peak memory is its own: load time (bundle, 3.0 → 3.1, per-operation
 * compile), the run against its Prism mock (Prism start-up included) with cases per second, and
 * the process's peak resident memory. The run covers the first CORPUS_BENCH_OPERATIONS operations
 * (default 100; `all` for every one: DigitalOcean then takes about 100 s here (2026-12-01)).
 *
 * Run directly with `--measure <name> <file> <limit>` it is that fresh process: one JSON line.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { loadForeignApi } from '../../src/core/loadApi.js';
import { adHocEntry, loadRegistry } from '../../src/core/registry.js';
import { runSuite } from '../../src/conformance/run/runSuite.js';

const LARGE = [
  ['twilio-api-v2010', 'openapi.json'],
  ['box', 'openapi.json'],
  ['digitalocean', 'specification/DigitalOcean-public.v2.yaml'],
] as const;
const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

interface Measure {
  operations: number;
  loadMs: number;
  runMs: number;
  cases: number;
  sent: number;
  failed: number;
  peakRssMb: number;
}

async function measureHere(name: string, file: string, limit: number): Promise<Measure> {
  let t = performance.now();
  const api = await loadForeignApi(adHocEntry(name, file), file);
  const loadMs = performance.now() - t;
  const ids = api.operations.slice(0, limit).map((op) => op.operationId.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  t = performance.now();
  const report = await runSuite({
    registry: loadRegistry(),
    apis: [],
    targets: {},
    env: {},
    allowWrites: false,
    specs: [{ name, source: file }],
    mockStartTimeoutMs: 300_000,
    ...(limit < api.operations.length ? { grep: new RegExp(`^${name} (${ids.join('|')}) `) } : {}),
  });
  const runMs = performance.now() - t;
  const results = report.apis[0]?.results ?? [];
  return {
    operations: Math.min(limit, api.operations.length),
    loadMs,
    runMs,
    cases: results.length,
    sent: results.filter((r) => r.outcome !== 'skipped').length,
    failed: results.filter((r) => r.outcome === 'failed').length,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  };
}

function measureInChild(name: string, file: string, limit: number): Promise<Measure> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--measure', name, file, String(limit)], { cwd: projectRoot, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const line = out.trim().split('\n').pop() ?? '';
      if (code !== 0) reject(new Error(`corpus bench for ${name} exited ${code}`));
      else resolve(JSON.parse(line) as Measure);
    });
  });
}

export async function benchCorpus(): Promise<void> {
  const setting = process.env.CORPUS_BENCH_OPERATIONS ?? '100';
  const limit = setting === 'all' ? Number.POSITIVE_INFINITY : Number(setting);
  console.log(`large public documents (--spec) against their Prism mocks, first ${setting} operations, one fresh process each`);
  for (const [name, root] of LARGE) {
    const file = `tests/fixtures/corpus/${name}/${root}`;
    const m = await measureInChild(name, file, Number.isFinite(limit) ? limit : 1e9);
    const rate = Math.round((m.sent / m.runMs) * 1000);
    console.log(`  ${name.padEnd(18)} load ${(m.loadMs / 1000).toFixed(2)} s   run ${(m.runMs / 1000).toFixed(1)} s for ${m.operations} operations, ${m.cases} cases (${m.sent} sent, ${m.failed} failed): ${rate} cases/s (load and Prism start included)   peak RSS ${m.peakRssMb.toFixed(0)} MB`);
  }
}

if (process.argv[2] === '--measure') {
  const [, , , name, file, limit] = process.argv;
  measureHere(name as string, file as string, Number(limit)).then(
    (m) => {
      process.stdout.write(`${JSON.stringify(m)}\n`);
      process.exit(0);
    },
    (error: unknown) => {
      process.stderr.write(`corpus bench: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
