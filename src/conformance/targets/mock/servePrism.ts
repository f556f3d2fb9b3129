/**
 * Prism's mock server for one bundled document, run through Prism's own libraries in the thread
 * that calls it (the mock target's worker), on a free loopback port. Prism's code is loaded once
 * per thread and shared by every document; each document gets its own server.
 *
 * The server is built the way `prism mock <document>` builds it (prism-cli 5.14.2,
 * `createPrismServerWithLogger`), with the CLI defaults the suite always ran it with but one:
 * request validation, security checks, static examples (`--dynamic` off),
 * `--errors` off (violations go to the `sl-violations` header, the response is still sent), CORS
 * on, and the `Prefer` header (`code=`, `example=`) honoured per request. One CLI step is left out:
 * applying a document's `x-json-schema-faker` options, which are process-wide in json-schema-faker
 * and so cannot differ between documents served side by side; no document here sets them.
 * And Prism's validation of its own answers is off (`validateResponse: false`): the suite checks
 * every answer itself, and Prism's check only cost time (a response schema Prism cannot compile is
 * compiled anew, and fails, on every request: about a second each for Xero's BatchPayments) and
 * put `response` entries nobody reads into `sl-violations`, ahead of the request's.
 *
 * Prism's pino logger is silent unless `log` is given; nothing of Prism reaches stdout or stderr.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { Server, ServerResponse } from 'node:http';
import { access } from 'node:fs/promises';
import type { Socket } from 'node:net';
import { resolve as resolvePath } from 'node:path';
import { Writable } from 'node:stream';
import { firstLine, SuiteSetupError } from '../../failClosed.js';
import { loadPrism, type PrismHttpServer } from './loadPrism.js';
import { findPrismBlindSpots, type PrismBlindSpot } from './prismBlindSpots.js';

export interface PrismServer {
  /** `http://127.0.0.1:<port>`, without a trailing slash. */
  baseUrl: string;
  /** Closes the server and every connection to it; resolves once the port is free. Idempotent. */
  stop(): Promise<void>;
  /** The operations whose requests Prism cannot validate, and where (see prismBlindSpots.ts). */
  blindSpots: PrismBlindSpot[];
}
const HOST = '127.0.0.1';
/** Node publishes every connection a server in this process accepts here. */
const SERVER_SOCKETS = 'net.server.socket';
/** And every request, before the server's handler (Prism's) runs, in the same synchronous step. */
const SERVER_REQUESTS = 'http.server.request.start';

/** The header of the answer sent for a request whose handling crashed Prism (see `answerCrash`). */
export const PRISM_CRASH_HEADER = 'x-conformance-prism-crash';

/**
 * The request each piece of Prism's work is for: entered when a request to one of our servers
 * starts, so that everything Prism does for it (promises, timers) runs in its context, and an
 * error Prism throws and never catches can be pinned on the request it broke.
 */
const requestContext = new AsyncLocalStorage<{ response: ServerResponse }>();

/**
 * Answers the request during which Prism threw `error` and did not catch it (in its own
 * validation of an answer, say) with a 500 naming the error in PRISM_CRASH_HEADER, so that the
 * case fails or is skipped saying so, instead of Prism's thread dying and every later case with
 * it. False when the error belongs to no request of ours (the caller lets it crash as before).
 */
export function answerCrash(error: unknown): boolean {
  const response = requestContext.getStore()?.response;
  if (!response) return false;
  const why = firstLine(error).replace(/[^\x20-\x7e]/g, '?').slice(0, 300);
  if (response.headersSent) response.destroy();
  else {
    response.writeHead(500, { 'content-type': 'text/plain', [PRISM_CRASH_HEADER]: why });
    response.end(`Prism crashed answering this request: ${why}`);
  }
  return true;
}

/** The configuration `prism mock` passes to `createServer` with the CLI's default flags, response validation off. */
const MOCK_CONFIG = {
  validateRequest: true,
  validateResponse: false,
  checkSecurity: true,
  errors: false,
  upstreamProxy: undefined,
  mock: { dynamic: false, ignoreExamples: false, seed: null },
  isProxy: false,
};

function logDestination(log: (line: string) => void): Writable {
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n')) if (line) log(line);
      done();
    },
  });
}

/**
 * Serves `document` (an absolute path) with Prism's mock on a free loopback port, in this thread;
 * every failure is a one-line SuiteSetupError naming the document. `log` receives Prism's log lines.
 */
export async function servePrism(document: string, log?: (line: string) => void): Promise<PrismServer> {
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
  const blindSpots = findPrismBlindSpots(operations);

  const logger = log
    ? prism.createLogger('CLI', { level: 'info' }, logDestination(log))
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
  const onRequest = (message: unknown): void => {
    const { socket, response, server: http } = message as { socket: Socket; response: ServerResponse; server: Server };
    if (port === 0 || socket.localPort !== port) return;
    // Node closes a connection idle for 5 s, and says so in `Keep-Alive: timeout=5`. The suite's
    // thread can be busy for longer (validating a large body) and then reuse a connection this
    // server has just closed: the request is reset (ECONNRESET) through nobody's fault. This
    // server's connections stay open until the client or stop() closes them.
    if (http.keepAliveTimeout !== 0) http.keepAliveTimeout = 0;
    requestContext.enterWith({ response });
  };
  subscribe(SERVER_REQUESTS, onRequest);

  let address: string;
  try {
    address = await server.listen(0, HOST);
  } catch (error) {
    unsubscribe(SERVER_SOCKETS, onSocket);
    unsubscribe(SERVER_REQUESTS, onRequest);
    throw new SuiteSetupError(`mock target: Prism could not listen on ${HOST} for ${document}: ${firstLine(error)}`);
  }
  port = Number(new URL(address).port);

  let stopping: Promise<void> | undefined;
  return {
    baseUrl: `http://${HOST}:${port}`,
    blindSpots,
    stop() {
      stopping ??= (async () => {
        const closed = server.close();
        for (const socket of sockets) socket.destroy();
        try {
          await closed;
        } finally {
          unsubscribe(SERVER_SOCKETS, onSocket);
          unsubscribe(SERVER_REQUESTS, onRequest);
        }
      })();
      return stopping;
    },
  };
}
