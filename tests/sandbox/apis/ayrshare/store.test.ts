import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAyrshareProfile, engineName, openTestDatabase } from '../../../support/sandboxDatabase.js';
import type { TestDatabase } from '../../../support/sandboxDatabase.js';
import { createAyrshareStore } from '../../../../src/sandbox/apis/ayrshare/store.js';
import type { Db } from '../../../../src/sandbox/store/sqlDb.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase();
});
afterAll(async () => {
  await t?.close();
});

const post = async (id: string) =>
  (await t.db.query<{ deleted_at: Date | null; manual_deleted: boolean; status: string }>('SELECT deleted_at, manual_deleted, status FROM ayrshare_posts WHERE id = $1', [id])).rows[0];

describe(`Ayrshare store on ${engineName}`, () => {
  it('finds the primary profile by API key, a user profile by API key and Profile-Key, and nothing else', async () => {
    const primary = await createAyrshareProfile(t.db);
    const user = await createAyrshareProfile(t.db, primary.apiKey, 'PROFILE-KEY-1');
    expect(await t.store.ayrshare.findProfile(primary.apiKey)).toEqual({ profileId: primary.profileId, deniedOperations: [] });
    expect(await t.store.ayrshare.findProfile(primary.apiKey, 'PROFILE-KEY-1')).toEqual({ profileId: user.profileId, deniedOperations: [] });
    expect(await t.store.ayrshare.findProfile(primary.apiKey, 'PROFILE-KEY-2')).toBeNull();
    expect(await t.store.ayrshare.findProfile('unknown-key')).toBeNull();
    expect(await t.store.ayrshare.findProfile('unknown-key', 'PROFILE-KEY-1')).toBeNull();
    expect(await t.store.ayrshare.findProfile('')).toBeNull();
  });

  it('creates posts with Ayrshare-like ids; published ones carry their network post ids', async () => {
    const { profileId } = await createAyrshareProfile(t.db);
    const { pendingIds, publishedIds } = await t.store.ayrshare.states.createPosts(profileId, 2, 3);
    expect(pendingIds).toHaveLength(2);
    expect(publishedIds).toHaveLength(3);
    for (const id of [...pendingIds, ...publishedIds]) expect(id).toMatch(/^[A-Za-z0-9]{20}$/);
    const { rows } = await t.db.query<{ platforms: { platform: string; networkPostId?: string }[] }>('SELECT platforms FROM ayrshare_posts WHERE id = $1', [publishedIds[0]]);
    expect(rows[0]?.platforms).toEqual([
      { platform: 'facebook', networkPostId: expect.stringMatching(/^\d{15}_\d{15}$/) },
      { platform: 'linkedin', networkPostId: expect.stringMatching(/^\d{19}$/) },
    ]);
  });

  it('creates posts on the networks asked, removed by hand at them or live, with Facebook stories', async () => {
    const { profileId } = await createAyrshareProfile(t.db);
    const { publishedIds } = await t.store.ayrshare.states.createPosts(profileId, 0, 1, { platforms: ['twitter', 'facebook'], removedAtNetwork: true, facebookStory: 'image' });
    const { rows } = await t.db.query<{ platforms: unknown[] }>('SELECT platforms FROM ayrshare_posts WHERE id = $1', [publishedIds[0]]);
    expect(rows[0]?.platforms).toEqual([
      { platform: 'twitter', networkPostId: expect.stringMatching(/^\d{19}$/), removedAtNetwork: true },
      { platform: 'facebook', networkPostId: expect.stringMatching(/^\d{15}_\d{15}$/), story: 'image', removedAtNetwork: true },
    ]);
  });

  it('deletes a published post and reports each network post id; the row stays with deleted_at', async () => {
    const { profileId } = await createAyrshareProfile(t.db);
    const { publishedIds } = await t.store.ayrshare.states.createPosts(profileId, 0, 1);
    const id = publishedIds[0] as string;
    const outcome = await t.store.ayrshare.deletePost(profileId, id, false);
    expect(outcome).toEqual({
      kind: 'deleted',
      id,
      networks: [
        { platform: 'facebook', networkPostId: expect.stringMatching(/^\d+_\d+$/), refusal: null },
        { platform: 'linkedin', networkPostId: expect.stringMatching(/^\d+$/), refusal: null },
      ],
    });
    expect(await post(id)).toMatchObject({ deleted_at: expect.any(Date), manual_deleted: false, status: 'published' });
  });

  it('deletes a pending scheduled post without contacting any network', async () => {
    const { profileId } = await createAyrshareProfile(t.db);
    const { pendingIds } = await t.store.ayrshare.states.createPosts(profileId, 1, 0);
    expect(await t.store.ayrshare.deletePost(profileId, pendingIds[0] as string, false)).toEqual({ kind: 'deleted', id: pendingIds[0], networks: [] });
    expect(await post(pendingIds[0] as string)).toMatchObject({ deleted_at: expect.any(Date) });
  });

  it('answers already_deleted (383) the second time, not_found (114) for unknown ids and other profiles', async () => {
    const { profileId } = await createAyrshareProfile(t.db);
    const other = await createAyrshareProfile(t.db);
    const { publishedIds } = await t.store.ayrshare.states.createPosts(profileId, 0, 1);
    const id = publishedIds[0] as string;
    expect(await t.store.ayrshare.deletePost(other.profileId, id, false)).toEqual({ kind: 'not_found', id });
    expect(await post(id)).toMatchObject({ deleted_at: null });
    await t.store.ayrshare.deletePost(profileId, id, false);
    expect(await t.store.ayrshare.deletePost(profileId, id, false)).toEqual({ kind: 'already_deleted', id });
    expect(await t.store.ayrshare.deletePost(profileId, id, true)).toEqual({ kind: 'already_deleted', id });
    expect(await t.store.ayrshare.deletePost(profileId, 'IdpUOyihLEpIx0d0N9mI', false)).toEqual({ kind: 'not_found', id: 'IdpUOyihLEpIx0d0N9mI' });
  });

  it('markManualDeleted on a post still live at a network is not_manually_deleted (382) and changes nothing', async () => {
    const { profileId } = await createAyrshareProfile(t.db);
    const id = (await t.store.ayrshare.states.createPosts(profileId, 0, 1)).publishedIds[0] as string;
    expect(await t.store.ayrshare.deletePost(profileId, id, true)).toEqual({ kind: 'not_manually_deleted', id });
    expect(await post(id)).toMatchObject({ deleted_at: null, manual_deleted: false });
  });

  it('markManualDeleted marks a post removed by hand at its networks deleted (manual_deleted) and answers { kind: marked, id }', async () => {
    const { profileId } = await createAyrshareProfile(t.db);
    const { publishedIds } = await t.store.ayrshare.states.createPosts(profileId, 0, 1, { removedAtNetwork: true });
    const id = publishedIds[0] as string;
    expect(await t.store.ayrshare.deletePost(profileId, id, true)).toEqual({ kind: 'marked', id });
    expect(await post(id)).toMatchObject({ deleted_at: expect.any(Date), manual_deleted: true });
    expect(await t.store.ayrshare.deletePost(profileId, id, false)).toEqual({ kind: 'already_deleted', id });
  });

  it('bulk-deletes every listed post, duplicates once', async () => {
    const { profileId } = await createAyrshareProfile(t.db);
    const { pendingIds, publishedIds } = await t.store.ayrshare.states.createPosts(profileId, 1, 2);
    const ids = [...publishedIds, ...pendingIds];
    expect(await t.store.ayrshare.deleteBulk(profileId, [...ids, ids[0] as string], false)).toEqual({ kind: 'deleted', ids, networks: expect.any(Array) });
    for (const id of ids) expect(await t.store.ayrshare.deletePost(profileId, id, false)).toEqual({ kind: 'already_deleted', id });
  });

  it('bulk is all or nothing: the first unknown or already-deleted id is reported and nothing changes', async () => {
    const { profileId } = await createAyrshareProfile(t.db);
    const other = await createAyrshareProfile(t.db);
    const { publishedIds } = await t.store.ayrshare.states.createPosts(profileId, 0, 3, { removedAtNetwork: true });
    const foreign = (await t.store.ayrshare.states.createPosts(other.profileId, 0, 1)).publishedIds[0] as string;
    const [a, b, c] = publishedIds as [string, string, string];
    expect(await t.store.ayrshare.deleteBulk(profileId, [a, foreign, b], false)).toEqual({ kind: 'not_found', id: foreign });
    await t.store.ayrshare.deletePost(profileId, c, false);
    expect(await t.store.ayrshare.deleteBulk(profileId, [a, b, c, 'unknownunknownunknow'], true)).toEqual({ kind: 'already_deleted', id: c });
    expect(await post(a)).toMatchObject({ deleted_at: null, manual_deleted: false });
    expect(await post(b)).toMatchObject({ deleted_at: null, manual_deleted: false });
    expect(await t.store.ayrshare.deleteBulk(profileId, [a, b], true)).toEqual({ kind: 'deleted', ids: [a, b], networks: [] });
    expect(await post(a)).toMatchObject({ manual_deleted: true });
  });

  it('deleteAllScheduled deletes only the profile\'s pending posts; published and other profiles\' posts stay', async () => {
    const { profileId } = await createAyrshareProfile(t.db);
    const other = await createAyrshareProfile(t.db);
    const { pendingIds, publishedIds } = await t.store.ayrshare.states.createPosts(profileId, 3, 1);
    const otherPending = (await t.store.ayrshare.states.createPosts(other.profileId, 1, 0)).pendingIds[0] as string;
    await t.store.ayrshare.deletePost(profileId, pendingIds[2] as string, false);
    const result = await t.store.ayrshare.deleteAllScheduled(profileId);
    expect([...result.ids].sort()).toEqual(pendingIds.slice(0, 2).sort());
    expect(await post(publishedIds[0] as string)).toMatchObject({ deleted_at: null });
    expect(await post(otherPending)).toMatchObject({ deleted_at: null });
    expect(await t.store.ayrshare.deleteAllScheduled(profileId)).toEqual({ ids: [] });
    expect((await t.store.ayrshare.deletePost(profileId, publishedIds[0] as string, false)).kind).toBe('deleted');
  });
});

