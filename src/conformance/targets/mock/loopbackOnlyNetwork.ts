/**
 * Prism's dereferencer fetches every `$ref` URL it meets, even one inside an example value (a SCIM
 * example's `{ "$ref": "https://api.github.com/scim/v2/…" }` in GitHub's description), from the
 * mock's worker thread. The suite never sends anything to a host the user did not name, so that
 * thread's HTTP clients (http, https, fetch) are confined to loopback addresses before Prism is
 * loaded: any other URL is refused before a connection is made, naming it.
 */
import http from 'node:http';
import https from 'node:https';
import { syncBuiltinESMExports } from 'node:module';
import { isLoopbackUrl } from '../../../core/loopback.js';

const refusal = (url: string) => new Error(`refusing to fetch ${url}: the mock reads nothing outside this machine`);

/** The URL an `http.request`/`get` call names (a string, a URL, or an options object). */
function urlOf(args: unknown[], defaultProtocol: string): string {
  const [first] = args;
  if (typeof first === 'string') return first;
  if (first instanceof URL) return first.href;
  const options = (first ?? {}) as { protocol?: string; hostname?: string; host?: string; port?: number | string; path?: string };
  const host = options.hostname ?? options.host ?? 'localhost';
  return `${options.protocol ?? defaultProtocol}//${host.includes(':') && !host.startsWith('[') ? `[${host}]` : host}${options.port ? `:${options.port}` : ''}${options.path ?? '/'}`;
}

/** Confines this thread's http, https and fetch to loopback URLs; returns what undoes it (for tests). */
export function confineToLoopback(): () => void {
  const undo: (() => void)[] = [];
  for (const [module, protocol] of [[http, 'http:'], [https, 'https:']] as const) {
    for (const name of ['request', 'get'] as const) {
      const original = module[name] as (...args: unknown[]) => unknown;
      const guarded = function (this: unknown, ...args: unknown[]) {
        const url = urlOf(args, protocol);
        if (!isLoopbackUrl(url)) throw refusal(url);
        return original.apply(this, args);
      };
      (module as unknown as Record<string, unknown>)[name] = guarded;
      undo.push(() => void ((module as unknown as Record<string, unknown>)[name] = original));
    }
  }
  syncBuiltinESMExports(); // `import { get } from 'node:https'` sees the guard too
  undo.push(() => syncBuiltinESMExports());
  const originalFetch = globalThis.fetch;
  globalThis.fetch = (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    return isLoopbackUrl(url) ? originalFetch(input, init) : Promise.reject(refusal(url));
  };
  undo.push(() => void (globalThis.fetch = originalFetch));
  return () => undo.forEach((step) => step());
}
