// Hoko: a key without linksWrite (the printed read-only demo key, or the `api key without scope`
// provider state) answers 403 with the document's message and `missingScopes: ["linksWrite"]`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hokoBanner } from '../../../../src/sandbox/apis/hoko/banner.js';
import { documentedExample } from '../../../../src/sandbox/http/documentExamples.js';
import { bearer, openHarnessDatabase, type Harness, type HarnessDatabase } from '../../http/harness.js';

let hdb: HarnessDatabase;
let h: Harness;
beforeAll(async () => {
  hdb = await openHarnessDatabase();
  h = await hdb.harness({ providerStates: true });
});
afterAll(async () => {
  await hdb?.close();
});
const hoko = () => h.apis.find((a) => a.name === 'hoko')!;
const del = (key: string, ids: string[]) => h.send('DELETE', '/api/partners', { headers: bearer(key), body: ids });

describe('403 missingScopes', () => {
  it('the read-only demo key: exactly the documented example, and nothing is deleted', async () => {
    const partner = h.demo.hoko.partnerIds[0]!;
    const r = await del(h.demo.hoko.readOnlyKey, [partner]);
    expect(r.status).toBe(403);
    expect(r.body).toEqual(documentedExample(hoko(), 'deletePartners', '403', 'missingScopes'));
    const { rows } = await h.db.query<{ deleted_at: unknown }>('SELECT deleted_at FROM hoko_partners WHERE id = $1', [partner]);
    expect(rows[0]?.deleted_at).toBeNull();
  });

  it("the provider state 'api key without scope' gives a key of the demo workspace without linksWrite", async () => {
    const setup = await h.send('POST', '/__states', { body: { action: 'setup', api: 'hoko', state: 'api key without scope', params: { scope: 'linksWrite' } } });
    expect(setup.status).toBe(200);
    const r = await del(setup.body.data.apiKey, [crypto.randomUUID()]);
    expect(r.body).toEqual({ error: expect.any(Object), missingScopes: ['linksWrite'] });
    const teardown = await h.send('POST', '/__states', { body: { action: 'teardown', api: 'hoko', state: 'api key without scope', params: { scope: 'linksWrite' }, data: setup.body.data } });
    expect(teardown.status).toBe(204);
    expect((await del(setup.body.data.apiKey, [crypto.randomUUID()])).status).toBe(401);
  });

  it('the banner prints the read-only key', () => {
    const lines = hokoBanner(h.demo.hoko, 'http://127.0.0.1:4010').lines.map(([, value]) => value);
    expect(lines.some((v) => v.startsWith(h.demo.hoko.readOnlyKey))).toBe(true);
  });
});
