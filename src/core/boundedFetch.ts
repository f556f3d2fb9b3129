/**
 * The one way the suite's requests reach a server (cases, scenarios' typed clients, provider
 * states, the reachability check): never follows a redirect (a 3xx is answered as it is, so nothing
 * goes to a host the user did not name), stops at a time limit, reads at most `maxBodyBytes` of
 * the body while it streams, and turns every network failure into one sentence saying why.
 */
import { maxHeaderSize } from 'node:http';

export interface TransportLimits {
  /** Time for the whole exchange, from connecting to the last byte of the body. */
  timeoutMs: number;
  /** Bytes of response body read at most; a longer body is a failure. */
  maxBodyBytes: number;
}

/** `--timeout 30` and `--max-body 10` (MiB): the documented defaults. */
export const DEFAULT_LIMITS: TransportLimits = { timeoutMs: 30_000, maxBodyBytes: 10 * 1024 * 1024 };

/** A request that got no complete answer; the message says why in words. */
export class TransportError extends Error {
  override name = 'TransportError';
  /** Whether the time limit ran out (the target is slow), rather than the connection failing. */
  readonly timedOut: boolean;
  constructor(message: string, options: { timedOut?: boolean } = {}) {
    super(message);
    this.timedOut = options.timedOut ?? false;
  }
}

export interface BoundedResponse {
  status: number;
  /** Header names lower-cased. */
  headers: Record<string, string>;
  bodyText: string;
  /** Set when the body's bytes are not valid UTF-8: `bodyText` then holds U+FFFD in their place. */
  invalidUtf8?: true;
}

export interface BoundedRequest {
  method: string;
  headers?: Record<string, string>;
  body?: string;
}

const mib = (bytes: number) => `${Number((bytes / 1024 / 1024).toFixed(3))} MiB`;
const seconds = (ms: number) => `${Number((ms / 1000).toFixed(3))} s`;

const CAUSES: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset by the server',
  EPIPE: 'the server closed the connection while the request was being sent',
  ENOTFOUND: 'DNS: host not found',
  EAI_AGAIN: 'DNS: lookup failed (temporary failure)',
  ETIMEDOUT: 'connection timed out',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  UND_ERR_CONNECT_TIMEOUT: 'connection timed out',
  UND_ERR_SOCKET: 'the server closed the connection before the response was complete',
  UND_ERR_HEADERS_OVERFLOW: `the response headers exceed ${maxHeaderSize} bytes`,
  UND_ERR_HEADERS_TIMEOUT: 'timed out waiting for the response headers',
  UND_ERR_BODY_TIMEOUT: 'timed out waiting for the response body',
  UND_ERR_RES_CONTENT_LENGTH_MISMATCH: 'the body does not match its Content-Length',
};

const isTls = (code: string) => /^(ERR_TLS_|ERR_SSL_|CERT_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_|ERR_OSSL_)/.test(code) || code === 'EPROTO';

/** One sentence for a failed fetch: undici's `error.cause.code` in words, with the code kept for searching. */
export function describeNetworkError(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } } | undefined)?.cause;
  const code = typeof cause?.code === 'string' ? cause.code : undefined;
  const detail = typeof cause?.message === 'string' ? cause.message : error instanceof Error ? error.message : String(error);
  if (code && CAUSES[code]) return `${CAUSES[code]} (${code})`;
  if (code && isTls(code)) return `TLS: ${detail} (${code})`;
  if (code?.startsWith('HPE_')) return `the answer is not valid HTTP: ${detail} (${code})`;
  // undici's parser asserts what it cannot follow (a status below 100, an answer to no request): its words are `false == true`.
  if (code === 'ERR_ASSERTION') return `the answer is not valid HTTP: the HTTP client could not follow it (a status below 100, or an answer to no request) (${code})`;
  if (code) return `${detail} (${code})`;
  // undici's fetch fails with no cause at all for a 407 answer (the Fetch standard makes it a network error).
  return detail && detail !== 'fetch failed' ? detail : 'the HTTP client failed without a cause: the Fetch API does so for a 407 (Proxy Authentication Required) answer, which it never delivers';
}

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The body's text, and whether its bytes were valid UTF-8 (a byte order mark is kept as U+FEFF). */
function decode(bytes: Buffer): { bodyText: string; invalidUtf8?: true } {
  try {
    return { bodyText: UTF8.decode(bytes) };
  } catch {
    return { bodyText: bytes.toString('utf8'), invalidUtf8: true };
  }
}

async function readBody(response: Response, maxBodyBytes: number): Promise<{ bodyText: string; invalidUtf8?: true }> {
  const tooLarge = () => new TransportError(`the response body is larger than the ${mib(maxBodyBytes)} limit (--max-body)`);
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBodyBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw tooLarge();
  }
  if (!response.body) return { bodyText: '' };
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBodyBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  return decode(Buffer.concat(chunks));
}

/**
 * Sends one request and reads its answer within `limits`. `readBody: false` cancels the body
 * unread (the reachability check). Rejects only with a TransportError.
 */
export async function boundedFetch(url: string, request: BoundedRequest, limits: TransportLimits, options: { readBody?: boolean } = {}): Promise<BoundedResponse> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, limits.timeoutMs);
  try {
    const response = await fetch(url, {
      method: request.method,
      ...(request.headers ? { headers: request.headers } : {}),
      ...(request.body !== undefined ? { body: request.body } : {}),
      redirect: 'manual',
      signal: controller.signal,
    });
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      headers[name.toLowerCase()] = value;
    });
    if (options.readBody === false) {
      await response.body?.cancel().catch(() => undefined);
      return { status: response.status, headers, bodyText: '' };
    }
    return { status: response.status, headers, ...(await readBody(response, limits.maxBodyBytes)) };
  } catch (error) {
    if (error instanceof TransportError) throw error;
    if (timedOut) throw new TransportError(`no complete answer within ${seconds(limits.timeoutMs)} (--timeout)`, { timedOut: true });
    throw new TransportError(describeNetworkError(error));
  } finally {
    clearTimeout(timer);
  }
}

const NULL_BODY = new Set([101, 103, 204, 205, 304]);

/** A `Response` for code that wants one (the generated clients), built from a bounded answer. */
export function toResponse(answer: BoundedResponse, url: string): Response {
  const headers = new Headers();
  for (const [name, value] of Object.entries(answer.headers)) {
    try {
      headers.set(name, value);
    } catch {
      // a header the Fetch API will not hold (it was received, so it is recorded above): left out of the Response
    }
  }
  const status = answer.status >= 200 && answer.status <= 599 ? answer.status : 599;
  const response = new Response(NULL_BODY.has(status) ? null : answer.bodyText, { status, headers });
  Object.defineProperty(response, 'url', { value: url });
  return response;
}
