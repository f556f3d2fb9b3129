/**
 * ECMAScript's own RegExp engine, given a time limit: the match runs on a worker thread while the
 * caller waits for it (Atomics.wait), so it stays a synchronous call, as ajv's `pattern` needs.
 * A match that runs past the limit (a backtracking pattern on a hostile text) is abandoned: the
 * worker is terminated, which stops it mid-match, and the next call starts a new one.
 */
import { Worker } from 'node:worker_threads';

// The worker's whole program, plain CommonJS (eval'd: no loader, no build step).
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const state = new Int32Array(workerData);
const compiled = new Map();
parentPort.on('message', ({ pattern, flags, text }) => {
  Atomics.store(state, 0, ${1 /* STARTED */});
  Atomics.notify(state, 0);
  let outcome = ${3 /* FAILED */};
  try {
    const key = flags + '/' + pattern;
    let regExp = compiled.get(key);
    if (regExp === undefined) compiled.set(key, (regExp = new RegExp(pattern, flags)));
    Atomics.store(state, 1, regExp.test(text) ? 1 : 0);
    outcome = ${2 /* DONE */};
  } finally {
    Atomics.store(state, 0, outcome);
    Atomics.notify(state, 0);
  }
});
`;

const IDLE = 0;
const STARTED = 1;
const DONE = 2;

/** How long the worker may take to start and pick up a request (it loads once, in tens of milliseconds). */
const START_LIMIT_MS = 10_000;

let current: { worker: Worker; state: Int32Array } | undefined;

function matcherThread(): { worker: Worker; state: Int32Array } {
  if (current) return current;
  const shared = new SharedArrayBuffer(8);
  const worker = new Worker(WORKER, { eval: true, workerData: shared });
  worker.unref(); // never keeps a process alive
  worker.on('error', () => {}); // a worker that dies is replaced; the waiting call reports no answer
  // one that ended between calls is replaced at once, rather than waited for until START_LIMIT_MS
  worker.on('exit', () => {
    if (current?.worker === worker) current = undefined;
  });
  current = { worker, state: new Int32Array(shared) };
  return current;
}

function abandon(): void {
  void current?.worker.terminate();
  current = undefined;
}

/**
 * `new RegExp(pattern, flags).test(text)`; `'too slow'` when the match took longer than
 * `limitMs`, `'failed'` when the worker could not run it. `pattern` and `flags` must be valid together.
 */
export function nativeMatchWithin(pattern: string, flags: string, text: string, limitMs: number): boolean | 'too slow' | 'failed' {
  const { worker, state } = matcherThread();
  Atomics.store(state, 0, IDLE);
  worker.postMessage({ pattern, flags, text });
  if (Atomics.wait(state, 0, IDLE, START_LIMIT_MS) === 'timed-out') {
    abandon();
    return 'failed';
  }
  if (Atomics.load(state, 0) === STARTED && Atomics.wait(state, 0, STARTED, limitMs) === 'timed-out') {
    abandon();
    return 'too slow';
  }
  if (Atomics.load(state, 0) !== DONE) {
    abandon();
    return 'failed';
  }
  return Atomics.load(state, 1) === 1;
}
