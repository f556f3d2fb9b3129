/**
 * The mock target's start-up next to the old way, and the full conformance run, in fresh processes
 * (Prism's libraries load once per process, so only a fresh one shows the real start-up cost):
 * - old: one `prism mock` CLI process per document, all three started together, timed until each
 *   answers HTTP; CPU is what the three processes used until then (from /proc, Linux only). This
 *   is what `startPrism` did, minus its tsx loader, so it slightly flatters the old way;
 * - new: `startMockTarget` for the three documents at once in a fresh process, libraries included
 *   (then once more in the same process: the per-run cost once Prism is loaded); Prism runs in the
 *   process's worker thread, and CPU is the whole process's, worker included;
 * - the full run: package.json's `conformance` script (what `npm run conformance` runs), wall time
 *   including node and tsx; then the same run in a fresh process timed step by step (`--measure-phases`).
 * A/B rounds are interleaved; medians with min–max.
 *
 * Run directly with `--measure-start` (`--measure-phases`) it is the fresh process of the "new" row
 * (of the steps line): it prints one JSON line and exits.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { loadRegistry } from '../../src/core/registry.js';
import type { SuitePhase } from '../../src/conformance/run/runSuite.js';
import { startMockTarget } from '../../src/conformance/targets/mock/startMockTarget.js';
import { freePort } from '../../tests/support/freePort.js';

const ROUNDS = 5;
const registry = loadRegistry();
const APIS = registry.apis.map((a) => a.name);
const documentFile = (api: string) => registry.documentFile(api);
const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
const CLOCK_TICKS_PER_S = 100; // Linux USER_HZ

interface StartSample {
  wallMs: number;
  cpuMs: number;
}

/** The "new" measurement, run inside a fresh process. */
async function measureStartHere(): Promise<{ cold: StartSample; warm: StartSample }> {
  const once = async (): Promise<StartSample> => {
    const cpu = process.cpuUsage();
    const t = performance.now();
    const targets = await Promise.all(APIS.map((api) => startMockTarget(documentFile(api))));
    const wallMs = performance.now() - t;
    const used = process.cpuUsage(cpu);
    await Promise.all(targets.map((target) => target.stop()));
    return { wallMs, cpuMs: (used.user + used.system) / 1000 };
  };
  const cold = await once();
  return { cold, warm: await once() };
}

function run(command: string, args: string[]): Promise<{ code: number | null; stdout: string; ms: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: projectRoot, stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, stdout, ms: performance.now() - started }));
  });
}

async function newStart(): Promise<{ cold: StartSample; warm: StartSample }> {
  const result = await run(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--measure-start']);
  if (result.code !== 0) throw new Error(`mock start measurement exited with ${result.code}`);
  return JSON.parse(result.stdout) as { cold: StartSample; warm: StartSample };
}

async function cpuMsOf(pid: number): Promise<number> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_S) * 1000; // utime + stime
  } catch {
    return NaN;
  }
}

async function answersHttp(baseUrl: string): Promise<boolean> {
  try {
    await (await fetch(baseUrl, { signal: AbortSignal.timeout(1000) })).arrayBuffer();
    return true;
  } catch {
    return false;
  }
}

/** The old way: one Prism CLI process per document, started together, until all answer. */
async function oldStart(): Promise<StartSample> {
  const cli = createRequire(import.meta.url).resolve('@stoplight/prism-cli/dist/index.js');
  const children: ChildProcess[] = [];
  const started = performance.now();
  try {
    await Promise.all(
      APIS.map(async (api) => {
        const port = await freePort();
        const child = spawn(process.execPath, [cli, 'mock', documentFile(api), '--port', String(port), '--host', '127.0.0.1', '--no-multiprocess'], { stdio: 'ignore' });
        children.push(child);
        while (!(await answersHttp(`http://127.0.0.1:${port}/`))) {
          if (child.exitCode !== null) throw new Error(`prism mock for ${api} exited with ${child.exitCode}`);
          if (performance.now() - started > 60_000) throw new Error(`prism mock for ${api} did not answer within 60 s`);
          await new Promise((r) => setTimeout(r, 50));
        }
      }),
    );
    const wallMs = performance.now() - started;
    const cpu = await Promise.all(children.map((child) => cpuMsOf(child.pid ?? -1)));
    return { wallMs, cpuMs: cpu.reduce((a, b) => a + b, 0) };
  } finally {
    await Promise.all(
      children.map((child) => new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : (child.once('exit', () => resolve()), child.kill('SIGKILL'))))),
    );
  }
}

/** What `npm run conformance` runs: package.json's script, through a shell as npm runs it (npm's own start-up left out). */
const CONFORMANCE_SCRIPT = (JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { scripts: Record<string, string> }).scripts.conformance ?? '';

async function fullRun(): Promise<number> {
  const result = await run('/bin/sh', ['-c', CONFORMANCE_SCRIPT]);
  if (result.code !== 0) throw new Error(`the conformance run exited with ${result.code}`);
  return result.ms;
}

