/**
 * Drives the sandbox's HTTP layer through `handle()` (no socket) over the REAL store on PGlite
 * (one database per test file: `openHarnessDatabase()` in beforeAll; each harness mounts fresh
 * stores and a fresh server over it), and checks EVERY answer to a documented operation with the
 * conformance suite's own `checkResponse`: documented status, content type, body valid against the
 * documented schema, required headers, and the API's declared field errors.
 */
import { afterAll, beforeAll, expect } from 'vitest';
import type { LoadedApi } from '../../../src/core/loadApi.js';
import { checkResponse } from '../../../src/conformance/checks/checkResponse.js';
import { createSandboxServer, type ListeningSandbox, type SandboxServer, type SandboxServerOptions } from '../../../src/sandbox/http/createSandboxServer.js';
import type { HttpResult, RawBody, SandboxRequest } from '../../../src/sandbox/http/httpTypes.js';
import { buildRouteTable } from '../../../src/sandbox/http/routeTable.js';
import type { SqlDb } from '../../../src/sandbox/store/sqlDb.js';
import { mountTestSandbox, openSandboxDatabase, sharedApis, type TestDemo, type TestStores } from '../../support/sandboxDatabase.js';

export interface SendOptions {
  headers?: Record<string, string>;
  /** An object is sent as JSON; a string as is. */
  body?: unknown;
  raw?: RawBody;
  query?: Record<string, string | string[]>;
  remoteAddress?: string;
}

export interface Harness {
  db: SqlDb;
  store: TestStores;
  demo: TestDemo;
  sandbox: SandboxServer;
  apis: LoadedApi[];
  logs: string[];
  /** Sends, and fails the test when a documented operation's answer breaks its document. */
  send(method: string, path: string, options?: SendOptions): Promise<HttpResult & { body: any }>;
}

export interface HarnessDatabase {
  db: SqlDb;
  demo: TestDemo;
  /** A new server (and fresh store objects) over this file's database. */
  harness(options?: SandboxServerOptions): Promise<Harness>;
  close(): Promise<void>;
}

export function request(method: string, path: string, options: SendOptions = {}): SandboxRequest {
  const searchParams = new URLSearchParams();
  for (const [k, v] of Object.entries(options.query ?? {})) for (const one of Array.isArray(v) ? v : [v]) searchParams.append(k, one);
  const body: RawBody =
    options.raw ?? (options.body === undefined ? { kind: 'empty' } : { kind: 'text', text: typeof options.body === 'string' ? options.body : JSON.stringify(options.body) });
  const headers = Object.fromEntries(Object.entries(options.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
  return { method, pathname: path, searchParams, headers, body, ...(options.remoteAddress ? { remoteAddress: options.remoteAddress } : {}) };
}

/** Opens this test file's database (PGlite in memory), migrated and with the demo tenants seeded. */
export async function openHarnessDatabase(): Promise<HarnessDatabase> {
  const db = await openSandboxDatabase();
  const demo = await (await mountTestSandbox(db)).seedDemo();
  const apis = await sharedApis();
  const routes = buildRouteTable(apis);
  return {
    db,
    demo,
    close: () => db.close(),
    async harness(options = {}) {
      const { sandbox: mounted, store } = await mountTestSandbox(db);
      const logs: string[] = [];
      const sandbox = await createSandboxServer(mounted, { demo: demo as unknown as Record<string, unknown>, log: (l) => logs.push(l), ...options });
      return {
        db,
        store,
        demo,
        sandbox,
        apis,
        logs,
        async send(method, path, sendOptions = {}) {
          const result = await sandbox.handle(request(method, path, sendOptions));
          const match = routes.match(method, path);
          if (match.kind === 'matched') {
            const headers = Object.fromEntries(Object.entries(result.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
            const fieldErrors = match.route.api.entry.conformance.fieldErrors;
            const failures = checkResponse({
              operation: match.route.operation,
              doc: match.route.api.doc,
              validator: match.route.api.validator,
              expect: { statuses: [] },
              target: 'live',
              response: { status: result.status, headers: { 'content-type': 'application/json', ...headers }, bodyText: result.text ?? JSON.stringify(result.body) },
              ...(fieldErrors ? { api: { fieldErrors } } : {}),
            });
            expect(failures, `${method} ${path} → ${result.status} ${JSON.stringify(result.body)}`).toEqual([]);
          }
          return result as HttpResult & { body: any };
        },
      };
    },
  };
}

export const bearer = (key: string) => ({ Authorization: `Bearer ${key}` });

/**
 * A database and a harness over it for one test file: opened before its tests, closed after.
 * `use` receives both once they are open (assign them to the file's own variables).
 */
export function useHarness(use: (hdb: HarnessDatabase, h: Harness) => void, options?: Parameters<HarnessDatabase['harness']>[0]): void {
  let hdb: HarnessDatabase | undefined;
  beforeAll(async () => {
    hdb = await openHarnessDatabase();
    use(hdb, await hdb.harness(options));
  });
  afterAll(async () => {
    await hdb?.close();
  });
}

/**
 * `useHarness` with the harness's sandbox listening on a free loopback port: `use` receives the
 * harness and the listening server once both are up; the server is closed before the database.
 */
export function useListeningHarness(use: (h: Harness, server: ListeningSandbox) => void, options?: Parameters<HarnessDatabase['harness']>[0]): void {
  let hdb: HarnessDatabase | undefined;
  let server: ListeningSandbox | undefined;
  beforeAll(async () => {
    hdb = await openHarnessDatabase();
    const h = await hdb.harness(options);
    server = await h.sandbox.listen(0, '127.0.0.1');
    use(h, server);
  });
  afterAll(async () => {
    await server?.close();
    await hdb?.close();
  });
}
