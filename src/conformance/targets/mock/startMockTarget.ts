/**
 * The mock target: Prism's mock server for one bundled document (servePrism.ts), on a free
 * loopback port, run in a worker thread of this process. One worker serves every document of the
 * process: Prism's code is loaded there once, on a core of its own, while this thread loads
 * documents, derives cases and checks answers; `warmUpMockTarget` starts that load early.
 * The worker holds the process open only while a start, a stop or a server is outstanding.
 */
import { createRequire } from 'node:module';
import { resolve as resolvePath } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { firstLine, SuiteSetupError } from '../../failClosed.js';
import type { FromWorker, ToWorker } from './prismMessages.js';
import type { PrismBlindSpot } from './prismBlindSpots.js';

import { assertMockAvailable } from './loadPrism.js';

export { assertMockAvailable };

export interface MockTarget {
  /** `http://127.0.0.1:<port>`, without a trailing slash. */
  baseUrl: string;
  /** Closes the server and every connection to it; resolves once the port is free. Idempotent. */
  stop(): Promise<void>;
  /** The operations whose requests Prism cannot validate, and where (see prismBlindSpots.ts). */
  blindSpots: PrismBlindSpot[];
}

export interface MockTargetOptions {
  /** How long loading Prism, reading the document and listening may take; default 30 000 ms. */
  startTimeoutMs?: number;
  /**
   * Receives Prism's log lines (pino JSON), for debugging; by default Prism logs nothing. A line
   * may arrive after the answer it belongs to; all of them have arrived when stop() resolves.
   */
  log?: (line: string) => void;
  /** What the error of a start past the limit tells the user to raise (default `startTimeoutMs`; the CLI's flag). */
  limitName?: string;
  /** What the errors name as the document (default the file served): a `--spec` document's own source, not the copy written for Prism. */
  documentName?: string;
  /** Said after the limit's flag when the start runs past it (a `--spec` document: that a live `--target` needs no mock). */
  limitHint?: string;
}

export const DEFAULT_START_TIMEOUT_MS = 30_000;
/** The suite's default for a `--spec` document: a large foreign document takes Prism far longer to read than ours. */
export const FOREIGN_MOCK_START_TIMEOUT_MS = 120_000;

interface Waiting {
  resolve(message: FromWorker): void;
  reject(error: Error): void;
}

interface PrismWorker {
  worker: Worker;
  /** Starts and stops sent and not yet answered, by server id. */
  waiting: Map<number, Waiting>;
  /** Log receivers of the servers that asked for one. */
  logs: Map<number, (line: string) => void>;
  /** Servers started and not stopped. */
  live: Set<number>;
  /** Whether it was told to load Prism ahead. */
  warm: boolean;
}

let current: PrismWorker | undefined;
let nextId = 1;

/**
 * The worker, from the module beside this one: prismWorker.js once built; from the sources
 * (prismWorker.ts), a worker registers tsx itself first, since Node 20 applies no `--import`
 * loader to a worker's modules (and no loader of a runner such as vitest).
 */
function newWorker(): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./prismWorker.js', import.meta.url));
  const require = createRequire(import.meta.url);
  const tsx = JSON.stringify(require.resolve('tsx/cjs/api'));
  const entry = JSON.stringify(fileURLToPath(new URL('./prismWorker.ts', import.meta.url)));
  // tsx is unhooked once the worker's own modules are loaded: Prism's 1,000 CommonJS files then load
  // without passing through it (about 15% of their load time).
  return new Worker(`const unregister = require(${tsx}).register(); require(${entry}); unregister();`, { eval: true });
}

/** Holds the process open while anything is outstanding, as an in-process server would. */
function holdWhileBusy(state: PrismWorker): void {
  if (state.waiting.size + state.live.size > 0) state.worker.ref();
  else state.worker.unref();
}

