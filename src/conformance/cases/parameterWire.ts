/**
 * Which parameters a negative case may break, and which broken values reach a server as the case
 * wrote them: a header or cookie parameter that carries a security scheme's credential has its
 * own cases (missing and malformed credentials), and the suite sets Accept, Content-Type,
 * Authorization and Cookie itself (OpenAPI ignores header parameters of the first three names).
 */
import type { OpenApiDocument } from '../../openapi/loadDocument.js';
import { credentialCarriers, placeCredential } from '../../openapi/securitySchemes.js';

const SUITE_HEADERS = /^(accept|content-type|authorization|cookie)$/i;

/**
 * Headers the HTTP client writes itself from the request (its framing and connection): a value
 * the suite set would be refused (`Content-Length: abc`), replaced, or would break the framing,
 * so a header parameter of one of these names is neither sent from the document nor broken.
 */
const CLIENT_HEADERS = /^(content-length|transfer-encoding|connection|keep-alive|upgrade|expect|host|te|trailer)$/i;

/**
 * Headers the HTTP client (Node's fetch) sends with a value of its own when the request sets none
 * (`Accept-Encoding: gzip, deflate`, `Accept-Language: *`, `User-Agent: node`, `Sec-Fetch-Mode:
 * cors`): a header parameter of one of these names is always sent with a valid value, or the
 * client's default, which the document may not allow, would stand in for it.
 */
const CLIENT_DEFAULT_HEADERS = /^(accept-encoding|accept-language|user-agent|sec-fetch-mode)$/i;

/** Whether the HTTP client sends the header `name` with a default of its own unless the request sets it. */
export function clientDefaultHeader(name: string): boolean {
  return CLIENT_DEFAULT_HEADERS.test(name);
}

/** Whether the HTTP client writes the header `name` itself (never the suite). */
export function clientWrittenHeader(name: string): boolean {
  return CLIENT_HEADERS.test(name);
}

/** RFC 9110 §5.1 (a field name) and RFC 6265 §4.1.1 (a cookie name): a token. */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/**
 * Whether a parameter named `name` in `location` can travel at all: a header or cookie name that
 * is not a token (`X-A\r\nInjected`, a space, a colon) is refused by the HTTP client, and would
 * break the request's framing if it were not. Path and query names are percent-encoded.
 */
export function sendableParameterName(location: string, name: string): boolean {
  return (location !== 'header' && location !== 'cookie') || TOKEN.test(name);
}

/** What a header or cookie parameter's name must be, with the rule that says so: `HTTP field name (RFC 9110 §5.1)`. */
export function parameterNameKind(location: string): string {
  return location === 'header' ? 'HTTP field name (RFC 9110 §5.1)' : 'cookie name (RFC 6265 §4.1.1)';
}

/** The cookie names (as sent) that carry a security scheme's credential. */
function credentialCookies(doc: OpenApiDocument): Set<string> {
  const names = new Set<string>();
  const schemes = doc.components?.securitySchemes;
  for (const scheme of Object.keys(schemes && typeof schemes === 'object' ? schemes : {})) {
    const placed = placeCredential(doc, scheme, 'user:password');
    if (!('error' in placed)) for (const name of Object.keys(placed.cookies)) names.add(name);
  }
  return names;
}

/** Whether a negative case may break the parameter `name` in `location` (path and query ones always). */
export function breakableParameter(doc: OpenApiDocument, location: string, name: string): boolean {
  if (!sendableParameterName(location, name)) return false;
  if (location === 'header') return !SUITE_HEADERS.test(name) && !CLIENT_HEADERS.test(name) && !credentialCarriers(doc).has(name.toLowerCase());
  if (location === 'cookie') return !credentialCookies(doc).has(name);
  return location === 'path' || location === 'query';
}

// A header value HTTP carries unchanged: visible ASCII, spaces only inside (RFC 9110 §5.5 strips
// the whitespace around a field value; fetch refuses control characters and non-Latin-1 text).
const HEADER_TEXT = /^[\x21-\x7e](?:[\x20-\x7e]*[\x21-\x7e])?$/;

/**
 * Whether a broken parameter value reaches the server as the rule it breaks: for a header only
 * text HTTP carries unchanged; an empty value only in a query (`?cursor=`, unless the parameter
 * says `allowEmptyValue: true`: OpenAPI's default is false) or a header (a field may be empty,
 * RFC 9110 §5.5), where it is a value the schema reads, never in a cookie (`lang=` reads as no
 * cookie to most servers).
 */
export function sendableBrokenValue(location: string, value: string, allowEmptyValue = false): boolean {
  if (location === 'path') return true;
  if (value === '') return location === 'header' || (location === 'query' && !allowEmptyValue);
  return location !== 'header' || HEADER_TEXT.test(value);
}

/** Why Prism cannot run an empty-value case: it reads `?q=` and an empty header as the parameter left out. */
export const PRISM_EMPTY_VALUE = 'Prism reads an empty query or header value as the parameter left out, so its report names no broken rule';
