import type { OpenApiDocument } from '../../openapi/loadDocument.js';
import { OTHER_SCHEME_NAME, type ObservedResponse, type RequestSpec } from '../model.js';
import { boundedFetch, DEFAULT_LIMITS, type TransportLimits } from '../../core/boundedFetch.js';
import { credentialCarriers, placeCredential } from '../../openapi/securitySchemes.js';
import { fillPathTemplate } from '../../openapi/pathTemplate.js';
import { encodeComponent } from '../../openapi/percentEncode.js';
import type { Credentials } from './credentials.js';
import { swapLetterCase } from '../../core/letterCase.js';
import { getOwn } from '../../core/ownMember.js';


export interface PreparedRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: string;
  /** The same request as a `curl` command, credentials written as `$ENV_VAR`. */
  curl: string;
}

const shellQuote = (s: string) => `'${s.replaceAll("'", `'\\''`)}'`;

const VARIABLE = /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))/g;

/** The environment variables named in `shown` texts the suite wrote itself (`$PETS_API_KEY`, `${BOX_TOKEN}`). */
const variablesIn = (shown: readonly string[]) => new Set(shown.flatMap((text) => [...text.matchAll(VARIABLE)].map((m) => (m[1] ?? m[2]) as string)));

/**
 * `text` as one shell word: single-quoted throughout (so a document's `$(…)`, backquotes, `$HOME`
 * or `!` stay inert when the line is pasted), except the references to `variables`, which are
 * double-quoted so the shell expands them: `'http://h/a?key='"$KEY"'&x=1'`.
 */
function shellWord(text: string, variables: ReadonlySet<string>): string {
  const refs = [...text.matchAll(VARIABLE)];
  const live = refs.filter((m) => variables.has((m[1] ?? m[2]) as string));
  if (live.length === 0) return shellQuote(text);
  // nothing else a double-quoted shell word reads (`$`, backquote, backslash, `"`, `!`): the plain form, "Bearer $KEY"
  if (live.length === refs.length && !/[`\\"!]/.test(text)) return `"${text}"`;
  let out = '';
  let last = 0;
  for (const m of live) {
    if (m.index > last) out += shellQuote(text.slice(last, m.index));
    out += `"${m[0]}"`;
    last = m.index + m[0].length;
  }
  if (last < text.length || out === '') out += shellQuote(text.slice(last));
  return out;
}

/** A request whose credentials cannot be supplied (no `--header` for a scheme, a scheme that cannot be sent): the case is skipped. */
/** The credential of an `unknown` request: no server issued it (for http basic, read as user `conformance-unknown`, password `credential`). */
export const UNKNOWN_CREDENTIAL = 'conformance-unknown:credential';

/** A request the suite will not send (the case is skipped, with the message as its reason). */
export class UnsendableRequest extends Error {
  override name = 'UnsendableRequest';
}

export class CredentialError extends UnsendableRequest {
  override name = 'CredentialError';
}

/**
 * A document path that does not start with `/` (`@host:port/x`): written after the base URL, its
 * text would be read as part of the URL's authority and name another host (the base URL's own
 * `host:port` then reads as userinfo, and a copied curl line would go there).
 */
function assertPathStaysOnTarget(path: string): void {
  if (!path.startsWith('/')) throw new UnsendableRequest(`the path '${path}' does not start with '/': after the base URL it would name another host, so nothing is sent`);
}

/** A `.` or `..` segment as the URL Standard reads one: `%2e` is a dot there too. */
const DOT_SEGMENT = /^(?:\.|%2e){1,2}$/i;

/**
 * A path with a `.` or `..` segment (a document's `/../../etc/passwd`, a path value `..`): a URL
 * resolves it away (`/x/..` is `/`), so the request would reach another path than the case names,
 * and no encoding keeps it. Read as the URL parser reads the path: tabs and line breaks dropped,
 * cut at `?` or `#`, split at `/` and at `\` (a separator in http URLs).
 */
function assertNoDotSegment(path: string): void {
  const parsed = path.replace(/[\t\n\r]/g, '').split(/[?#]/)[0] as string;
  if (parsed.split(/[/\\]/).some((segment) => DOT_SEGMENT.test(segment))) {
    throw new UnsendableRequest(`the path '${path}' has a '.' or '..' segment, which a URL resolves away: the request would reach another path, so nothing is sent`);
  }
}

// The query of a request: its scalar parameters, then serialised pairs, then query credentials.
function queryOf(spec: RequestSpec, extra: Record<string, string>): string {
  const params = new URLSearchParams(spec.query);
  for (const [k, v] of spec.queryPairs ?? []) params.append(k, v);
  for (const [k, v] of Object.entries(extra)) params.set(k, v);
  return params.toString();
}

/** The headers that carry a credential of a scheme other than `schemes`, and of none of `schemes` (none when `schemes` is empty). */
function otherWaysCarriers(doc: OpenApiDocument, schemes: readonly string[]): Set<string> {
  if (schemes.length === 0) return new Set();
  const own = credentialCarriers(doc, schemes);
  return new Set([...credentialCarriers(doc)].filter((header) => !own.has(header)));
}

/**
 * Turns a case's request into URL, headers and body for `baseUrl`, with credentials applied for
 * each scheme of its requirement (every type `placeCredential` knows: apiKey in header, query or
 * cookie; http bearer, basic or another scheme; oauth2 and openIdConnect tokens). The curl line
 * shows each secret as its variable (`$ENV`) or `[REDACTED]`. Throws CredentialError when a
 * scheme has no credential.
 */
export function prepareRequest(doc: OpenApiDocument, baseUrl: string, spec: RequestSpec, credentials: Credentials): PreparedRequest {
  const value = (name: string) => getOwn(spec.encodedPathParams, name) ?? encodeComponent(getOwn(spec.pathParams, name) ?? `{${name}}`);
  const path = fillPathTemplate(spec.pathTemplate, value);
  const headers: Record<string, string> = { Accept: 'application/json', ...spec.headers };
  const shown: Record<string, string> = { ...headers };
  const cookies: Record<string, string> = { ...spec.cookies };
  const shownCookies: Record<string, string> = { ...spec.cookies };
  const query: Record<string, string> = {};
  const shownQuery: Record<string, string> = {};
  /** What the suite itself shows for credentials: the only texts whose `$VAR`s the curl line lets the shell expand. */
  const suiteShown: string[] = [];
  const schemes = spec.auth.kind === 'scheme' ? [spec.auth.scheme] : spec.auth.kind === 'requirement' || spec.auth.kind === 'unknown' ? spec.auth.schemes : [];
  for (const scheme of schemes) {
    const supplied = spec.auth.kind === 'unknown'
      ? { value: UNKNOWN_CREDENTIAL, shown: UNKNOWN_CREDENTIAL }
      : credentials.forScheme ? credentials.forScheme(scheme) : { value: credentials.apiKey, shown: `$${credentials.apiKeyEnv}` };
    if (supplied === 'headers') {
      if (spec.credentialRespelled) throw new UnsendableRequest(`the credential of '${scheme}' comes from --header: the suite does not respell it in other letter case`);
      continue; // the user's --header carries it
    }
    if (supplied) suiteShown.push(supplied.shown);
    if (!supplied) throw new CredentialError(`no credential for security scheme '${scheme}'${credentials.hint ? `: ${credentials.hint}` : ''}`);
    const value = spec.credentialRespelled === 'letter-case' ? swapLetterCase(supplied.value) : spec.credentialRespelled === 'bearer-prefix' ? `Bearer ${supplied.value}` : supplied.value;
    if (value === supplied.value && spec.credentialRespelled) throw new UnsendableRequest(`the credential of '${scheme}' has no letter whose case could be changed`);
    const placed = placeCredential(doc, scheme, value);
    if ('error' in placed) throw new CredentialError(placed.error);
    const display = placeCredential(doc, scheme, supplied.shown.includes(':') || !placed.headers.Authorization?.startsWith('Basic ') ? supplied.shown : `${supplied.shown}:`);
    for (const [k, v] of Object.entries(placed.headers)) {
      headers[k] = v;
      shown[k] = v.startsWith('Basic ') && supplied.value !== supplied.shown ? 'Basic [REDACTED]' : ('error' in display ? '[REDACTED]' : display.headers[k] ?? '[REDACTED]');
    }
    for (const [k, v] of Object.entries(placed.query)) {
      query[k] = v;
      shownQuery[k] = 'error' in display ? '[REDACTED]' : display.query[k] ?? '[REDACTED]';
    }
    for (const [k, v] of Object.entries(placed.cookies)) {
      cookies[k] = v;
      shownCookies[k] = 'error' in display ? '[REDACTED]' : display.cookies[k] ?? '[REDACTED]';
    }
  }
  // A request that must go without valid credentials (missing, malformed, an anonymous
  // alternative) leaves out the extra headers that carry a scheme's credential (`--header
  // 'api=Authorization: …'`): sent anyway, they would authenticate the request the case says has none.
  // And a request sent with one way in (its schemes) leaves out the extra headers that carry only
  // the other ways' credentials: a request meant to break, or to prove, that way alone would
  // otherwise get in on another (`X-Api-Key` beside a Bearer sent without its scheme name).
  const carriers = spec.auth.kind === 'none' || spec.auth.kind === 'malformed' || spec.auth.kind === 'unknown' ? credentialCarriers(doc) : otherWaysCarriers(doc, schemes);
  let extraCookie: { value: string; shown: string } | undefined;
  // A header the case sets or leaves out itself (a header parameter it breaks or omits) is its own:
  // an extra header of that name would put back the value the case took away.
  const own = new Set((spec.ownHeaders ?? []).map((h) => h.toLowerCase()));
  for (const extra of credentials.extraHeaders) {
    const name = extra.header.toLowerCase();
    if (carriers.has(name) || own.has(name)) continue;
    const shownValue = extra.shown ?? `$${extra.env}`;
    suiteShown.push(shownValue);
    // A `Cookie` given as a header joins the cookie parameters and keys in one header, never two.
    if (name === 'cookie') extraCookie = { value: extra.value, shown: shownValue };
    else {
      headers[extra.header] = extra.value;
      shown[extra.header] = shownValue;
    }
  }
  // The scheme name respelled where the case says so, the Authorization of a --header included.
  if (spec.authorizationScheme) {
    const respell = (value: string) => {
      const at = value.indexOf(' ');
      if (at <= 0) return value;
      if (spec.authorizationScheme === 'omitted') return value.slice(at + 1);
      if (spec.authorizationScheme === 'other-name') return `${OTHER_SCHEME_NAME}${value.slice(at)}`;
      return `${value.slice(0, at).toLowerCase()}${value.slice(at)}`;
    };
    for (const name of Object.keys(headers).filter((h) => h.toLowerCase() === 'authorization')) {
      headers[name] = respell(headers[name] as string);
      if (shown[name] !== undefined) shown[name] = respell(shown[name] as string);
    }
  }
  if (spec.auth.kind === 'malformed') {
    headers[spec.auth.header] = shown[spec.auth.header] = spec.auth.value;
  }
  const cookieText = (c: Record<string, string>) => Object.entries(c).map(([k, v]) => `${k}=${v.startsWith('$') ? v : encodeComponent(v)}`).join('; ');
  if (Object.keys(cookies).length > 0 || extraCookie) {
    const join = (...parts: string[]) => parts.filter(Boolean).join('; ');
    headers.Cookie = join(extraCookie?.value ?? '', cookieText(cookies));
    shown.Cookie = join(extraCookie?.shown ?? '', cookieText(shownCookies));
  }
  let body: string | undefined;
  if (spec.body && 'json' in spec.body) {
    body = JSON.stringify(spec.body.json);
    headers['Content-Type'] = shown['Content-Type'] = spec.body.contentType ?? 'application/json';
  } else if (spec.body) {
    body = spec.body.raw;
    headers['Content-Type'] = shown['Content-Type'] = spec.body.contentType;
  }
  assertPathStaysOnTarget(path);
  // The template as written is read too: its literal text is encoded on the way, but a document
  // path that reads as a dot segment (`/x/%2e%2E/y`) is refused, not sent as another text.
  assertNoDotSegment(spec.pathTemplate.replace(/\{([^}]+)\}/g, (_, name: string) => value(name)));
  assertNoDotSegment(path);
  const base = `${baseUrl.replace(/\/+$/, '')}${path}`;
  const q = queryOf(spec, query);
  const url = `${base}${q ? `?${q}` : ''}`;
  // Shown with the variable names left unencoded, so that the shell expands them.
  const variables = variablesIn(suiteShown);
  const shownQ = queryOf(spec, shownQuery).replace(/%24([A-Za-z_][A-Za-z0-9_]*)/g, (all, name: string) => (variables.has(name) ? `$${name}` : all));
  const shownUrl = `${base}${shownQ ? `?${shownQ}` : ''}`;
  const curlBody = body === undefined ? '' : ` --data ${shellQuote(body.length > 2000 ? `${body.slice(0, 2000)}…` : body)}`;
  const curlHeaders = Object.entries(shown)
    .map(([k, v]) => ` -H ${shellWord(`${k}: ${v}`, variables)}`)
    .join('');
  const curlUrl = shellWord(shownUrl, variables);
  return { url, method: spec.method, headers, ...(body !== undefined ? { body } : {}), curl: `curl -i -X ${spec.method} ${curlUrl}${curlHeaders}${curlBody}` };
}


/** Sends a prepared request and reads its answer within `limits` (no redirect followed); rejects with a TransportError saying why. */
export async function sendRequest(request: PreparedRequest, limits: TransportLimits = DEFAULT_LIMITS): Promise<ObservedResponse> {
  return boundedFetch(request.url, { method: request.method, headers: request.headers, ...(request.body !== undefined ? { body: request.body } : {}) }, limits);
}