function prismWorker(): PrismWorker {
  if (current) return current;
  const state: PrismWorker = { worker: newWorker(), waiting: new Map(), logs: new Map(), live: new Set(), warm: false };
  const fail = (why: string) => {
    if (current === state) current = undefined;
    for (const waiting of state.waiting.values()) waiting.reject(new SuiteSetupError(`mock target: Prism's worker thread ${why}`));
    state.waiting.clear();
  };
  state.worker.on('message', (message: FromWorker) => {
    if (message.type === 'log') {
      state.logs.get(message.id)?.(message.line);
      return;
    }
    const waiting = state.waiting.get(message.id);
    state.waiting.delete(message.id);
    if (message.type === 'started') state.live.add(message.id);
    else {
      state.live.delete(message.id);
      state.logs.delete(message.id);
    }
    holdWhileBusy(state);
    waiting?.resolve(message);
  });
  state.worker.on('error', (error) => fail(`failed: ${firstLine(error)}`));
  state.worker.on('exit', (code) => fail(`exited (code ${code})`));
  state.worker.unref();
  current = state;
  return state;
}

function ask(state: PrismWorker, message: ToWorker & { id: number }): Promise<FromWorker> {
  return new Promise((resolve, reject) => {
    state.waiting.set(message.id, { resolve, reject });
    holdWhileBusy(state);
    state.worker.postMessage(message);
  });
}

/** Ends a worker stuck in Prism's work: its outstanding starts fail, and the next start gets a new worker. */
function abandon(state: PrismWorker): void {
  if (current === state) current = undefined;
  void state.worker.terminate();
}

/**
 * Starts the worker and its loading of Prism's code now, so the first start does not wait for all
 * of it; once per worker. Does nothing when Prism is not installed (the start says so).
 */
export function warmUpMockTarget(): void {
  try {
    assertMockAvailable();
  } catch {
    return;
  }
  const state = prismWorker();
  if (state.warm) return;
  state.warm = true;
  const message: ToWorker = { type: 'preload' };
  state.worker.postMessage(message);
}

async function start(state: PrismWorker, document: string, options: MockTargetOptions): Promise<MockTarget> {
  const id = nextId++;
  if (options.log) state.logs.set(id, options.log);
  const answer = await ask(state, { type: 'start', id, document, log: Boolean(options.log) });
  if (answer.type === 'failed') {
    // Prism's worker names the file it served; the user knows the document by its own name.
    const message = options.documentName === undefined ? answer.message : answer.message.replaceAll(document, options.documentName);
    throw answer.setup ? new SuiteSetupError(message) : new Error(message);
  }
  if (answer.type !== 'started') throw new Error(`mock target: Prism's worker answered ${answer.type} to a start`);
  let stopping: Promise<void> | undefined;
  return {
    baseUrl: answer.baseUrl,
    blindSpots: answer.blindSpots,
    stop() {
      // A worker that has gone (and its servers with it) has nothing left to stop.
      stopping ??= current === state ? ask(state, { type: 'stop', id }).then(() => undefined) : Promise.resolve();
      return stopping;
    },
  };
}

/**
 * Serves `file` (a bundled OpenAPI document) with Prism's mock on a free loopback port and
 * resolves once it listens. Rejects with a one-line SuiteSetupError when the file is missing,
 * when Prism cannot read it or finds no operations, when Prism is not installed, or when the start
 * takes longer than `startTimeoutMs` (a server that comes up after that is closed at once).
 */
export async function startMockTarget(file: string, options: MockTargetOptions = {}): Promise<MockTarget> {
  const document = resolvePath(file);
  const limitMs = options.startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS;
  if (!(Number.isFinite(limitMs) && limitMs > 0)) throw new SuiteSetupError(`mock target: startTimeoutMs must be a positive number of milliseconds, got ${limitMs}`);

  const state = prismWorker();
  const starting = start(state, document, options);
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      // Prism reads a document in one synchronous stretch (its dereferencing is exponential on
      // some shapes: Stripe's took over ten minutes), so its thread cannot be asked to stop; it
      // is ended, and the servers in it with it (none could answer while it was busy). Without
      // this the process stayed alive, at full CPU, long after the run had said it stopped.
      abandon(state);
      reject(new SuiteSetupError(`mock target: Prism did not start for ${options.documentName ?? document} within ${limitMs} ms (raise ${options.limitName ?? 'startTimeoutMs'} if this machine is busy${options.limitHint ? `; ${options.limitHint}` : ''})`));
    }, limitMs);
  });
  try {
    return await Promise.race([starting, timedOut]);
  } finally {
    clearTimeout(timer);
  }
}
