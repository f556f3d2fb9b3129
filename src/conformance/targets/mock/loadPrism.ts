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
import { createRequire } from 'node:module';
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

let loading: Promise<PrismLibrary> | undefined;

/** Prism's libraries, imported on the first call and shared by every mock target of the process. */
export function loadPrism(): Promise<PrismLibrary> {
  loading ??= (async () => {
    const from = prismCliRequire();
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
