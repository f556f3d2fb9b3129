import { loadScenarios } from '../../../src/conformance/scenarios/runScenarios.js';
import { loadRegisteredApi } from '../../support/contract.js';
// The HTTP layer over the REAL store, on PGlite (in memory) and on a real PostgreSQL server started
// for the test: the whole conformance suite, scenarios included, and the fault hook end to end (a
// failed write changes nothing, and is not replayed). Where no PostgreSQL can be had, that run is
// skipped and the reason printed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPostgres } from '../../support/startPostgres.js';
import { runSuite } from '../../../src/conformance/run/runSuite.js';
import { runScenarios } from '../../../src/conformance/scenarios/runScenarios.js';
import { coverageMatrix } from '../../../src/conformance/report/coverage.js';
import { humanReport } from '../../../src/conformance/report/humanReport.js';
import { verdictOf } from '../../../src/conformance/report/verdict.js';
import { createSandboxServer, type ListeningSandbox, type SandboxServer } from '../../../src/sandbox/http/createSandboxServer.js';
import type { SqlDb } from '../../../src/sandbox/store/sqlDb.js';
import { mountTestSandbox, openSandboxDatabase, registry, slices, type TestDemo, type TestStores } from '../../support/sandboxDatabase.js';

const postgres = await startPostgres();
if ('skipReason' in postgres) console.warn(`sandbox on PostgreSQL skipped: ${postgres.skipReason}`);
afterAll(async () => {
  if (!('skipReason' in postgres)) await postgres.stop();
});

const engines = [
  { name: 'PGlite (in memory)', databaseUrl: undefined, skip: false },
  { name: 'PostgreSQL', databaseUrl: 'skipReason' in postgres ? undefined : postgres.url, skip: 'skipReason' in postgres },
];

describe.each(engines)('the sandbox on $name', ({ databaseUrl, skip }) => {
  let db: SqlDb;
  let store: TestStores;
  let demo: TestDemo;
  let sandbox: SandboxServer;
  let server: ListeningSandbox;
  const logs: string[] = [];

  beforeAll(async () => {
    if (skip) return;
    db = await openSandboxDatabase(databaseUrl ? { databaseUrl } : {});
    const mounted = await mountTestSandbox(db);
    store = mounted.store;
    demo = await mounted.seedDemo();
    sandbox = await createSandboxServer(mounted.sandbox, { providerStates: true, demo: demo as unknown as Record<string, unknown>, faults: {}, log: (l) => logs.push(l) });
    server = await sandbox.listen(0);
  });
  afterAll(async () => {
    await server?.close();
    await db?.close();
  });

  const call = (method: string, path: string, apiKey: string, body?: unknown, headers: Record<string, string> = {}) =>
    fetch(`${server.baseUrl}${path}`, { method, headers: { Authorization: `Bearer ${apiKey}`, 'Content-Type': 'application/json', ...headers }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });

  describe.skipIf(skip)('over the real store', () => {
    it('passes the whole conformance suite, every scenario run', async () => {
      const names = slices.map((s) => s.name);
      const report = await runSuite({
        registry,
        apis: names,
        targets: Object.fromEntries(names.map((name) => [name, server.baseUrl])),
        env: Object.fromEntries(names.map((name) => [registry.get(name).credentials.apiKey.env, (demo as unknown as Record<string, { apiKey: string }>)[name]!.apiKey])),
        allowWrites: false,
        stateUrl: `${server.baseUrl}/__states`,
        scenarios: runScenarios,
        gate: { minCoverage: 100 },
      });
      const results = report.apis.flatMap((a) => a.results);
      expect(results.filter((r) => r.outcome !== 'passed'), humanReport(report)).toEqual([]);
      let scenarios = 0;
      for (const run of report.apis) scenarios += Object.keys(await loadScenarios(await loadRegisteredApi(run.api))).length;
      expect(results.filter((r) => r.testCase.kind === 'scenario')).toHaveLength(scenarios);
      // Every documented (operation, status) cell of every API exercised and passed: no `·`, no `✗`.
      for (const run of report.apis) {
        const cells = coverageMatrix(run).rows.flatMap((row) => Object.entries(row.cells).map(([status, cell]) => `${run.api} ${row.operationId} ${status}: ${cell}`));
        expect(cells.filter((c) => /: (not-exercised|failed)$/.test(c)), humanReport(report)).toEqual([]);
      }
      expect(verdictOf(report)).toEqual({ status: 'PASSED', reasons: [] }); // --min-coverage 100 passes
      expect(logs.filter((l) => /warning|failed/.test(l))).toEqual([]);
    });

    it('revoke:after-cancel → 500 and nothing changed; the retry with the same Idempotency-Key runs and cancels every queued post', async () => {
      const { id } = await store.layers.states.createSocialAccount(demo.layers.organizationId, 3);
      const headers = { 'Idempotency-Key': `fault-${id}` };
      sandbox.faults.failAt = 'revoke:after-cancel';
      const failed = await call('DELETE', `/v1/social-accounts/sa_${id}`, demo.layers.apiKey, undefined, headers);
      delete sandbox.faults.failAt;
      expect(failed.status).toBe(500);
      expect(((await failed.json()) as { error: { code: string } }).error.code).toBe('INTERNAL');
      const retry = await call('DELETE', `/v1/social-accounts/sa_${id}`, demo.layers.apiKey, undefined, headers);
      expect(retry.status).toBe(200);
      expect(((await retry.json()) as { canceledScheduledPosts: number }).canceledScheduledPosts).toBe(3);
    });

    it('hoko:after-first-delete → 500 and no partner deleted', async () => {
      const { ids } = await store.hoko.states.createPartners(demo.hoko.workspaceId, 3);
      sandbox.faults.failAt = 'hoko:after-first-delete';
      const failed = await call('DELETE', '/api/partners', demo.hoko.apiKey, ids);
      delete sandbox.faults.failAt;
      expect(failed.status).toBe(500);
      const retry = await call('DELETE', '/api/partners', demo.hoko.apiKey, ids);
      expect(((await retry.json()) as { deletedIds: string[] }).deletedIds.sort()).toEqual([...ids].sort());
    });

    it('kill switches from the store: 503 with details.scope', async () => {
      await store.layers.setKillSwitch('organization', demo.layers.organizationId, true);
      try {
        const r = await call('GET', '/v1/influencers', demo.layers.apiKey);
        expect(r.status).toBe(503);
        expect(((await r.json()) as { error: { details: { scope: string } } }).error.details.scope).toBe('organization');
      } finally {
        await store.layers.setKillSwitch('organization', demo.layers.organizationId, false);
      }
      expect((await call('GET', '/v1/influencers', demo.layers.apiKey)).status).toBe(200);
    });
  });
});