/** `db` with every statement it (or a transaction of it) runs counted. */
function counting(db: Db): { db: Db; statements: () => number } {
  let n = 0;
  const wrap = (inner: Db): Db => ({
    query: (sql, params) => ((n += 1), inner.query(sql, params)),
    transaction: (fn) => inner.transaction((tx) => fn(wrap(tx))),
    close: () => inner.close(),
  });
  return { db: wrap(db), statements: () => n };
}

describe(`Ayrshare bulk delete on ${engineName}: the work is not one statement per post`, () => {
  it('a bulk of 40 posts (pending, published, one refused by its network) runs the same few statements as a bulk of 2, with the same outcome per post', async () => {
    const { profileId } = await createAyrshareProfile(t.db);
    const run = async (pending: number, published: number) => {
      const { pendingIds, publishedIds } = await t.store.ayrshare.states.createPosts(profileId, pending, published);
      const refused = (await t.store.ayrshare.states.createPosts(profileId, 0, 1, { platforms: ['instagram'] })).publishedIds[0] as string;
      const c = counting(t.db);
      const outcome = await createAyrshareStore(c.db).deleteBulk(profileId, [...pendingIds, ...publishedIds, refused], false);
      expect(outcome.kind).toBe('deleted');
      for (const id of [...pendingIds, ...publishedIds]) expect((await post(id))?.deleted_at).not.toBeNull();
      expect((await post(refused))?.deleted_at).toBeNull();
      const { rows } = await t.db.query<{ platforms: { removedAtNetwork?: boolean }[] }>('SELECT platforms FROM ayrshare_posts WHERE id = $1', [publishedIds[0]]);
      expect(rows[0]?.platforms.every((p) => p.removedAtNetwork === true)).toBe(true);
      return c.statements();
    };
    const few = await run(1, 1);
    expect(await run(20, 20)).toBe(few);
  });
});
