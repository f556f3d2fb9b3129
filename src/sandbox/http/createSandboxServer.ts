/**
 * The sandbox's HTTP layer: one server, ONE port, every mounted slice. The APIs' paths must not
 * collide (the route table refuses it at start), so the path alone picks the API; routes,
 * parameters, bodies, scopes and error statuses all come from the loaded documents (see
 * routeTable.ts and requestValidation.ts), and each slice answers in its own API's envelope. HEAD
 * is answered as GET, without the body. An unknown path is a 404 and a known path with another
 * method a 405 (with `Allow`), in the envelope of the API whose paths it lies under when that
 * API's slice gives one (`unrouted`), else in a neutral JSON body; a request Node's HTTP parser
 * refuses is a neutral 400; a request head over 16 KiB is a 431 in the envelope of the API its path
 * lies under (headLimit.ts), the neutral one past what Node's parser reads.
 *
 * Options: provider states (`POST /__states`, loopback only), a fault hook passed to the stores,
 * the per-key rate limit and the body size limit.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { baseUrlOf, isLoopbackHost } from '../../core/loopback.js';
import { loadProviderStateProtocol } from '../../core/providerStates/protocol.js';
import { documentedStatusKey } from '../../core/statusMatch.js';
import type { ApiHandler, ProviderState, UnroutedHandler } from '../slice.js';
import type { DemoData, Sandbox } from '../slices.js';
import type { Faults } from './faults.js';
import { json, repeatedHeaderNames, type HttpResult, type SandboxRequest } from './httpTypes.js';
import { createProviderStates, PROVIDER_STATES_PATH } from './providerStates.js';
import { isLoopbackRequest } from './loopbackRequest.js';
import { createRateLimiter, DEFAULT_RATE_LIMIT, type RateLimitOptions } from './rateLimiter.js';
import { HEAD_LIMIT_BYTES, headBytes, PARSER_HEAD_LIMIT_BYTES } from './headLimit.js';
import { type BodyTimeouts, ClientAborted, DEFAULT_BODY_LIMIT_BYTES, DEFAULT_BODY_TIMEOUTS, readBody } from './readBody.js';
import { parseRequestTarget } from './requestTarget.js';
import { buildRouteTable, type Route } from './routeTable.js';
import { challengeFor } from './challenge.js';

export interface SandboxServerOptions {
  /** Serve `POST /__states` (the suite's provider states). Only allowed when listening on loopback. */
  providerStates?: boolean;
  /** Fault hook handed to the stores' writes; off by default. The object is read on every call. */
  faults?: Faults;
  /** Per-key token bucket (default: generous, see DEFAULT_RATE_LIMIT). */
  rateLimit?: RateLimitOptions;
  /** Largest body read (default 2 MB); a larger one is a validation error in the API's envelope. */
  bodyLimitBytes?: number;
  /** How long a body may stall and take in all (default 10 s and 30 s); past it, the API's body error and the connection closed. */
  bodyTimeouts?: BodyTimeouts;
  /** How long the request line and headers may take (default 10 s); past it, the neutral 408 and the connection closed. */
  headersTimeoutMs?: number;
  /** The demo tenant provider states act in; seeded on first use when not given. */
  demo?: DemoData;
  /** Where unexpected errors and warnings go (default: stderr). */
  log?: (line: string) => void;
}

export interface ListeningSandbox {
  baseUrl: string;
  port: number;
  close(): Promise<void>;
}

export interface SandboxServer {
  /** Answers one request: the whole HTTP layer without a socket. */
  handle(request: SandboxRequest): Promise<HttpResult>;
  /** For `http.createServer`. */
  requestListener(req: IncomingMessage, res: ServerResponse): void;
  /** The live fault hook (same object as `options.faults`, when given). */
  faults: Faults;
  listen(port: number, host?: string): Promise<ListeningSandbox>;
}

/** The request target for a log line: at most 200 characters, control characters escaped. */
const target = (url: string | undefined) => JSON.stringify((url ?? '').slice(0, 200));

/** How long the request line and headers may take by default. */
export const DEFAULT_HEADERS_TIMEOUT_MS = 10_000;

const neutral = (status: number, error: string, message: string, headers: Record<string, string> = {}) => json(status, { error, message }, headers);

/** The methods a path's operations take, HEAD wherever GET is (HEAD answers as GET, without the body). */
const allowed = (methods: string[]) => methods.flatMap((m) => (m === 'GET' ? ['GET', 'HEAD'] : [m]));

