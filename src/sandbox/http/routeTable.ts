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
      let hit: { route: Route; m: RegExpExecArray } | undefined;
      const allow = new Set<string>();
      for (const route of routes) {
        const m = route.pattern.exec(pathname);
        if (m === null) continue;
        if (route.operation.method === wanted) {
          hit = { route, m };
          break;
        }
        allow.add(route.operation.method.toUpperCase());
      }
      if (!hit && allow.size === 0) return { kind: 'not-found' };
      if (!hit) return { kind: 'method-not-allowed', allow: [...allow] };
      const pathParams: Record<string, string> = {};
      for (const [i, name] of hit.route.paramNames.entries()) {
        const raw = hit.m[i + 1] as string;
        let value: string;
        try {
          value = decodeURIComponent(raw);
        } catch {
          value = raw; // not valid percent-encoding: validated as is, and rejected by the pattern
        }
        pathParams[name] = value;
      }
      return { kind: 'matched', route: hit.route, pathParams };
    },
  };
}
