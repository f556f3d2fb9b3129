/**
 * Routing derived from the bundled documents: one entry per operation, with a regular expression
 * built from its path template (`/v1/influencers/{influencerId}` → `^/v1/influencers/([^/]+)$`).
 *
 * ONE port serves every API of the sandbox: their paths must not collide, so a request's path
 * alone says which API it is for.
 * `buildRouteTable` checks that, and throws naming both operations if a document ever adds a
 * path another API already matches.
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
  | { kind: 'method-not-allowed'; allow: string[] }
  | { kind: 'not-found' };

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

  return {
    routes,
    match(method, pathname) {
      const wanted = method.toLowerCase();
      let allow: Set<string> | undefined;
      for (let r = 0; r < routes.length; r++) {
        const route = routes[r] as Route;
        const m = route.pattern.exec(pathname);
        if (m === null) continue;
        if (route.operation.method !== wanted) {
          (allow ??= new Set()).add(route.operation.method.toUpperCase());
          continue;
        }
        const pathParams: Record<string, string> = {};
        for (let i = 0; i < route.paramNames.length; i++) pathParams[route.paramNames[i] as string] = decodeSegment(m[i + 1] as string);
        return { kind: 'matched', route, pathParams };
      }
      return allow ? { kind: 'method-not-allowed', allow: [...allow] } : { kind: 'not-found' };
    },
  };
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
