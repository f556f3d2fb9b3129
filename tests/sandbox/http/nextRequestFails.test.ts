// `next request fails` is armed for the key the suite uses (its rate-limit bucket): a request made
// with another tenant's key, sent in between, neither fails nor uses the armed failure up, so the
// suite's own next request still gets the documented 500. Before, the failure was armed per API.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAyrshareProfile, createHokoWorkspace, createOrganization } from '../../support/sandboxDatabase.js';
import { bearer, openHarnessDatabase, type Harness, type HarnessDatabase } from './harness.js';

let hdb: HarnessDatabase;
let h: Harness;
beforeAll(async () => {
  hdb = await openHarnessDatabase();
  h = await hdb.harness({ providerStates: true });
});
afterAll(async () => {
  await hdb?.close();
});

/** Per API: a request that passes validation (changing nothing), a key of another tenant, the demo key. */
const apis = {
  layers: { request: () => ({ method: 'DELETE', path: `/v1/influencers/inf_${randomUUID()}`, body: undefined }), otherKey: async () => (await createOrganization(hdb.db)).apiKey, demoKey: () => h.demo.layers.apiKey },
  ayrshare: { request: () => ({ method: 'DELETE', path: '/api/post', body: { id: `post-${randomUUID()}` } }), otherKey: async () => (await createAyrshareProfile(hdb.db)).apiKey, demoKey: () => h.demo.ayrshare.apiKey },
  hoko: { request: () => ({ method: 'DELETE', path: '/api/partners', body: [randomUUID()] }), otherKey: async () => (await createHokoWorkspace(hdb.db)).apiKey, demoKey: () => h.demo.hoko.apiKey },
} as const;

describe("'next request fails' is one tenant's", () => {
  for (const [api, { request, otherKey, demoKey }] of Object.entries(apis)) {
    it(`${api}: another key's request passes it by; the suite's key then gets the 500`, async () => {
      const setup = await h.send('POST', '/__states', { body: { action: 'setup', api, state: 'next request fails', params: {} } });
      expect(setup.status).toBe(200);
      const send = (key: string) => {
        const r = request();
        return h.send(r.method, r.path, { headers: bearer(key), ...(r.body === undefined ? {} : { body: r.body }) });
      };
      expect((await send(await otherKey())).status).not.toBe(500);
      expect((await send(demoKey())).status).toBe(500);
      expect((await send(demoKey())).status).not.toBe(500); // one-shot
      await h.send('POST', '/__states', { body: { action: 'teardown', api, state: 'next request fails', params: {}, data: setup.body.data } });
    });
  }
});
