// Ayrshare DELETE /api/post: what the networks let the sandbox delete (code 382 for markManualDeleted
// on a post still live; Instagram/TikTok published posts, Facebook image stories and X without the
// caller's own credentials answer an `error` member), and which of id / bulk the sandbox uses.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { documentedExample } from '../../../../src/sandbox/http/documentExamples.js';
import { NETWORK_MESSAGES } from '../../../../src/sandbox/apis/ayrshare/contract.js';
import type { CreatePostsOptions } from '../../../../src/sandbox/apis/ayrshare/types.js';
import { bearer, openHarnessDatabase, type Harness, type HarnessDatabase } from '../../http/harness.js';

let hdb: HarnessDatabase;
beforeAll(async () => {
  hdb = await openHarnessDatabase();
});
afterAll(async () => {
  await hdb?.close();
});

let h: Harness;
let auth: Record<string, string>;
beforeEach(async () => {
  h = await hdb.harness();
  auth = bearer(h.demo.ayrshare.apiKey);
});
const X_HEADERS = { 'X-Twitter-OAuth1-Api-Key': 'X_CONSUMER_KEY', 'X-Twitter-OAuth1-Api-Secret': 'X_CONSUMER_SECRET' };
const del = (body: unknown, headers: Record<string, string> = {}) => h.send('DELETE', '/api/post', { headers: { ...auth, ...headers }, body });
const published = async (options: CreatePostsOptions = {}) => (await h.store.ayrshare.states.createPosts(h.demo.ayrshare.profileId, 0, 1, options)).publishedIds[0]!;
const pending = async (options: CreatePostsOptions = {}) => (await h.store.ayrshare.states.createPosts(h.demo.ayrshare.profileId, 1, 0, options)).pendingIds[0]!;
const ayrshare = () => h.apis.find((a) => a.name === 'ayrshare')!;

describe('code 382: markManualDeleted on a post still live on a network', () => {
  it('answers the documented example (message, markManualDeleted: true) with the post id, and changes nothing', async () => {
    const id = await published();
    const r = await del({ id, markManualDeleted: true });
    const example = documentedExample(ayrshare(), 'deletePost', '400', 'notManuallyDeleted') as Record<string, unknown>;
    expect(r.status).toBe(400);
    expect(r.body).toEqual({ ...example, id });
    expect((await del({ id })).status).toBe(200); // still live: a plain delete then deletes it
  });

  it('in bulk: the first post still live fails the whole call', async () => {
    const gone = await published({ removedAtNetwork: true });
    const live = await published();
    expect((await del({ bulk: [gone, live], markManualDeleted: true })).body).toMatchObject({ code: 382, id: live, markManualDeleted: true });
    expect((await del({ bulk: [gone], markManualDeleted: true })).body).toEqual({ status: 'success' });
  });

  it('a pending post was never sent, so it can be marked; the demo has one post of each kind', async () => {
    expect((await del({ id: await pending(), markManualDeleted: true })).status).toBe(200);
    expect((await del({ id: h.demo.ayrshare.livePostId, markManualDeleted: true })).body.code).toBe(382);
  });

  it('after a refused network is cleared by hand, markManualDeleted succeeds', async () => {
    const id = await published({ platforms: ['instagram', 'facebook'] });
    expect((await del({ id })).body.status).toBe('error');
    // The sandbox cannot see the Instagram app: the state stands for "removed by hand there".
    await h.db.query(`UPDATE ayrshare_posts SET platforms = (SELECT jsonb_agg(p || '{"removedAtNetwork": true}') FROM jsonb_array_elements(platforms) p) WHERE id = $1`, [id]);
    expect((await del({ id, markManualDeleted: true })).body).toEqual({ status: 'success', id });
  });
});

describe('networks that cannot delete a published post', () => {
  it.each([
    ['instagram', {}, NETWORK_MESSAGES.instagram],
    ['tiktok', {}, NETWORK_MESSAGES.tiktok],
    ['facebook', { facebookStory: 'image' }, NETWORK_MESSAGES.facebookImageStory],
    ['twitter', {}, NETWORK_MESSAGES.xCredentials],
  ] as const)('%s %j: its member is an error with a message, the others are deleted, the post stays live', async (platform, options, message) => {
    const id = await published({ platforms: [platform, 'linkedin'], ...options });
    const r = await del({ id });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ status: 'error', [platform]: { action: 'delete', status: 'error', id: expect.any(String), message }, linkedin: { action: 'delete', status: 'success', id: expect.any(String) } });
    expect((await del({ id })).body.status).toBe('error'); // not deleted in Ayrshare: the refused copy still exists
  });

  it('a Facebook video story is deleted', async () => {
    const r = await del({ id: await published({ platforms: ['facebook'], facebookStory: 'video' }) });
    expect(r.body).toEqual({ status: 'success', facebook: { action: 'delete', status: 'success', id: expect.any(String) } });
  });

  it('X with both credential headers is deleted; with one of them it is not', async () => {
    const id = await published({ platforms: ['twitter'] });
    expect((await del({ id }, { 'X-Twitter-OAuth1-Api-Key': 'X_CONSUMER_KEY' })).body.twitter).toMatchObject({ status: 'error', message: NETWORK_MESSAGES.xCredentials });
    expect((await del({ id }, X_HEADERS)).body).toEqual({ status: 'success', twitter: { action: 'delete', status: 'success', id: expect.any(String) } });
    expect((await del({ id }, X_HEADERS)).body.code).toBe(383);
  });

  it('scheduled posts still pending are deleted on every network (nothing was sent)', async () => {
    const id = await pending({ platforms: ['instagram', 'tiktok', 'twitter', 'facebook'], facebookStory: 'image' });
    expect((await del({ id })).body).toEqual({ status: 'success' });
  });

  it('bulk: each post as a delete by id; a refused network is reported, the rest deleted', async () => {
    const ok = await published();
    const refused = await published({ platforms: ['tiktok'] });
    const r = await del({ bulk: [ok, refused] });
    expect(r.body).toEqual({ status: 'error', tiktok: { action: 'delete', status: 'error', id: expect.any(String), message: NETWORK_MESSAGES.tiktok } });
    expect((await del({ id: ok })).body.code).toBe(383);
    expect((await del({ id: refused })).body.status).toBe('error');
  });
});

describe('the sandbox\'s choice of id and bulk', () => {
  it('id and bulk together: bulk is deleted, id is ignored', async () => {
    const [inBulk, inId] = [await published(), await published()];
    expect((await del({ id: inId, bulk: [inBulk] })).status).toBe(200);
    expect((await del({ id: inBulk })).body.code).toBe(383);
    expect((await del({ id: inId })).status).toBe(200); // untouched by the first call
  });

  it.each([
    ['an empty id and an empty bulk', { id: '', bulk: [] }],
    ['a number id and a string bulk', { id: 7, bulk: 'all' }],
    ['unknown ids', { id: 'unknownPost', bulk: ['unknownPost2'] }],
  ])('deleteAllScheduled: true ignores %s', async (_, ignored) => {
    const p = await pending();
    const live = await published();
    expect((await del({ deleteAllScheduled: true, ...ignored })).body).toEqual({ status: 'success' });
    expect((await del({ id: p })).body.code).toBe(383);
    expect((await del({ id: live })).status).toBe(200);
  });
});
