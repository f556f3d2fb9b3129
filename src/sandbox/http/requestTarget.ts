/**
 * The path and query of a request target, taken as sent: no dot segment resolved (`/a/../b`,
 * `/%2e%2e/`), no backslash read as a slash, no `//host` read as an authority, no percent-decoding
 * of the path (a path parameter is decoded once, when its route matched: routeTable.ts). The
 * routes then match the path the client wrote, so `DELETE /v1/influencers/inf_A/../inf_B` is no
 * delete of `inf_B` and `//x/v1/influencers` is no list: both 404, as the trailing slash and the
 * doubled slash already were. The WHATWG URL parser, used before, normalises all of these.
 *
 * Forms (RFC 9112 §3.2): origin-form (`/path?query`) and absolute-form (`http://host/path?query`,
 * whose authority must parse; it picks no API, since one port serves every API, but it is the
 * host the request names, in place of `Host` (§3.2.2), kept as `host`). Anything else (the
 * asterisk-form, a bare word, a target that is no URL) is `undefined`: the neutral 400.
 */
export interface RequestTarget {
  pathname: string;
  searchParams: URLSearchParams;
  /** The host name an absolute-form target names (`http://host/…`); absent in origin-form. */
  host?: string;
}

const ABSOLUTE = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//;

export function parseRequestTarget(target: string): RequestTarget | undefined {
  let rest: string;
  let host: string | undefined;
  if (target.startsWith('/')) rest = target;
  else if (ABSOLUTE.test(target)) {
    try {
      host = new URL(target).hostname;
    } catch {
      return undefined;
    }
    const afterScheme = target.indexOf('//') + 2;
    const pathStart = target.slice(afterScheme).search(/[/?#]/);
    rest = pathStart < 0 ? '/' : target.slice(afterScheme + pathStart);
    if (!rest.startsWith('/')) rest = `/${rest}`;
  } else return undefined;
  const hash = rest.indexOf('#');
  if (hash >= 0) rest = rest.slice(0, hash);
  const question = rest.indexOf('?');
  const parts = question < 0 ? { pathname: rest, searchParams: new URLSearchParams() } : { pathname: rest.slice(0, question), searchParams: new URLSearchParams(rest.slice(question + 1)) };
  return host === undefined ? parts : { ...parts, host };
}
