/**
 * Loads Prism's own libraries into this process, once: `@stoplight/prism-http-server` (the HTTP
 * server), `@stoplight/prism-http` (operations from a document) and `@stoplight/prism-core` (its
 * pino logger). They are resolved *through* `@stoplight/prism-cli`, the package's one optional peer
 * dependency, so the suite runs exactly the copies that `prism mock` would run, wherever the
 * package manager put them (hoisted by npm, nested under prism-cli by pnpm).
 *
 * Prism's types are not imported: the package builds and type-checks without Prism installed, so
 * the few members used here are typed locally.
 */
import { createRequire, Module } from 'node:module';
import { pathToFileURL } from 'node:url';
import { SuiteSetupError } from '../../failClosed.js';

/** The pino logger Prism's components receive (only what is used here). */
export interface PrismLogger {
  child(bindings: Record<string, unknown>): PrismLogger;
}

/** What `@stoplight/prism-http-server`'s `createServer` returns. */
export interface PrismHttpServer {
  listen(port: number, address?: string): Promise<string>;
  close(): Promise<void>;
}

export interface PrismLibrary {
  /** `@stoplight/prism-http`: the document, dereferenced and turned into Prism's operations. */
  getHttpOperationsFromSpec(documentFileOrObject: string | object): Promise<unknown[]>;
  /** `@stoplight/prism-http-server`. */
  createServer(operations: unknown[], options: { cors: boolean; config: Record<string, unknown>; components: { logger: PrismLogger } }): PrismHttpServer;
  /** `@stoplight/prism-core`: pino with Prism's levels; `destination` is any writable stream. */
  createLogger(name: string, options?: Record<string, unknown>, destination?: NodeJS.WritableStream): PrismLogger;
}

const PRISM_CLI = '@stoplight/prism-cli';
const NOT_INSTALLED = `the Prism mock is not installed: run \`npm install --save-dev ${PRISM_CLI}@5.14.2\`, or pass --target <api>=<baseUrl>`;

/** Prism-cli's own `require`, or a SuiteSetupError saying how to get it. */
function prismCliRequire(): NodeRequire {
  try {
    return createRequire(createRequire(import.meta.url).resolve(`${PRISM_CLI}/package.json`));
  } catch {
    throw new SuiteSetupError(NOT_INSTALLED);
  }
}

/** Throws the one-line "install @stoplight/prism-cli or pass --target" error when Prism is absent. */
export function assertMockAvailable(): void {
  prismCliRequire();
}

async function importCommonJs(from: NodeRequire, id: string): Promise<Record<string, unknown>> {
  let file: string;
  try {
    file = from.resolve(id);
  } catch {
    throw new SuiteSetupError(`${NOT_INSTALLED} (${id} was not found beside ${PRISM_CLI})`);
  }
  const namespace = (await import(pathToFileURL(file).href)) as { default?: Record<string, unknown> };
  return namespace.default ?? (namespace as Record<string, unknown>);
}

/**
 * Modules Prism requires when it loads but uses only for what the suite never asks of it: each is
 * given to Prism as a stand-in that requires the real module on first use, so nothing changes for
 * a caller that does use it. Found through Prism's own `require` chain; where a package is not
 * where this expects it, the real module loads as before. Together they are some 2,200 of Prism's
 * 2,900 files, about half of its start-up.
 * - prism-http's faker (1,900 files): it makes data up in dynamic mode, never on here;
 *   `JSONSchemaFaker.extend('faker', () => faker_1.default)` reads `default` at load, so `default`
 *   and `faker` are stand-ins too;
 * - postman-collection (280 files, its own faker among them): http-spec reads Postman collections
 *   with it, and Prism is only ever given OpenAPI documents here.
 */
const DEFERRED: { via: string[]; id: string; objects: string[]; constants: Record<string, unknown> }[] = [
  { via: ['@stoplight/prism-http'], id: '@faker-js/faker', objects: ['default', 'faker'], constants: { __esModule: true } },
  { via: ['@stoplight/prism-http', '@stoplight/http-spec'], id: 'postman-collection', objects: [], constants: {} },
];

/** A proxy whose every operation goes to `target()`, which is called only then. */
function forwardTo(target: () => object): ProxyHandler<object> {
  return {
    get: (_, key) => Reflect.get(target(), key),
    set: (_, key, value) => Reflect.set(target(), key, value),
    has: (_, key) => Reflect.has(target(), key),
    ownKeys: () => Reflect.ownKeys(target()),
    getOwnPropertyDescriptor: (_, key) => {
      const descriptor = Reflect.getOwnPropertyDescriptor(target(), key);
      // The proxy's own (empty) target has no such property: a proxy may not report it as fixed.
      return descriptor && { ...descriptor, configurable: true };
    },
    defineProperty: (_, key, descriptor) => Reflect.defineProperty(target(), key, descriptor),
  };
}

function defer(from: NodeRequire, { via, id, objects, constants }: (typeof DEFERRED)[number]): void {
  let owner = from;
  let file: string;
  try {
    for (const name of via) owner = createRequire(owner.resolve(name)); // its entry file: `exports` may hide package.json
    file = owner.resolve(id);
  } catch {
    return;
  }
  const cache = owner.cache;
  if (cache[file]) return; // already loaded (a second loadPrism after a failed one)
  let real: Record<string, object> | undefined;
  const load = (): Record<string, object> => {
    if (!real) {
      delete cache[file]; // the stand-in steps aside for the real module
      real = owner(id) as Record<string, object>;
    }
    return real;
  };
  const members = new Map<PropertyKey, unknown>([...Object.entries(constants), ...objects.map((name): [string, object] => [name, new Proxy({}, forwardTo(() => load()[name] as object))])]);
  const standIn = new Module(file);
  standIn.filename = file;
  standIn.loaded = true;
  standIn.exports = new Proxy({}, { ...forwardTo(load), get: (_, key) => (members.has(key) ? members.get(key) : Reflect.get(load(), key)) });
  cache[file] = standIn;
}

let loading: Promise<PrismLibrary> | undefined;

/** Prism's libraries, imported on the first call and shared by every mock target of the process. */
export function loadPrism(): Promise<PrismLibrary> {
  loading ??= (async () => {
    const from = prismCliRequire();
    for (const deferred of DEFERRED) defer(from, deferred);
    const [server, http, core] = await Promise.all([
      importCommonJs(from, '@stoplight/prism-http-server'),
      importCommonJs(from, '@stoplight/prism-http'),
      importCommonJs(from, '@stoplight/prism-core'),
    ]);
    return {
      getHttpOperationsFromSpec: http.getHttpOperationsFromSpec as PrismLibrary['getHttpOperationsFromSpec'],
      createServer: server.createServer as PrismLibrary['createServer'],
      createLogger: core.createLogger as PrismLibrary['createLogger'],
    };
  })();
  // A failed load (Prism absent) is not cached, so installing it mid-process works.
  loading.catch(() => (loading = undefined));
  return loading;
}
