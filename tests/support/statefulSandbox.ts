/**
 * For one test file: the real sandbox on PGlite with provider states, listening on loopback,
 * opened before the file's tests and closed after. Read `baseUrl` and `demo` inside the tests.
 */
import { afterAll, beforeAll } from 'vitest';
import { createSandboxServer, type ListeningSandbox } from '../../src/sandbox/http/createSandboxServer.js';
import type { SqlDb } from '../../src/sandbox/store/sqlDb.js';
import { mountTestSandbox, openSandboxDatabase, type TestDemo } from './sandboxDatabase.js';

export interface StatefulSandbox {
  readonly baseUrl: string;
  readonly demo: TestDemo;
}

export function useStatefulSandbox(): StatefulSandbox {
  let db: SqlDb | undefined;
  let demo: TestDemo | undefined;
  let listening: ListeningSandbox | undefined;
  beforeAll(async () => {
    db = await openSandboxDatabase();
    const mounted = await mountTestSandbox(db);
    demo = await mounted.seedDemo();
    listening = await (await createSandboxServer(mounted.sandbox, { providerStates: true, demo: demo as unknown as Record<string, unknown>, faults: {}, log: () => {} })).listen(0);
  });
  afterAll(async () => {
    await listening?.close();
    await db?.close();
  });
  return {
    get baseUrl() {
      if (!listening) throw new Error('the sandbox is not listening yet (read baseUrl inside a test)');
      return listening.baseUrl;
    },
    get demo() {
      if (!demo) throw new Error('the sandbox is not seeded yet (read demo inside a test)');
      return demo;
    },
  };
}
