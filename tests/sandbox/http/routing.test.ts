// Routes come from the bundled documents: every operation is served on one port, the rest is 404 / 405.
import { describe, expect, it } from 'vitest';
import { loadApi } from '../../../src/core/loadApi.js';
import { buildRouteTable } from '../../../src/sandbox/http/routeTable.js';
import { registry, sharedApis } from '../../support/sandboxDatabase.js';
import { openHarnessDatabase } from './harness.js';

describe('buildRouteTable', () => {
  it('routes every operation of the three documents, and decodes path parameters', async () => {
    const apis = await sharedApis();
    const table = buildRouteTable(apis);
    const all = apis.flatMap((d) => d.operations.map((o) => `${d.name} ${o.method.toUpperCase()} ${o.path}`));
    expect(table.routes.map((r) => `${r.api.name} ${r.operation.method.toUpperCase()} ${r.operation.path}`).sort()).toEqual(all.sort());
    const m = table.match('DELETE', '/v1/social-accounts/sa_%21');
    expect(m).toMatchObject({ kind: 'matched', pathParams: { socialAccountId: 'sa_!' } });
    expect(table.match('DELETE', '/api/post')).toMatchObject({ kind: 'matched', route: { api: { name: 'ayrshare' } } });
    expect(table.match('DELETE', '/api/partners')).toMatchObject({ kind: 'matched', route: { api: { name: 'hoko' } } });
    expect(table.match('GET', '/v1/influencers/x')).toMatchObject({ kind: 'matched', route: { operation: { operationId: 'getInfluencer' } } });
    const put = table.match('PUT', '/v1/influencers/x');
    expect(put.kind === 'method-not-allowed' && put.allow.sort()).toEqual(['DELETE', 'GET', 'PATCH']);
    expect(table.match('GET', '/v2/nothing')).toEqual({ kind: 'not-found' });
  });

  it('refuses two APIs whose paths collide (one port could not serve both)', async () => {
    const apis = await sharedApis();
    const ayrshare = apis.find((a) => a.name === 'ayrshare')!;
    const hokoAsAyrshare = await loadApi(registry, 'hoko', ayrshare.file);
    expect(() => buildRouteTable([...apis.filter((a) => a.name !== 'hoko'), hokoAsAyrshare])).toThrow(/collide/);
  });
});

describe('unknown paths and methods', () => {
  it('404 and 405 (with Allow) in a neutral JSON body', async () => {
    const hdb = await openHarnessDatabase();
    const h = await hdb.harness();
    expect(await h.send('GET', '/nothing')).toMatchObject({ status: 404, body: { error: 'not_found' } });
    const r = await h.send('POST', '/api/partners');
    expect(r).toMatchObject({ status: 405, body: { error: 'method_not_allowed' }, headers: { Allow: 'DELETE' } });
    // Provider states are off unless asked for.
    expect((await h.send('POST', '/__states', { body: {} })).status).toBe(404);
    await hdb.close();
  });
});
