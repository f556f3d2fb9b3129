// PATCH language through the sandbox with the RFC 5646 lists: every well-formed tag is stored (200)
// and read back as sent, every malformed one is a 422 naming `language`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { malformed, wellFormed, wellFormedButInvalid } from '../../../fixtures/rfc5646.js';
import { bearer, openHarnessDatabase, type Harness, type HarnessDatabase } from '../../http/harness.js';

let hdb: HarnessDatabase;
let h: Harness;
let path: string;
beforeAll(async () => {
  hdb = await openHarnessDatabase();
  h = await hdb.harness({ rateLimit: { capacity: 10_000, refillPerSecond: 1000 } });
  path = `/v1/influencers/inf_${(await h.store.layers.states.createInfluencer(h.demo.layers.organizationId, {})).id}`;
});
afterAll(async () => {
  await hdb?.close();
});
const patch = (language: string) => h.send('PATCH', path, { headers: bearer(h.demo.layers.apiKey), body: { language } });

describe('PATCH language with the RFC 5646 tags', () => {
  it.each([...wellFormed, ...wellFormedButInvalid])('%s is well-formed: 200, stored as sent', async (tag) => {
    const r = await patch(tag);
    expect(r.status).toBe(200);
    expect(r.body.language).toBe(tag);
  });

  it.each(malformed)('%j is malformed: 422 naming language', async (tag) => {
    const r = await patch(tag);
    expect(r.status).toBe(422);
    expect(Object.keys(r.body.error.details.fieldErrors)).toEqual(['language']);
  });
});
