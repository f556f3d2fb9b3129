/**
 * Starts the Prism mock server for a bundled OpenAPI document, waits until it answers HTTP, and
 * guarantees that it does not outlive this process:
 *
 * - Prism runs inside the child we spawn (`prismChild`), not as a grandchild, so our pid is Prism's.
 * - The child exits when its stdin reaches EOF; we hold the write end, so the kernel ends it when we
 *   die, even by SIGKILL, which no handler in this process can catch.
 * - On `exit` we SIGKILL every child still running; on SIGINT/SIGTERM we stop them all and exit
 *   with 130/143 (unless another listener for that signal exists, which then owns the decision).
 * - The child and its pipes are unref'd: a caller that forgets `stop()` does not hang forever; its
 *   process ends when its own work ends and the `exit` hook kills Prism.
 *
 * The process-level listeners exist only while at least one Prism is running, so importing this
 * module has no side effects.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { access } from 'node:fs/promises';
import { request } from 'node:http';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { resolve as resolvePath } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface RunningPrism {
  /** `http://<host>:<port>`, without a trailing slash. */
  baseUrl: string;
  /** Pid of the process that runs Prism (Prism runs in it, not in a grandchild). */
  pid: number;
  /** Ends stdin, sends SIGTERM, SIGKILL after 3 s; resolves once the process is gone. Idempotent. */
  stop(): Promise<void>;
}

export interface StartPrismOptions {
  /** Loopback address to listen on; default `127.0.0.1`. */
  host?: string;
  /** How long to wait for the first HTTP answer; default 20 000 ms. */
  readyTimeoutMs?: number;
}

const DEFAULT_HOST = '127.0.0.1';
const DEFAULT_READY_TIMEOUT_MS = 20_000;
const POLL_INTERVAL_MS = 100;
const PROBE_TIMEOUT_MS = 1_000;
const TERM_GRACE_MS = 3_000;
const KILL_WAIT_MS = 2_000;
const OUTPUT_LINES_KEPT = 50;
const OUTPUT_DRAIN_MS = 1_000;
const PORT_ATTEMPTS = 3;

/**
 * The node arguments that run the child entry.
 *
 * Compiled (`startPrism.js`): plain `node prismChild.js`.
 *
 * From source (`startPrism.ts`): Node 20 cannot run `.ts` by itself, so the child needs tsx's
 * loader. We pass it explicitly (`--import <tsx/esm>`) instead of copying `process.execArgv`:
 * - under `tsx` execArgv is `--require …/tsx/dist/preflight.cjs --import …/tsx/dist/loader.mjs` and
 *   copying it works, but under vitest it holds no loader at all (`--experimental-import-meta-resolve
 *   --require …/vitest/suppress-warnings.cjs --conditions node --conditions development`: vitest
 *   transforms TS itself), so the child would die with ERR_UNKNOWN_FILE_EXTENSION; it would also
 *   inherit `--conditions development`, and elsewhere flags such as `--inspect=<port>`;
 * - spawning through `tsx/dist/cli.mjs` works too, but tsx's CLI runs the script in a second node
 *   process, so the pid we hold would be tsx's wrapper and Prism a grandchild again;
 * - `tsx/esm` (ESM hooks only) rather than `tsx` (ESM + CJS hooks): the entry is ESM and Prism is
 *   plain CommonJS JS, and not hooking Prism's hundreds of `require()`s starts it ~0.5 s sooner.
 * One process, whose pid is Prism's, and the same command under tsx, under vitest and from node.
 */
function childArgs(): string[] {
  const here = import.meta.url;
  const fromSource = new URL(here).pathname.endsWith('.ts');
  const entry = fileURLToPath(new URL(fromSource ? './prismChild.ts' : './prismChild.js', here));
  if (!fromSource) return [entry];
  const tsxEsmLoader = pathToFileURL(createRequire(here).resolve('tsx/esm')).href;
  return ['--import', tsxEsmLoader, entry];
}

// ---------------------------------------------------------------------------------------------
// Process-wide registry of running children and the listeners that clean them up.

interface ManagedChild {
  process: ChildProcess;
  stop(): Promise<void>;
}

