/** The request and response shapes the sandbox's handlers speak: plain data, no sockets, so they unit-test without a server. */
import type { IncomingHttpHeaders } from 'node:http';

/** The body as read from the wire, before any parsing. */
export type RawBody =
  | { kind: 'empty' }
  /** `mediaTypeProblem`: the body was declared as another media type or charset than UTF-8 JSON, with none, or with a content or transfer coding other than chunked (bodyMediaType.ts). */
  | { kind: 'text'; text: string; mediaTypeProblem?: string }
  /** Over the size limit: the rest was discarded, unread. */
  | { kind: 'too-large'; limitBytes: number }
  /** Bytes that are no UTF-8 text, or (`stalled`) a body that stopped arriving in time; `problem` says which. */
  | { kind: 'unreadable'; problem: string; stalled?: true };

export interface SandboxRequest {
  /** Upper case, e.g. `DELETE`. */
  method: string;
  pathname: string;
  searchParams: URLSearchParams;
  /** Node's headers: names in lower case. */
  headers: IncomingHttpHeaders;
  body: RawBody;
  /**
   * Names (lower case) of the headers sent more than once. Node joins them with a comma, so a
   * header parameter given twice would read as one value (`Idempotency-Key: a, b`); this tells
   * it apart from one value holding a comma.
   */
  repeatedHeaders?: ReadonlySet<string>;
  /** The peer's address, when known. */
  remoteAddress?: string;
  /** The host an absolute-form request target names (`POST http://host/…`), which stands in for `Host`. */
  targetHost?: string;
}

export interface HttpResult {
  status: number;
  /** Serialised as JSON; omitted for an empty body. */
  body?: unknown;
  /** When set, sent as is instead of serialising `body` (the exact bytes of a replayed response). */
  text?: string;
  headers?: Record<string, string>;
}

/** A JSON response. */
export const json = (status: number, body: unknown, headers: Record<string, string> = {}): HttpResult => ({ status, body, headers });

/** A JSON response whose text is already written: sent byte for byte. */
export const jsonText = (status: number, text: string, headers: Record<string, string> = {}): HttpResult => ({ status, body: JSON.parse(text), text, headers });

/** A single header value (the first, when a header was sent several times). */
export function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

/** Names (lower case) of the headers given more than once in Node's `rawHeaders` (name, value, name, value…); `undefined` when none is. */
export function repeatedHeaderNames(rawHeaders: readonly string[]): ReadonlySet<string> | undefined {
  let seen: Set<string> | undefined;
  let repeated: Set<string> | undefined;
  for (let i = 0; i < rawHeaders.length; i += 2) {
    const name = (rawHeaders[i] as string).toLowerCase();
    if ((seen ??= new Set()).has(name)) (repeated ??= new Set()).add(name);
    else seen.add(name);
  }
  return repeated;
}
