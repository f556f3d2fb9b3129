/**
 * Routing derived from the bundled documents: one entry per operation, with a regular expression
 * built from its path template (`/v1/influencers/{influencerId}` → `^/v1/influencers/([^/]+)$`).
 *
 * ONE port serves every API of the sandbox: their paths must not collide, so a request's path
 * alone says which API it is for.
 * `buildRouteTable` checks that, and throws naming both operations if a document ever adds a
 * path another API already matches.
 *
 * A path no route matches still belongs to an API when it lies under that API's prefix: the
 * literal segments all its paths begin with (`/v1` for `/v1/influencers…` and
 * `/v1/social-accounts/…`; the whole path for an API of one path). Of several such APIs the one
 * with the longest prefix owns it; when two prefixes are equally long, or the API's paths share no
 * leading segment, none does, and the miss is the sandbox's own.
 */
import type { LoadedApi } from '../../core/loadApi.js';
import type { Operation } from '../../openapi/operations.js';
import { templatePattern } from '../../openapi/pathTemplate.js';

export interface Route {
  api: LoadedApi;
  operation: Operation;
  pattern: RegExp;
  /** Path parameter names, in the order of the pattern's capture groups. */
  paramNames: string[];
}

export type RouteMatch =
  | { kind: 'matched'; route: Route; pathParams: Record<string, string> }
  /** The path is an operation's, not the method: `api` is the route's. */
  | { kind: 'method-not-allowed'; allow: string[]; api: LoadedApi }
  /** `api`: the API whose prefix the path lies under, if any. */
  | { kind: 'not-found'; api?: LoadedApi };

export interface RouteTable {
  routes: Route[];
  match(method: string, pathname: string): RouteMatch;
}

export function buildRouteTable(apis: LoadedApi[]): RouteTable {
  const routes: Route[] = apis.flatMap((api) => api.operations.map((operation) => ({ api, operation, ...templatePattern(operation.path) })));
  // Fail closed on a collision between APIs: a sample path of each template must match no route of another API.
  for (const a of routes) {
    const sample = a.operation.path.replace(/\{[^}]+\}/g, 'x');
    const clash = routes.find((b) => b.api.name !== a.api.name && b.pattern.test(sample));
    if (clash) {
      throw new Error(`${a.api.name} ${a.operation.path} and ${clash.api.name} ${clash.operation.path} collide: one port cannot serve both`);
    }
  }

  const prefixes = apis.map((api) => ({ api, segments: commonLiteralPrefix(api.operations.map((o) => o.path)) })).filter((p) => p.segments.length > 0);
  /** The API whose prefix `pathname` lies under (segment by segment), unless two are equally close. */
  const ownerOf = (pathname: string): LoadedApi | undefined => {
    const segments = pathname.split('/').slice(1);
    let best: { api: LoadedApi; length: number } | undefined;
    let tied = false;
    for (const p of prefixes) {
      if (p.segments.length > segments.length || p.segments.some((s, i) => segments[i] !== s)) continue;
      if (!best || p.segments.length > best.length) {
        best = { api: p.api, length: p.segments.length };
        tied = false;
      } else if (p.segments.length === best.length) tied = true;
    }
    return best && !tied ? best.api : undefined;
  };

  return {
    routes,
    match(method, pathname) {
      const wanted = method.toLowerCase();
      let allow: Set<string> | undefined;
      let allowApi: LoadedApi | undefined;
      for (let r = 0; r < routes.length; r++) {
        const route = routes[r] as Route;
        const m = route.pattern.exec(pathname);
        if (m === null) continue;
        if (route.operation.method !== wanted) {
          (allow ??= new Set()).add(route.operation.method.toUpperCase());
          allowApi = route.api;
          continue;
        }
        const pathParams: Record<string, string> = {};
        for (let i = 0; i < route.paramNames.length; i++) pathParams[route.paramNames[i] as string] = decodeSegment(m[i + 1] as string);
        return { kind: 'matched', route, pathParams };
      }
      if (allow && allowApi) return { kind: 'method-not-allowed', allow: [...allow], api: allowApi };
      const api = ownerOf(pathname);
      return api ? { kind: 'not-found', api } : { kind: 'not-found' };
    },
  };
}

/** The literal (parameter-free) leading segments every path template shares, e.g. `['v1']`. */
function commonLiteralPrefix(paths: string[]): string[] {
  const split = paths.map((p) => p.split('/').slice(1));
  const first = split[0] ?? [];
  const out: string[] = [];
  for (let i = 0; i < first.length; i++) {
    const segment = first[i] as string;
    if (segment === '' || segment.includes('{') || !split.every((s) => s[i] === segment)) break;
    out.push(segment);
  }
  return out;
}

/** A path segment percent-decoded; one that is not valid percent-encoding is kept as is (and rejected by its parameter's pattern). */
function decodeSegment(raw: string): string {
  if (!raw.includes('%')) return raw;
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