const running = new Set<ManagedChild>();
/** Ports handed to children that are starting or running, so two concurrent starts never share one. */
const reservedPorts = new Set<number>();
let listenersInstalled = false;
let signalled = false;

function killAllNow(): void {
  for (const child of running) {
    try {
      child.process.kill('SIGKILL');
    } catch {
      // already gone
    }
  }
}

function onExit(): void {
  killAllNow();
}

function onSignal(signal: NodeJS.Signals): void {
  const exitCode = signal === 'SIGINT' ? 130 : 143;
  // A second signal while we are still stopping: stop waiting (the exit hook SIGKILLs the rest).
  if (signalled) process.exit(exitCode);
  signalled = true;
  // If someone else listens for this signal, Node has called them too and they own the decision to
  // exit; we only make sure Prism is gone. Otherwise we stand in for the default action.
  const othersListening = process.listeners(signal).some((listener) => listener !== onSignal);
  void Promise.allSettled([...running].map((child) => child.stop())).then(() => {
    signalled = false;
    if (!othersListening) process.exit(exitCode);
  });
}

function installListeners(): void {
  if (listenersInstalled) return;
  listenersInstalled = true;
  process.on('exit', onExit);
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}

function removeListenersIfIdle(): void {
  if (!listenersInstalled || running.size > 0) return;
  listenersInstalled = false;
  process.off('exit', onExit);
  process.off('SIGINT', onSignal);
  process.off('SIGTERM', onSignal);
}

// ---------------------------------------------------------------------------------------------

/** A free port on `host`, chosen by the OS, not already given to another Prism of ours. */
async function freePort(host: string): Promise<number> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const port = await new Promise<number>((resolve, reject) => {
      const server = createServer();
      server.unref();
      server.once('error', reject);
      server.listen(0, host, () => {
        const address = server.address();
        const port = typeof address === 'object' && address ? address.port : 0;
        server.close(() => resolve(port));
      });
    });
    if (port > 0 && !reservedPorts.has(port)) return port;
  }
  throw new Error(`startPrism: could not find a free port on ${host}`);
}

/** Keeps the last `max` lines written to a stream, without ANSI colour codes. */
class OutputTail {
  private readonly lines: string[] = [];
  private partial = '';
  constructor(private readonly max: number) {}

  push(chunk: Buffer | string): void {
    const text = (this.partial + chunk.toString()).replace(/\u001b\[[0-9;]*m/g, '');
    const parts = text.split(/\r?\n/);
    this.partial = parts.pop() ?? '';
    for (const line of parts) this.add(line);
  }

  private add(line: string): void {
    this.lines.push(line);
    if (this.lines.length > this.max) this.lines.splice(0, this.lines.length - this.max);
  }

  text(): string {
    const all = this.partial ? [...this.lines, this.partial] : this.lines;
    return all.slice(-this.max).join('\n');
  }
}

/** Resolves true when anything answers HTTP at `baseUrl`, false on a connection error or timeout. */
function answersHttp(baseUrl: string): Promise<boolean> {
  return new Promise((resolve) => {
    const req = request(`${baseUrl}/`, { method: 'GET', timeout: PROBE_TIMEOUT_MS, agent: false }, (res) => {
      res.resume();
      resolve(true);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(false));
    req.end();
  });
}

function unref(stream: unknown): void {
  const handle = stream as { unref?: () => void } | null;
  if (handle && typeof handle.unref === 'function') handle.unref();
}

function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

/** Resolves true when `child` has exited, false after `ms`. The timer keeps the event loop alive. */
function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (hasExited(child)) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.off('exit', onExited);
      resolve(hasExited(child));
    }, ms);
    const onExited = (): void => {
      clearTimeout(timer);
      resolve(true);
    };
    child.once('exit', onExited);
  });
}

class StartFailure extends Error {
  constructor(
    readonly reason: string,
    readonly output: string,
  ) {
    super(reason);
  }
}

