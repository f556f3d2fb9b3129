/**
 * The mock target: Prism's mock server for one bundled document, run inside this process through
 * Prism's own libraries, on a free loopback port. Prism's code is loaded once per process and
 * shared by every document; each document gets its own server, so several start side by side.
 *
 * The server is built the way `prism mock <document>` builds it (prism-cli 5.14.2,
 * `createPrismServerWithLogger`), with the CLI defaults the suite always ran it with:
 * request and response validation, security checks, static examples (`--dynamic` off),
 * `--errors` off (violations go to the `sl-violations` header, the response is still sent), CORS
 * on, and the `Prefer` header (`code=`, `example=`) honoured per request. One CLI step is left out:
 * applying a document's `x-json-schema-faker` options, which are process-wide in json-schema-faker
 * and so cannot differ between documents served side by side; no document here sets them.
 *
 * Prism's pino logger is silent unless `log` is given; nothing of Prism reaches stdout or stderr.
 */
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { access } from 'node:fs/promises';
import type { Socket } from 'node:net';
import { resolve as resolvePath } from 'node:path';
import { Writable } from 'node:stream';
import { SuiteSetupError } from '../../failClosed.js';
import { loadPrism, type PrismHttpServer } from './loadPrism.js';

export { assertMockAvailable } from './loadPrism.js';

export interface MockTarget {
  /** `http://127.0.0.1:<port>`, without a trailing slash. */
  baseUrl: string;
  /** Closes the server and every connection to it; resolves once the port is free. Idempotent. */
  stop(): Promise<void>;
}

export interface MockTargetOptions {
  /** How long loading Prism, reading the document and listening may take; default 30 000 ms. */
  startTimeoutMs?: number;
  /** Receives Prism's log lines (pino JSON), for debugging; by default Prism logs nothing. */
  log?: (line: string) => void;
}

export const DEFAULT_START_TIMEOUT_MS = 30_000;
const HOST = '127.0.0.1';
/** Node publishes every connection a server in this process accepts here. */
const SERVER_SOCKETS = 'net.server.socket';

/** The configuration `prism mock` passes to `createServer` with the CLI's default flags. */
const MOCK_CONFIG = {
  validateRequest: true,
  validateResponse: true,
  checkSecurity: true,
  errors: false,
  upstreamProxy: undefined,
  mock: { dynamic: false, ignoreExamples: false, seed: null },
  isProxy: false,
};

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}

function logDestination(log: (line: string) => void): Writable {
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n')) if (line) log(line);
      done();
    },
  });
}

/** Starts the server; every failure is a one-line SuiteSetupError naming the document. */
async function start(document: string, options: MockTargetOptions): Promise<MockTarget> {
  try {
    await access(document);
  } catch {
    throw new SuiteSetupError(`mock target: document file not found: ${document}`);
  }
  const prism = await loadPrism();
  let operations: unknown[];
  try {
    operations = await prism.getHttpOperationsFromSpec(document);
  } catch (error) {
    throw new SuiteSetupError(`mock target: Prism cannot read ${document}: ${firstLine(error)}`);
  }
  if (operations.length === 0) throw new SuiteSetupError(`mock target: Prism found no operations in ${document}`);

  const logger = options.log
    ? prism.createLogger('CLI', { level: 'info' }, logDestination(options.log))
    : prism.createLogger('CLI', { level: 'silent' });
  const server: PrismHttpServer = prism.createServer(operations, {
    cors: true,
    config: { ...MOCK_CONFIG, mock: { ...MOCK_CONFIG.mock } }, // each server its own copy
    components: { logger: logger.child({ name: 'HTTP SERVER' }) },
  });

  // Prism's server object does not expose its node:http server, so its connections are collected
  // from Node's diagnostics channel (accepted sockets whose local port is ours) to end them on stop.
  let port = 0;
  const sockets = new Set<Socket>();
  const onSocket = (message: unknown): void => {
    const socket = (message as { socket: Socket }).socket;
    if (port === 0 || socket.localPort !== port) return;
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  };
  subscribe(SERVER_SOCKETS, onSocket);

  let address: string;
  try {
    address = await server.listen(0, HOST);
  } catch (error) {
    unsubscribe(SERVER_SOCKETS, onSocket);
    throw new SuiteSetupError(`mock target: Prism could not listen on ${HOST} for ${document}: ${firstLine(error)}`);
  }
  port = Number(new URL(address).port);

  let stopping: Promise<void> | undefined;
  return {
    baseUrl: `http://${HOST}:${port}`,
    stop() {
      stopping ??= (async () => {
        const closed = server.close();
        for (const socket of sockets) socket.destroy();
        try {
          await closed;
        } finally {
          unsubscribe(SERVER_SOCKETS, onSocket);
        }
      })();
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

  const starting = start(document, options);
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      // Whatever still comes up is stopped; a start that fails later has nothing to stop.
      starting.then((late) => late.stop()).catch(() => undefined);
      reject(new SuiteSetupError(`mock target: Prism did not start for ${document} within ${limitMs} ms (raise startTimeoutMs if this machine is busy)`));
    }, limitMs);
  });
  try {
    return await Promise.race([starting, timedOut]);
  } finally {
    clearTimeout(timer);
  }
}
