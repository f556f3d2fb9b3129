import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, describe, expect, test } from 'vitest';
import { startPrism, type RunningPrism } from '../../src/conformance/prism/startPrism.js';
import { projectRoot } from '../support/runCommand.js';

const hokoDocument = resolve(projectRoot, 'generated/hoko/openapi.json');
const parentFixture = resolve(projectRoot, 'tests/fixtures/conformance/prismParent.ts');
const tsxCli = resolve(projectRoot, 'node_modules/tsx/dist/cli.mjs');

/** Everything a test started, stopped or killed afterwards whatever the test's outcome. */
const started: RunningPrism[] = [];
const pidsToKill = new Set<number>();
let scratch: string | undefined;

afterEach(async () => {
  await Promise.allSettled(started.splice(0).map((prism) => prism.stop()));
  for (const pid of pidsToKill) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  pidsToKill.clear();
});

afterAll(async () => {
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

async function start(documentFile: string): Promise<RunningPrism> {
  const prism = await startPrism(documentFile);
  started.push(prism);
  return prism;
}

/** True while `pid` exists. Strict ESRCH for our own children (Node reaps them on 'exit'). */
function exists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false;
    throw error;
  }
}

/**
 * True while `pid` runs. An orphan that has exited is reaped by init, not by us (and this sandbox's
 * init reaps late), so it lingers as a zombie that `kill(pid, 0)` still finds; a zombie whose threads
 * have all exited runs no code and holds no socket, so it counts as gone. A zombie *leader* with other
 * threads still exiting does not: they still hold the process's files, its listening socket included.
 */
async function running(pid: number): Promise<boolean> {
  if (!exists(pid)) return false;
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const state = /^State:\s+(\S)/m.exec(status)?.[1];
    const threads = Number(/^Threads:\s+(\d+)/m.exec(status)?.[1] ?? '1');
    return !(state === 'Z' && threads <= 1);
  } catch {
    return false;
  }
}

async function waitUntilGone(pid: number, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (!(await running(pid))) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return !(await running(pid));
}

/** Pids of running processes whose command line mentions prismChild and whose parent is `ppid`. */
async function prismChildrenOf(ppid: number): Promise<number[]> {
  const found: number[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const [stat, cmdline] = await Promise.all([
        readFile(`/proc/${entry}/stat`, 'utf8'),
        readFile(`/proc/${entry}/cmdline`, 'utf8'),
      ]);
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (fields[0] !== 'Z' && Number(fields[1]) === ppid && cmdline.includes('prismChild')) found.push(Number(entry));
    } catch {
      // exited while we looked
    }
  }
  return found;
}

function connectionRefused(baseUrl: string): Promise<boolean> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolvePromise) => {
    const socket = connect({ host: hostname, port: Number(port) });
    socket.once('connect', () => {
      socket.destroy();
      resolvePromise(false);
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolvePromise(error.code === 'ECONNREFUSED'));
  });
}

interface ParentLine {
  parentPid: number;
  prismPid: number;
  baseUrl: string;
}

/** Runs the fixture the way the CLI runs (through tsx's CLI) and reads the pids it prints. */
async function spawnParent(): Promise<{ wrapper: ChildProcessWithoutNullStreams; line: ParentLine }> {
  const wrapper = spawn(process.execPath, [tsxCli, parentFixture, hokoDocument], {
    cwd: projectRoot,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  if (wrapper.pid !== undefined) pidsToKill.add(wrapper.pid);
  let stdout = '';
  let stderr = '';
  wrapper.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const line = await new Promise<ParentLine>((resolvePromise, reject) => {
    wrapper.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const newline = stdout.indexOf('\n');
      if (newline >= 0) resolvePromise(JSON.parse(stdout.slice(0, newline)) as ParentLine);
    });
    wrapper.once('exit', (code) => reject(new Error(`fixture exited with ${code} before printing: ${stderr}`)));
  });
  pidsToKill.add(line.parentPid);
  pidsToKill.add(line.prismPid);
  return { wrapper, line };
}

/** How `child` exits, or `'still running'` after `ms` (so a swallowed signal fails fast). */
function exitOf(
  child: ChildProcessWithoutNullStreams,
  ms = 10_000,
): Promise<{ code: number | null; signal: NodeJS.Signals | null } | 'still running'> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  }
  return new Promise((resolvePromise) => {
    const timer = setTimeout(() => resolvePromise('still running'), ms);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      resolvePromise({ code, signal });
    });
  });
}