async function startOnce(documentFile: string, host: string, readyTimeoutMs: number): Promise<RunningPrism> {
  const port = await freePort(host);
  reservedPorts.add(port);
  const urlHost = host.includes(':') ? `[${host}]` : host;
  const baseUrl = `http://${urlHost}:${port}`;

  const tail = new OutputTail(OUTPUT_LINES_KEPT);
  const child = spawn(process.execPath, [...childArgs(), documentFile, String(port), host], {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
    windowsHide: true,
  });

  let stopping: Promise<void> | undefined;
  const managed: ManagedChild = {
    process: child,
    stop() {
      stopping ??= (async () => {
        if (child.pid !== undefined && !hasExited(child)) {
          child.stdin?.end();
          child.kill('SIGTERM');
          if (!(await waitForExit(child, TERM_GRACE_MS))) {
            child.kill('SIGKILL');
            await waitForExit(child, KILL_WAIT_MS);
          }
        }
        forget();
      })();
      return stopping;
    },
  };
  const forget = (): void => {
    running.delete(managed);
    reservedPorts.delete(port);
    removeListenersIfIdle();
  };

  running.add(managed);
  installListeners();

  let outputClosed = false;
  const closed = new Promise<void>((resolve) =>
    child.once('close', () => {
      outputClosed = true;
      resolve();
    }),
  );
  let spawnError: Error | undefined;
  child.on('error', (error) => {
    spawnError = error;
  });
  child.once('exit', forget);
  child.stdin?.on('error', () => {
    // EPIPE when the child is gone; nothing to do
  });
  child.stdout?.on('data', (chunk: Buffer) => tail.push(chunk));
  child.stderr?.on('data', (chunk: Buffer) => tail.push(chunk));
  // Do not let a forgotten stop() keep the caller alive; the exit hook and the stdin EOF clean up.
  child.unref();
  unref(child.stdin);
  unref(child.stdout);
  unref(child.stderr);

  const deadline = Date.now() + readyTimeoutMs;
  let failure: string | undefined;
  for (;;) {
    if (spawnError) {
      failure = `could not spawn ${process.execPath}: ${spawnError.message}`;
      break;
    }
    if (hasExited(child)) {
      failure = `Prism exited before it was ready (${child.exitCode !== null ? `exit code ${child.exitCode}` : `signal ${child.signalCode}`})`;
      break;
    }
    if (await answersHttp(baseUrl)) {
      // The port answered, but is it our Prism? If the child died meanwhile, something else did.
      if (!hasExited(child)) break;
      continue;
    }
    if (Date.now() >= deadline) {
      failure = `Prism did not answer HTTP at ${baseUrl} within ${readyTimeoutMs} ms`;
      break;
    }
    await waitForExit(child, POLL_INTERVAL_MS); // wakes early if the child exits
  }

  if (failure !== undefined) {
    await managed.stop();
    // 'exit' can come before the last output has been read; wait (briefly) for the pipes to close.
    if (!outputClosed) await Promise.race([closed, new Promise((r) => setTimeout(r, OUTPUT_DRAIN_MS))]);
    throw new StartFailure(failure, tail.text());
  }

  return {
    baseUrl,
    pid: child.pid ?? -1,
    stop: () => managed.stop(),
  };
}

/**
 * Starts Prism's mock server for `documentFile` on a free loopback port and resolves once it
 * answers HTTP. Rejects (leaving no process behind) if the file is missing, if Prism exits before
 * it is ready, or if it does not answer within `readyTimeoutMs`; the error names the document and
 * quotes Prism's last output lines.
 */
export async function startPrism(documentFile: string, options: StartPrismOptions = {}): Promise<RunningPrism> {
  const host = options.host ?? DEFAULT_HOST;
  const readyTimeoutMs = options.readyTimeoutMs ?? DEFAULT_READY_TIMEOUT_MS;
  const document = resolvePath(documentFile);

  try {
    await access(document);
  } catch {
    throw new Error(`startPrism: document file not found: ${document}`);
  }

  let last: StartFailure | undefined;
  for (let attempt = 1; attempt <= PORT_ATTEMPTS; attempt++) {
    try {
      return await startOnce(document, host, readyTimeoutMs);
    } catch (error) {
      if (!(error instanceof StartFailure)) throw error;
      last = error;
      // Only a port taken between our check and Prism's listen() is worth another try.
      if (!/EADDRINUSE/.test(error.output)) break;
    }
  }
  const output = last?.output.trim() ? last.output : '(no output)';
  throw new Error(
    `startPrism: Prism could not start for document ${document}: ${last?.reason}\n--- last Prism output ---\n${output}`,
  );
}