/** A neutral JSON answer written straight on a socket Node's HTTP layer does not answer on; the socket then closes. */
function endSocket(socket: Socket, status: number, reason: string, body: { error: string; message: string }): void {
  const text = JSON.stringify(body);
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(text)}\r\nConnection: close\r\n\r\n${text}`);
}

/** The request a socket is answering, its response, and what ends its body when the parser refuses the rest of it. */
interface Exchange {
  req: IncomingMessage;
  res: ServerResponse;
  framing: AbortController;
}
const exchanges = new WeakMap<Socket, Exchange>();

/** Calls `then` once `res` is sent or its connection gone. */
function afterResponse(res: ServerResponse, then: () => void): void {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    then();
  };
  if (res.writableFinished || res.destroyed) return once();
  res.once('finish', once);
  res.once('close', once);
}

/**
 * The answer to bytes Node's HTTP parser refuses (an unknown method, no Host, Content-Length with
 * Transfer-Encoding, a NUL in a header, headers over the limit…): the neutral JSON body instead of
 * Node's answer without one. The parser's own words (`HPE_…`) stay out of it. Bytes refused while
 * a request's body is being read (a chunk size that does not parse) end that body instead: its
 * API answers with its own body error, and the connection closes. Bytes refused after a whole
 * request (a malformed one pipelined behind it) wait for that request's answer, which goes out
 * first and as if alone; the neutral answer follows it, in order.
 */
function refuseUnparsable(error: NodeJS.ErrnoException, socket: Socket): void {
  const exchange = exchanges.get(socket);
  // A client gone mid-body (a reset, or its end of the stream before the body's: HPE_INVALID_EOF_STATE) is no framing to answer.
  const clientGone = error.code === 'ECONNRESET' || error.code === 'HPE_INVALID_EOF_STATE';
  // Only the parser's refusals (`HPE_…`) concern the bytes after a request; a timeout is answered as before.
  if (exchange && error.code?.startsWith('HPE_') && !clientGone && socket.writable) {
    exchanges.delete(socket);
    if (!exchange.req.complete) return exchange.framing.abort("The body's HTTP/1.1 framing does not parse (a malformed chunk)");
    return afterResponse(exchange.res, () => answerUnparsable(error, socket));
  }
  answerUnparsable(error, socket);
}

function answerUnparsable(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === 'ECONNRESET' || !socket.writable) socket.destroy();
  else if (error.code === 'HPE_HEADER_OVERFLOW') endSocket(socket, 431, 'Request Header Fields Too Large', { error: 'headers_too_large', message: 'The request headers are too large' });
  else if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') endSocket(socket, 408, 'Request Timeout', { error: 'request_timeout', message: 'The request did not arrive in time' });
  else endSocket(socket, 400, 'Bad Request', { error: 'bad_request', message: 'The request is not valid HTTP/1.1' });
}

export async function createSandboxServer(sandbox: Sandbox, options: SandboxServerOptions = {}): Promise<SandboxServer> {
  const log = options.log ?? ((line: string) => process.stderr.write(`sandbox: ${line}\n`));
  const faults: Faults = options.faults ?? {};
  const rateLimiter = createRateLimiter(options.rateLimit ?? DEFAULT_RATE_LIMIT);
  const bodyLimit = options.bodyLimitBytes ?? DEFAULT_BODY_LIMIT_BYTES;
  const bodyTimeouts = options.bodyTimeouts ?? DEFAULT_BODY_TIMEOUTS;
  const headersTimeout = options.headersTimeoutMs ?? DEFAULT_HEADERS_TIMEOUT_MS;
  const routes = buildRouteTable(sandbox.slices.map((m) => m.api));
  const handlers = new Map<string, ApiHandler>(sandbox.slices.map((m) => [m.name, m.slice.createHandler({ api: m.api, store: m.store, rateLimiter, faults, log })]));
  const unrouted = new Map<string, UnroutedHandler>(sandbox.slices.flatMap((m) => (m.slice.unrouted ? [[m.name, m.slice.unrouted(m.api)] as const] : [])));

  let demo: Promise<DemoData> | undefined = options.demo ? Promise.resolve(options.demo) : undefined;
  const demoOf = async (name: string) => (await (demo ??= sandbox.seedDemo()))[name];
  const states = options.providerStates
    ? createProviderStates(
        loadProviderStateProtocol(sandbox.registry),
        Object.fromEntries(sandbox.slices.map((m): [string, Record<string, ProviderState>] => [m.name, m.slice.states({ api: m.api, store: m.store, demo: () => demoOf(m.name), rateLimiter, faults })])),
        log,
      )
    : undefined;

  const documented = new Map<Route, Map<number, boolean>>();
  /** Whether the route's document declares `status` (remembered per route and status). */
  const isDocumented = (route: Route, status: number): boolean => {
    let byStatus = documented.get(route);
    if (!byStatus) documented.set(route, (byStatus = new Map()));
    let known = byStatus.get(status);
    if (known === undefined) byStatus.set(status, (known = documentedStatusKey(route.operation.statuses(), status) !== undefined));
    return known;
  };

  async function handle(request: SandboxRequest): Promise<HttpResult> {
    if (request.pathname === PROVIDER_STATES_PATH && states && isLoopbackRequest(request)) {
      return states(request);
    }
    const match = routes.match(request.method === 'HEAD' ? 'GET' : request.method, request.pathname);
    if (match.kind === 'not-found') {
      const own = match.api && unrouted.get(match.api.name);
      if (own) return own({ status: 404, method: request.method, pathname: request.pathname });
      return neutral(404, 'not_found', `No API of this sandbox serves ${request.pathname}`);
    }
    if (match.kind === 'method-not-allowed') {
      const allow = allowed(match.allow).join(', ');
      const own = unrouted.get(match.api.name);
      if (own) {
        const result = own({ status: 405, method: request.method, pathname: request.pathname, allow });
        return { ...result, headers: { ...result.headers, Allow: allow } };
      }
      return neutral(405, 'method_not_allowed', `${request.pathname} does not take ${request.method} (only ${allow})`, { Allow: allow });
    }
    const { route, pathParams } = match;
    const result = await (handlers.get(route.api.name) as ApiHandler)(request, route, pathParams);
    if (!isDocumented(route, result.status)) {
      log(`warning: ${route.api.name} ${route.operation.operationId} answered ${result.status}, which its document does not declare`);
    }
    // Each slice answers a 401 in its API's envelope; the challenge HTTP requires of it is added here, for all.
    const challenge = result.status === 401 ? challengeFor(route) : undefined;
    if (challenge && !Object.keys(result.headers ?? {}).some((h) => h.toLowerCase() === 'www-authenticate')) {
      return { ...result, headers: { ...result.headers, 'WWW-Authenticate': challenge } };
    }
    return result;
  }

  /** The answer to a head over the limit: the 431 of the API whose paths `pathname` lies under, else the neutral one. */
  function headTooLarge(method: string, pathname: string): HttpResult {
    const match = routes.match(method === 'HEAD' ? 'GET' : method, pathname);
    const api = match.kind === 'matched' ? match.route.api : match.api;
    const own = api && unrouted.get(api.name);
    if (own) return own({ status: 431, method, pathname });
    return neutral(431, 'headers_too_large', `The request headers are too large: send at most ${HEAD_LIMIT_BYTES / 1024} KiB of request line and headers`);
  }

  function send(res: ServerResponse, result: HttpResult): void {
    if (result.body === undefined && result.text === undefined) {
      res.writeHead(result.status, result.headers ?? {});
      res.end();
      return;
    }
    const text = result.text ?? JSON.stringify(result.body);
    res.writeHead(result.status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text), ...result.headers });
    res.end(text);
  }

  function requestListener(req: IncomingMessage, res: ServerResponse): void {
    const exchange: Exchange = { req, res, framing: new AbortController() };
    exchanges.set(req.socket, exchange);
    afterResponse(res, () => {
      if (exchanges.get(req.socket) === exchange) exchanges.delete(req.socket);
    });
    void (async () => {
      try {
        if (req.headers.host === undefined && req.httpVersion === '1.1') {
          req.resume();
          send(res, neutral(400, 'bad_request', 'An HTTP/1.1 request must carry a Host header'));
          return;
        }
        const url = parseRequestTarget(req.url ?? '/');
        if (!url) {
          req.resume();
          send(res, neutral(400, 'bad_request', 'The request target is not a valid URL'));
          return;
        }
        // Refused before the body is read or anything runs; the body's bytes are not read, so the connection closes.
        if (headBytes(req) >= HEAD_LIMIT_BYTES) {
          res.setHeader('Connection', 'close');
          send(res, headTooLarge((req.method ?? 'GET').toUpperCase(), url.pathname));
          return;
        }
        const body = await readBody(req, bodyLimit, bodyTimeouts, exchange.framing.signal);
        // A body that stopped arriving is answered, and its connection closed: the rest is never read.
        if (body.kind === 'unreadable' && body.stalled) res.setHeader('Connection', 'close');
        const repeatedHeaders = repeatedHeaderNames(req.rawHeaders);
        const request: SandboxRequest = {
          method: (req.method ?? 'GET').toUpperCase(),
          pathname: url.pathname,
          searchParams: url.searchParams,
          headers: req.headers,
          body,
          ...(repeatedHeaders ? { repeatedHeaders } : {}),
          ...(req.socket.remoteAddress ? { remoteAddress: req.socket.remoteAddress } : {}),
          ...(url.host !== undefined ? { targetHost: url.host } : {}),
        };
        send(res, await handle(request));
      } catch (error) {
        if (error instanceof ClientAborted) {
          log(`${req.method} ${target(req.url)}: ${error.message}`);
          res.destroy();
          return;
        }
        // The details go to the log only: no database or JavaScript text reaches the client.
        log(`unexpected error on ${req.method} ${target(req.url)}: ${(error as Error).stack ?? String(error)}`);
        if (!res.headersSent && !res.destroyed) send(res, neutral(500, 'internal', 'The sandbox failed to answer; the details are in its log'));
        else res.destroy();
      }
    })();
  }

  async function listen(port: number, host = '127.0.0.1'): Promise<ListeningSandbox> {
    if (options.providerStates && !isLoopbackHost(host)) {
      throw new Error(`provider states (${PROVIDER_STATES_PATH}) may only be served on a loopback address, not on ${host}: listen on 127.0.0.1, ::1 or localhost, or leave provider states off`);
    }
    // Duplicate headers arrive joined (`Bearer a, Bearer b`), not all but the first dropped: two
    // credentials are no credential (401), two Content-Types no media type.
    // A request without Host gets the neutral 400 from requestListener, not Node's answer without a body.
    // Slow clients: headers must arrive within `headersTimeout` (else the neutral 408), checked
    // every quarter of it; a body's limits are readBody's, and `requestTimeout` only backs them up.
    const server = createServer(
      {
        joinDuplicateHeaders: true,
        maxHeaderSize: PARSER_HEAD_LIMIT_BYTES,
        requireHostHeader: false,
        headersTimeout: headersTimeout,
        requestTimeout: headersTimeout + bodyTimeouts.totalMs + 5000,
        connectionsCheckingInterval: Math.max(100, Math.min(1000, Math.floor(headersTimeout / 4))),
      },
      requestListener,
    );
    // Every header is kept (the byte limit bounds them): none dropped unseen past the 2,000th.
    server.maxHeadersCount = 0;
    server.on('clientError', refuseUnparsable);
    // `Expect: 100-continue` with a body or a head over the limit: the answer (too large) comes instead of the 100.
    server.on('checkContinue', (req: IncomingMessage, res: ServerResponse) => {
      if (!(Number(req.headers['content-length']) > bodyLimit) && headBytes(req) < HEAD_LIMIT_BYTES) res.writeContinue();
      requestListener(req, res);
    });
    // An `Expect` other than 100-continue cannot be met: the neutral JSON 417 (Node's own has no body).
    server.on('checkExpectation', (req: IncomingMessage, res: ServerResponse) => {
      req.resume();
      res.setHeader('Connection', 'close');
      send(res, neutral(417, 'expectation_failed', `The sandbox cannot meet Expect: ${String(req.headers.expect).slice(0, 100)} (only 100-continue)`));
    });
    server.on('connect', (_req: IncomingMessage, socket: Socket) => endSocket(socket, 405, 'Method Not Allowed', { error: 'method_not_allowed', message: 'This sandbox is no proxy: CONNECT is not served' }));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    const address = server.address() as AddressInfo;
    return {
      baseUrl: baseUrlOf(host, address.port),
      port: address.port,
      close: () =>
        new Promise<void>((resolve, reject) => {
          server.close((error) => (error ? reject(error) : resolve()));
          server.closeIdleConnections();
          // Requests still in flight get a moment to finish, then their connections are cut.
          setTimeout(() => server.closeAllConnections(), 2000).unref();
        }),
    };
  }

  return { handle, requestListener, faults, listen };
}
