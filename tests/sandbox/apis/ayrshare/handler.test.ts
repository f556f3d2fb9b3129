// Ayrshare DELETE /api/post in the sandbox over the real store (PGlite): codes 101/102/104/114/382/383, the four
// delete forms, and envelopes valid against the document (checked by the harness on every answer).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAyrshareProfile } from '../../../support/sandboxDatabase.js';
import { bearer, openHarnessDatabase, type Harness, type HarnessDatabase } from '../../http/harness.js';

let hdb: HarnessDatabase;
beforeAll(async () => {
  hdb = await openHarnessDatabase();
  // A user profile of the demo key, reached with its Profile-Key.
  await createAyrshareProfile(hdb.db, hdb.demo.ayrshare.apiKey, 'PROFILE_KEY_DEMO');
});
afterAll(async () => {
  await hdb?.close();
});
const createHarness = () => hdb.harness();

let h: Harness;
let auth: Record<string, string>;
let posts: { pendingIds: string[]; publishedIds: string[] };
beforeEach(async () => {
  h = await createHarness();
  auth = bearer(h.demo.ayrshare.apiKey);
  posts = await h.store.ayrshare.states.createPosts(h.demo.ayrshare.profileId, 2, 3);
});
const del = (body: unknown, headers = auth) => h.send('DELETE', '/api/post', { headers, body });

describe('errors', () => {
  it.each([['no key', {}], ['an unknown key', bearer('nope')], ['X-Api-Key instead of bearer', { 'X-Api-Key': 'ayr_demo_key' }]])('%s → 401 code 102', async (_, headers) => {
    const r = await del({ id: 'x' }, headers);
    expect(r.status).toBe(401);
    expect(r.body).toMatchObject({ status: 'error', code: 102, action: 'authorization' });
  });

  it('an unknown Profile-Key → 404 code 104; a known one acts on that profile', async () => {
    expect((await del({ id: 'x' }, { ...auth, 'Profile-Key': 'nope' })).body).toMatchObject({ code: 104 });
    const r = await del({ id: posts.publishedIds[0] }, { ...auth, 'Profile-Key': 'PROFILE_KEY_DEMO' });
    expect(r.body.code).toBe(114); // the post belongs to the primary profile, not the user profile
  });

  it.each([
    ['no body', undefined],
    ['malformed JSON', '{"id": '],
    ['an empty object', {}],
    ['an array', []],
    ['null', null],
    ['an empty id', { id: '' }],
    ['an empty bulk', { bulk: [] }],
    ['markManualDeleted as a string', { id: 'a', markManualDeleted: 'true' }],
  ])('%s → 400 code 101', async (_, body) => {
    const r = await h.send('DELETE', '/api/post', { headers: auth, ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }) });
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ action: 'delete', status: 'error', code: 101 });
  });

  it('a body over the limit → 400 code 101', async () => {
    const r = await h.send('DELETE', '/api/post', { headers: auth, raw: { kind: 'too-large', limitBytes: 2 * 1024 * 1024 } });
    expect(r.body).toMatchObject({ code: 101 });
    expect(r.body.message).toMatch(/larger than 2 MB/);
  });

  it('an unknown id → 400 code 114 with the id; a second delete → 400 code 383', async () => {
    expect((await del({ id: 'unknownPost' })).body).toMatchObject({ code: 114, id: 'unknownPost' });
    const id = posts.publishedIds[0]!;
    expect((await del({ id })).status).toBe(200);
    expect((await del({ id })).body).toMatchObject({ code: 383, id });
  });

  it('a store failure → 500 code 106', async () => {
    h.store.ayrshare.deletePost = async () => {
      throw new Error('boom');
    };
    expect((await del({ id: 'x' })).body).toMatchObject({ status: 'error', code: 106 });
  });
});

describe('the delete forms', () => {
  it('by id: one member per network with its network post id, and the overall status', async () => {
    const r = await del({ id: posts.publishedIds[0] });
    expect(r.status).toBe(200);
    const member = { action: 'delete', status: 'success', id: expect.any(String) };
    expect(r.body).toEqual({ status: 'success', facebook: member, linkedin: member });
  });

  it('markManualDeleted on a post removed by hand at its networks: exactly { status, id }', async () => {
    const id = (await h.store.ayrshare.states.createPosts(h.demo.ayrshare.profileId, 0, 1, { removedAtNetwork: true })).publishedIds[0]!;
    const r = await del({ id, markManualDeleted: true });
    expect(r.text ?? JSON.stringify(r.body)).toBe(JSON.stringify({ status: 'success', id }));
  });

  it('bulk: all or nothing, answers { status: "success" }', async () => {
    expect((await del({ bulk: [...posts.publishedIds, 'unknownPost'] })).body).toMatchObject({ code: 114, id: 'unknownPost' });
    expect((await del({ id: posts.publishedIds[0] })).status).toBe(200); // nothing of the failed bulk was deleted
    expect((await del({ bulk: posts.publishedIds.slice(1) })).body).toEqual({ status: 'success' });
    expect((await del({ bulk: posts.publishedIds.slice(1) })).body.code).toBe(383);
  });

  it('deleteAllScheduled: true deletes the pending posts only, ignoring id and bulk', async () => {
    expect((await del({ deleteAllScheduled: true, id: posts.publishedIds[0] })).body).toEqual({ status: 'success' });
    for (const id of posts.pendingIds) expect((await del({ id })).body.code).toBe(383);
    expect((await del({ id: posts.publishedIds[0] })).status).toBe(200);
  });
});
