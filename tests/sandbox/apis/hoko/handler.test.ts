// Hoko DELETE /api/partners in the sandbox over the real store (PGlite): 401, 403 missingScopes, 429 with its
// headers, the body rules, all or nothing, faults; envelopes checked by the harness on every answer.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createHokoWorkspace } from '../../../support/sandboxDatabase.js';
import { bearer, openHarnessDatabase, type Harness, type HarnessDatabase } from '../../http/harness.js';

let hdb: HarnessDatabase;
let readOnlyKey: string;
beforeAll(async () => {
  hdb = await openHarnessDatabase();
  // A key that holds no scope the document names.
  readOnlyKey = (await createHokoWorkspace(hdb.db, ['linksRead'])).apiKey;
});
afterAll(async () => {
  await hdb?.close();
});
const createHarness = (options?: Parameters<HarnessDatabase['harness']>[0]) => hdb.harness(options);

let h: Harness;
let auth: Record<string, string>;
beforeEach(async () => {
  h = await createHarness();
  auth = bearer(h.demo.hoko.apiKey);
});
const del = (body: unknown, headers = auth) => h.send('DELETE', '/api/partners', { headers, body });
const partners = (n: number) => h.store.hoko.states.createPartners(h.demo.hoko.workspaceId, n).then((r) => r.ids);

// The messages of the Hoko page (seed 004), in English and Arabic.
const MESSAGES = {
  400: { en: 'Invalid request', ar: 'طلب غير صالح' },
  401: { en: 'Invalid API key', ar: 'مفتاح API غير صالح' },
  403: { en: 'Missing required scopes', ar: 'الصلاحيات المطلوبة مفقودة' },
  500: { en: 'Internal server error', ar: 'خطأ داخلي في الخادم' },
} as const;

describe('errors', () => {
  it.each([['no key', {}], ['an unknown key', bearer('nope')]])('%s → 401', async (_, headers) => {
    const r = await del([randomUUID()], headers);
    expect(r.status).toBe(401);
    expect(r.body).toEqual({ error: MESSAGES[401] });
  });

  it('a key without linksWrite (the scope the document names) → 403 with missingScopes', async () => {
    const r = await del('not even JSON', bearer(readOnlyKey));
    expect(r.status).toBe(403);
    expect(r.body).toEqual({ error: MESSAGES[403], missingScopes: ['linksWrite'] });
  });

  it('429 with retryAfter and X-RateLimit-Limit / -Remaining / -Reset', async () => {
    h = await createHarness({ rateLimit: { capacity: 1, refillPerSecond: 0.1 } });
    const headers = bearer(h.demo.hoko.apiKey);
    await del([randomUUID()], headers);
    const r = await del([randomUUID()], headers);
    expect(r.status).toBe(429);
    expect(r.body.retryAfter).toBeGreaterThanOrEqual(1);
    expect(r.headers).toMatchObject({ 'X-RateLimit-Limit': '1', 'X-RateLimit-Remaining': '0' });
    expect(Number(r.headers?.['X-RateLimit-Reset'])).toBeGreaterThan(Date.now() / 1000);
  });

  it.each([
    ['no body', undefined],
    ['malformed JSON', '["a", '],
    ['an object', '{}'],
    ['an empty array', '[]'],
    ['a non-uuid', '["invalid-id"]'],
    ['a urn:uuid: id (not format uuid)', '["urn:uuid:2eb8aa08-aa98-11ea-b4aa-73b441d16380"]'],
    ['a number', '[12345]'],
  ])('%s → 400, in the envelope', async (_, body) => {
    const r = await h.send('DELETE', '/api/partners', { headers: auth, ...(body === undefined ? {} : { body }) });
    expect(r.status).toBe(400);
    expect(r.body).toEqual({ error: MESSAGES[400] });
  });

  it('10,001 ids → 400, and a body over the size limit → 400 (the only client status Hoko documents)', async () => {
    expect((await del(Array.from({ length: 10_001 }, () => randomUUID()))).status).toBe(400);
    expect((await h.send('DELETE', '/api/partners', { headers: auth, raw: { kind: 'too-large', limitBytes: 1 } })).status).toBe(400);
  });

  it('an injected fault → 500, nothing deleted; the hook reaches the store', async () => {
    h = await createHarness({ faults: { failAt: 'hoko:after-first-delete' } });
    const ids = await h.store.hoko.states.createPartners(h.demo.hoko.workspaceId, 2).then((r) => r.ids);
    const r = await h.send('DELETE', '/api/partners', { headers: bearer(h.demo.hoko.apiKey), body: ids });
    expect(r.status).toBe(500);
    expect(r.body).toEqual({ error: MESSAGES[500] });
    // The hook reached the store, which rolled back: with the hook off, every id is still live.
    delete h.sandbox.faults.failAt;
    const retry = await h.send('DELETE', '/api/partners', { headers: bearer(h.demo.hoko.apiKey), body: ids });
    expect(retry.status).toBe(200);
    expect([...retry.body.deletedIds].sort()).toEqual([...ids].sort());
  });
});

describe('deleting', () => {
  it('answers exactly the ids sent (a repeated id once)', async () => {
    const ids = await partners(3);
    const r = await del([...ids, ids[0]]);
    expect(r.status).toBe(200);
    expect(r.body.deletedIds.sort()).toEqual([...ids].sort());
  });

  it('all or nothing: an id not live in the workspace → 400 and nothing deleted', async () => {
    const ids = await partners(2);
    const otherWorkspace = (await createHokoWorkspace(h.db)).workspaceId;
    const [other] = await h.store.hoko.states.createPartners(otherWorkspace, 1).then((r) => r.ids);
    expect((await del([...ids, other])).status).toBe(400);
    expect((await del([...ids, randomUUID()])).status).toBe(400);
    expect((await del(ids)).body.deletedIds).toHaveLength(2);
    expect((await del(ids)).status).toBe(400); // already deleted
  });

  it('10,000 ids in one request', async () => {
    const ids = await partners(10_000);
    const r = await del(ids);
    expect(r.status).toBe(200);
    expect(r.body.deletedIds).toHaveLength(10_000);
  });
});
