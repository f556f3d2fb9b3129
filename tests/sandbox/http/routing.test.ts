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

  it("names the API whose paths' common prefix a missed path lies under (none when two or none do)", async () => {
    const table = buildRouteTable(await sharedApis());
    const apiOf = (method: string, path: string) => {
      const m = table.match(method, path);
      return m.kind === 'matched' ? 'matched' : m.api?.name;
    };
    expect(apiOf('GET', '/v1/nothing')).toBe('layers');
    expect(apiOf('GET', '/v1')).toBe('layers');
    expect(apiOf('GET', '/v1x')).toBeUndefined();
    expect(apiOf('PUT', '/v1/influencers/x')).toBe('layers');
    expect(apiOf('GET', '/api/post/1')).toBe('ayrshare');
    expect(apiOf('GET', '/api/partners/1')).toBe('hoko');
    expect(apiOf('GET', '/api/other')).toBeUndefined();
    expect(apiOf('GET', '/nothing')).toBeUndefined();
  });

  it('refuses two APIs whose paths collide (one port could not serve both)', async () => {
    const apis = await sharedApis();
    const ayrshare = apis.find((a) => a.name === 'ayrshare')!;
    const hokoAsAyrshare = await loadApi(registry, 'hoko', ayrshare.file);
    expect(() => buildRouteTable([...apis.filter((a) => a.name !== 'hoko'), hokoAsAyrshare])).toThrow(/collide/);
  });
});

describe('unknown paths and methods', () => {
  it('outside every API: 404 and a neutral JSON body', async () => {
    const hdb = await openHarnessDatabase();
    const h = await hdb.harness();
    expect(await h.send('GET', '/nothing')).toMatchObject({ status: 404, body: { error: 'not_found' } });
    expect(await h.send('GET', '/api/other')).toMatchObject({ status: 404, body: { error: 'not_found' } });
    // Provider states are off unless asked for.
    expect((await h.send('POST', '/__states', { body: {} })).status).toBe(404);
    await hdb.close();
  });

  it("under an API's paths: 404, and 405 with Allow, in that API's own envelope", async () => {
    const hdb = await openHarnessDatabase();
    const h = await hdb.harness();
    const envelope = (api: string, status: number) => {
      const loaded = h.apis.find((a) => a.name === api)!;
      // The API's envelope as its documented 404 (else 400) has it, whatever the status.
      const op = loaded.operations.find((o) => o.statuses().includes('404')) ?? loaded.operations[0]!;
      const pointer = op.schemaPointer('404') ?? op.schemaPointer('400')!;
      return (body: unknown) => expect(loaded.validator.validate(pointer, body), `${api} ${status} ${JSON.stringify(body)}`).toEqual([]);
    };
    const layers404 = await h.send('GET', '/v1/nothing');
    expect(layers404).toMatchObject({ status: 404, body: { error: { code: 'NOT_FOUND' } } });
    expect(layers404.body.error.requestId).toMatch(/^req_/);
    expect(layers404.headers?.['X-Request-Id']).toBe(layers404.body.error.requestId);
    envelope('layers', 404)(layers404.body);
    const layers405 = await h.send('PUT', '/v1/influencers/inf_01HXZ9AB3CDEF4GHJK5MNPQRST');
    expect(layers405).toMatchObject({ status: 405, headers: { Allow: 'GET, HEAD, DELETE, PATCH' } });
    envelope('layers', 405)(layers405.body);

    const ayrshare404 = await h.send('GET', '/api/post/abc');
    expect(ayrshare404).toMatchObject({ status: 404, body: { status: 'error' } });
    envelope('ayrshare', 404)(ayrshare404.body);
    const ayrshare405 = await h.send('POST', '/api/post');
    expect(ayrshare405).toMatchObject({ status: 405, headers: { Allow: 'DELETE' }, body: { status: 'error' } });
    envelope('ayrshare', 405)(ayrshare405.body);

    const hoko404 = await h.send('DELETE', '/api/partners/1');
    expect(hoko404.status).toBe(404);
    envelope('hoko', 404)(hoko404.body);
    const hoko405 = await h.send('POST', '/api/partners');
    expect(hoko405).toMatchObject({ status: 405, headers: { Allow: 'DELETE' } });
    envelope('hoko', 405)(hoko405.body);
    expect(Object.keys(hoko405.body)).toEqual(['error']);
    await hdb.close();
  });
});
