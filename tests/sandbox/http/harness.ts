/**
 * Drives the sandbox's HTTP layer through `handle()` (no socket) over the in-memory fake store, and
 * checks EVERY answer to a documented operation with the conformance suite's own `checkResponse`:
 * documented status, content type, body valid against the documented schema, required headers.
 */
import { expect } from 'vitest';
import { checkResponse } from '../../../src/conformance/checks/checkResponse.js';
import { createSandboxServer, type SandboxServer, type SandboxServerOptions } from '../../../src/sandbox/http/createSandboxServer.js';
import { loadApiDocuments, type ApiDocuments } from '../../../src/sandbox/http/documents.js';
import type { HttpResult, RawBody, SandboxRequest } from '../../../src/sandbox/http/httpTypes.js';
import { buildRouteTable } from '../../../src/sandbox/http/routeTable.js';
import type { DemoData } from '../../../src/sandbox/store/types.js';
import { createFakeStore, type FakeStore } from './fakeStore.js';

let documents: Promise<ApiDocuments> | undefined;
export const sharedDocuments = () => (documents ??= loadApiDocuments());

export interface SendOptions {
  headers?: Record<string, string>;
  /** An object is sent as JSON; a string as is. */
  body?: unknown;
  raw?: RawBody;
  query?: Record<string, string | string[]>;
  remoteAddress?: string;
}

export interface Harness {
  store: FakeStore;
  demo: DemoData;
  sandbox: SandboxServer;
  documents: ApiDocuments;
  logs: string[];
  /** Sends, and fails the test when a documented operation's answer breaks its document. */
  send(method: string, path: string, options?: SendOptions): Promise<HttpResult & { body: any }>;
}

export function request(method: string, path: string, options: SendOptions = {}): SandboxRequest {
  const searchParams = new URLSearchParams();
  for (const [k, v] of Object.entries(options.query ?? {})) for (const one of Array.isArray(v) ? v : [v]) searchParams.append(k, one);
  const body: RawBody =
    options.raw ?? (options.body === undefined ? { kind: 'empty' } : { kind: 'text', text: typeof options.body === 'string' ? options.body : JSON.stringify(options.body) });
  const headers = Object.fromEntries(Object.entries(options.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
  return { method, pathname: path, searchParams, headers, body, ...(options.remoteAddress ? { remoteAddress: options.remoteAddress } : {}) };
}

export async function createHarness(options: SandboxServerOptions = {}): Promise<Harness> {
  const store = createFakeStore();
  const demo = await store.seedDemo();
  const docs = await sharedDocuments();
  const logs: string[] = [];
  const sandbox = await createSandboxServer(store, { documents: docs, demo, log: (l) => logs.push(l), ...options });
  const routes = buildRouteTable(docs);
  return {
    store,
    demo,
    sandbox,
    documents: docs,
    logs,
    async send(method, path, options = {}) {
      const result = await sandbox.handle(request(method, path, options));
      const match = routes.match(method, path);
      if (match.kind === 'matched') {
        const headers = Object.fromEntries(Object.entries(result.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
        const failures = checkResponse({
          operation: match.route.operation,
          validator: docs[match.route.api].validator,
          expect: { statuses: [] },
          target: 'live',
          response: { status: result.status, headers: { 'content-type': 'application/json', ...headers }, bodyText: result.text ?? JSON.stringify(result.body) },
        });
        expect(failures, `${method} ${path} → ${result.status} ${JSON.stringify(result.body)}`).toEqual([]);
      }
      return result as HttpResult & { body: any };
    },
  };
}

export const bearer = (key: string) => ({ Authorization: `Bearer ${key}` });