describe('startPrism', () => {
  test('serves the hoko mock, and after stop() the process and the port are gone', async () => {
    const prism = await start(hokoDocument);
    expect(prism.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(exists(prism.pid)).toBe(true);

    const response = await fetch(`${prism.baseUrl}/api/partners`, {
      method: 'DELETE',
      headers: { Authorization: 'Bearer x', 'Content-Type': 'application/json' },
      body: JSON.stringify(['550e8400-e29b-41d4-a716-446655440000']),
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toHaveProperty('deletedIds');

    await prism.stop();
    expect(() => process.kill(prism.pid, 0)).toThrow(expect.objectContaining({ code: 'ESRCH' }));
    expect(await connectionRefused(prism.baseUrl)).toBe(true);
    await prism.stop(); // idempotent
  });

  test('a missing document rejects with an error naming the file and leaves no process', async () => {
    const missing = resolve(projectRoot, 'generated/nope/openapi.json');
    await expect(startPrism(missing)).rejects.toThrow(missing);
    expect(await prismChildrenOf(process.pid)).toEqual([]);
  });

  test('a document Prism refuses rejects with Prism’s own output and leaves no process', async () => {
    scratch ??= await mkdtemp(join(tmpdir(), 'prism-test-'));
    const empty = join(scratch, 'no-operations.json');
    await writeFile(empty, JSON.stringify({ openapi: '3.1.0', info: { title: 'x', version: '1' }, paths: {} }));
    const error = await startPrism(empty).then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(error).toBeInstanceOf(Error);
    expect(error?.message).toContain(empty);
    expect(error?.message).toContain('exited before it was ready');
    expect(error?.message).toContain('No operations found');
    expect(await prismChildrenOf(process.pid)).toEqual([]);
  });

  test('a start that does not become ready in time is killed and rejects', async () => {
    await expect(startPrism(hokoDocument, { readyTimeoutMs: 1 })).rejects.toThrow(/did not answer HTTP.*within 1 ms/);
    expect(await prismChildrenOf(process.pid)).toEqual([]);
  });

  test('two Prisms at once get different ports and both answer', async () => {
    const [a, b] = await Promise.all([start(hokoDocument), start(hokoDocument)]);
    expect(new URL(a.baseUrl).port).not.toBe(new URL(b.baseUrl).port);
    expect(a.pid).not.toBe(b.pid);
    for (const prism of [a, b]) {
      const response = await fetch(`${prism.baseUrl}/api/partners`, { method: 'DELETE' });
      expect(response.status).toBe(401); // Prism answers, and checks security
    }
  });

  test('signal and exit listeners exist only while a Prism runs', async () => {
    const before = ['exit', 'SIGINT', 'SIGTERM'].map((event) => process.listenerCount(event));
    const prism = await start(hokoDocument);
    const during = ['exit', 'SIGINT', 'SIGTERM'].map((event) => process.listenerCount(event));
    expect(during).toEqual(before.map((n) => n + 1));
    await prism.stop();
    expect(['exit', 'SIGINT', 'SIGTERM'].map((event) => process.listenerCount(event))).toEqual(before);
  });
});

describe('no Prism outlives its parent', () => {
  test('SIGKILL of the parent: Prism is gone within 5 s', async () => {
    const { wrapper, line } = await spawnParent();
    expect(await running(line.prismPid)).toBe(true);
    expect((await fetch(`${line.baseUrl}/api/partners`, { method: 'DELETE' })).status).toBe(401);

    process.kill(line.parentPid, 'SIGKILL');
    expect(await waitUntilGone(line.prismPid, 5_000)).toBe(true);
    expect(await connectionRefused(line.baseUrl)).toBe(true);
    expect(await exitOf(wrapper)).not.toBe('still running'); // tsx's CLI follows its child
  });

  test.each([
    ['SIGTERM', 143],
    ['SIGINT', 130],
  ] as const)('%s to the CLI: parent and Prism are gone, exit code %i', async (signal, expectedCode) => {
    const { wrapper, line } = await spawnParent();
    expect(await running(line.prismPid)).toBe(true);

    const exited = exitOf(wrapper);
    wrapper.kill(signal); // tsx's CLI relays it to the script, whose startPrism handler stops Prism
    expect(await exited).toEqual({ code: expectedCode, signal: null });
    expect(await waitUntilGone(line.parentPid, 5_000)).toBe(true);
    expect(await waitUntilGone(line.prismPid, 5_000)).toBe(true);
  });

  test('SIGTERM straight to the parent process: parent and Prism are gone', async () => {
    const { wrapper, line } = await spawnParent();
    const exited = exitOf(wrapper);
    process.kill(line.parentPid, 'SIGTERM');
    expect(await exited).toEqual({ code: 143, signal: null });
    expect(await waitUntilGone(line.parentPid, 5_000)).toBe(true);
    expect(await waitUntilGone(line.prismPid, 5_000)).toBe(true);
  });
});