/** When each step of a full run was over, in ms since its process started (performance.now()). */
interface PhaseSample {
  /** node, tsx and this module loaded */
  booted: number;
  /** the suite's modules imported (Prism's worker started before them) */
  imported: number;
  'documents loaded': number;
  'targets ready': number;
  'cases run': number;
  /** the report printed */
  reported: number;
}

/**
 * The `--measure-phases` child: what the CLI does with no options (cli.ts's `main`: read the
 * options, start Prism's worker, import the rest, run and print the report), timed step by step.
 * The report goes to stdout first; the timings are the last line.
 */
async function measurePhasesHere(): Promise<PhaseSample> {
  const booted = performance.now();
  const { parseOptions, usesMock } = await import('../../src/conformance/cli/parseOptions.js');
  const { warmUpMockTarget } = await import('../../src/conformance/targets/mock/startMockTarget.js');
  const options = parseOptions([]);
  if (usesMock(options)) warmUpMockTarget();
  const { runAndReport } = await import('../../src/conformance/cli/runAndReport.js');
  const imported = performance.now();
  const at: Partial<Record<SuitePhase, number>> = {};
  const code = await runAndReport(options, process.env, (phase) => (at[phase] = performance.now()));
  if (code !== 0) throw new Error(`the timed run exited with ${code}`);
  return { booted, imported, 'documents loaded': at['documents loaded'] ?? NaN, 'targets ready': at['targets ready'] ?? NaN, 'cases run': at['cases run'] ?? NaN, reported: performance.now() };
}

async function phasesRun(): Promise<PhaseSample> {
  const result = await run(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--measure-phases']);
  if (result.code !== 0) throw new Error(`the phase measurement exited with ${result.code}`);
  return JSON.parse(result.stdout.trimEnd().split('\n').pop() ?? '') as PhaseSample;
}

function stats(values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? NaN;
  const s = (ms: number) => (ms / 1000).toFixed(2);
  return `${s(median)} s  (${s(sorted[0] ?? NaN)}–${s(sorted[sorted.length - 1] ?? NaN)})`;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

export async function benchMockStart(): Promise<{ fullRunMs: number[]; coldCpuMs: number[]; warmCpuMs: number[] }> {
  const old: StartSample[] = [];
  const cold: StartSample[] = [];
  const warm: StartSample[] = [];
  const runs: number[] = [];
  const phases: PhaseSample[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    old.push(await oldStart());
    const fresh = await newStart();
    cold.push(fresh.cold);
    warm.push(fresh.warm);
    runs.push(await fullRun());
    phases.push(await phasesRun());
  }
  const ratio = (a: number[], b: number[]) => `${(median(a) / median(b)).toFixed(1)}×`;
  console.log(`mock start-up, 3 documents at once, fresh process (${ROUNDS} interleaved rounds, median (min–max))`);
  console.log(`  old: 3 Prism CLI processes   wall ${stats(old.map((s) => s.wallMs))}   CPU ${stats(old.map((s) => s.cpuMs))}`);
  console.log(`  new: worker thread, cold     wall ${stats(cold.map((s) => s.wallMs))}   CPU ${stats(cold.map((s) => s.cpuMs))}   (${ratio(old.map((s) => s.wallMs), cold.map((s) => s.wallMs))} less wall, ${ratio(old.map((s) => s.cpuMs), cold.map((s) => s.cpuMs))} less CPU)`);
  console.log(`  new: Prism already loaded    wall ${stats(warm.map((s) => s.wallMs))}   CPU ${stats(warm.map((s) => s.cpuMs))}`);
  console.log(`full conformance run vs mock, 3 APIs: \`npm run conformance\` (${CONFORMANCE_SCRIPT}; npm's own start-up not counted)`);
  console.log(`  wall time                    ${stats(runs)}   (target ≤ 2 s, issue 13)`);
  const at = (key: keyof PhaseSample) => `${(median(phases.map((p) => p[key])) / 1000).toFixed(2)}`;
  console.log(`  its steps, s since the process started (medians): node+tsx ${at('booted')}, modules imported ${at('imported')}, documents loaded ${at('documents loaded')}, mocks ready ${at('targets ready')}, cases run ${at('cases run')}, report ${at('reported')}`);
  return { fullRunMs: runs, coldCpuMs: cold.map((s) => s.cpuMs), warmCpuMs: warm.map((s) => s.cpuMs) };
}

if (process.argv[2] === '--measure-start' && process.argv[1] === fileURLToPath(import.meta.url)) {
  process.stdout.write(`${JSON.stringify(await measureStartHere())}\n`);
}
if (process.argv[2] === '--measure-phases' && process.argv[1] === fileURLToPath(import.meta.url)) {
  process.stdout.write(`${JSON.stringify(await measurePhasesHere())}\n`);
}
