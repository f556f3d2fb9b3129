import { hashSecret } from '../../store/hashSecret.js';
import { isUuid, newSecret, randomString } from '../../store/ids.js';
import { transactionOrRollback } from '../../store/rollbackWith.js';
import { cachedRead } from '../../store/readCache.js';
import type { Db } from '../../store/sqlDb.js';
import { refusal, type NetworkCredentials } from './networkRules.js';
import type { AyrshareDeleteFailure, AyrshareDeleteOutcome, AyrshareStore, CreatePostsOptions, NetworkOutcome, PostPlatform } from './types.js';

/** An Ayrshare post id: 20 alphanumeric characters, like `p8Ee6xDPx8PRxsjtDXf3`. */
export const newPostId = (): string => randomString(20);

/** A social network's post id as the networks write them (digits, Facebook's `page_post`). */
export function newNetworkPostId(platform: string): string {
  const digits = (n: number) => randomString(1, '123456789') + randomString(n - 1, '0123456789');
  return platform === 'facebook' ? `${digits(15)}_${digits(15)}` : digits(19);
}

/** Networks of the posts the states create by default: both delete through the API with no credentials of your own. */
const DEFAULT_PLATFORMS = ['facebook', 'linkedin'];

const NO_CREDENTIALS: NetworkCredentials = { x: false };

interface PostLock {
  id: string;
  status: 'pending' | 'published';
  platforms: PostPlatform[];
  deleted_at: unknown;
}

/** The networks a post was actually sent to (a pending post: none). */
function sentPlatforms(post: PostLock): (PostPlatform & { networkPostId: string })[] {
  if (post.status !== 'published') return [];
  return post.platforms.filter((p): p is PostPlatform & { networkPostId: string } => typeof p.networkPostId === 'string');
}

/** A published post is still live where a network holds it and it was not removed there. */
const liveOnANetwork = (post: PostLock) => sentPlatforms(post).some((p) => p.removedAtNetwork !== true);

/**
 * Asks each network the post reached to delete it: a network that refuses (see networkRules.ts)
 * keeps its copy; one where it was already removed answers success. The post is deleted in
 * Ayrshare only when no network refused, so it can be deleted again (or, after removing it by
 * hand, marked) later.
 */
function deleteAtNetworks(post: PostLock, credentials: NetworkCredentials): { platforms: PostPlatform[]; networks: NetworkOutcome[]; complete: boolean } {
  const networks: NetworkOutcome[] = sentPlatforms(post).map((p) => ({
    platform: p.platform,
    networkPostId: p.networkPostId,
    refusal: p.removedAtNetwork === true ? null : refusal(p, credentials),
  }));
  const refused = new Set(networks.filter((n) => n.refusal !== null).map((n) => n.platform));
  const platforms = post.platforms.map((p) => (p.networkPostId && post.status === 'published' && !refused.has(p.platform) ? { ...p, removedAtNetwork: true } : p));
  return { platforms, networks, complete: refused.size === 0 };
}

async function applyDelete(tx: Db, post: PostLock, credentials: NetworkCredentials): Promise<NetworkOutcome[]> {
  const { platforms, networks, complete } = deleteAtNetworks(post, credentials);
  await tx.query(`UPDATE ayrshare_posts SET platforms = $2::jsonb, deleted_at = CASE WHEN $3::boolean THEN now() END WHERE id = $1`, [post.id, JSON.stringify(platforms), complete]);
  return networks;
}

export function createAyrshareStore(db: Db): AyrshareStore {
  return {
    async findProfile(apiKey, profileKey) {
      if (!apiKey) return null;
      type Row = { id: string; denied_operations: string[] };
      const { rows } =
        profileKey === undefined
          ? await cachedRead<Row>(db, 'SELECT id, denied_operations FROM ayrshare_profiles WHERE api_key_sha256 = $1 AND profile_key_sha256 IS NULL', [hashSecret(apiKey)])
          : await cachedRead<Row>(db, 'SELECT id, denied_operations FROM ayrshare_profiles WHERE api_key_sha256 = $1 AND profile_key_sha256 = $2', [hashSecret(apiKey), hashSecret(profileKey)]);
      return rows[0] ? { profileId: rows[0].id, deniedOperations: [...rows[0].denied_operations] } : null;
    },

    async deletePost(profileId, id, markManualDeleted, credentials = NO_CREDENTIALS): Promise<AyrshareDeleteOutcome> {
      if (!isUuid(profileId)) return { kind: 'not_found', id };
      return db.transaction(async (tx) => {
        // The row lock makes a concurrent second delete wait, then see deleted_at and answer 383.
        const { rows } = await tx.query<PostLock>(
          'SELECT id, status, platforms, deleted_at FROM ayrshare_posts WHERE id = $1 AND profile_id = $2 FOR UPDATE',
          [id, profileId],
        );
        const post = rows[0];
        if (!post) return { kind: 'not_found', id };
        if (post.deleted_at !== null) return { kind: 'already_deleted', id };
        if (markManualDeleted) {
          // Only marked, the networks are not contacted: the post must be gone from every network
          // it reached (a pending post reached none).
          if (liveOnANetwork(post)) return { kind: 'not_manually_deleted', id };
          await tx.query('UPDATE ayrshare_posts SET deleted_at = now(), manual_deleted = true WHERE id = $1', [id]);
          return { kind: 'marked', id };
        }
        return { kind: 'deleted', id, networks: await applyDelete(tx, post, credentials) };
      });
    },

    async deleteBulk(profileId, ids, markManualDeleted, credentials = NO_CREDENTIALS) {
      // Duplicate ids are deleted once (the first mention counts); they are not an error.
      const unique = [...new Set(ids)];
      if (!isUuid(profileId)) return unique[0] === undefined ? { kind: 'deleted', ids: [], networks: [] } : { kind: 'not_found', id: unique[0] };
      return transactionOrRollback(db, async (tx, rollback: (value: AyrshareDeleteFailure) => never) => {
        const { rows } = await tx.query<PostLock>(
          // Locks in id order, so overlapping bulk deletes cannot deadlock.
          'SELECT id, status, platforms, deleted_at FROM ayrshare_posts WHERE id = ANY($1::text[]) AND profile_id = $2 ORDER BY id FOR UPDATE',
          [unique, profileId],
        );
        const found = new Map(rows.map((r) => [r.id, r]));
        for (const id of unique) {
          const post = found.get(id);
          if (!post) rollback({ kind: 'not_found', id });
          else if (post.deleted_at !== null) rollback({ kind: 'already_deleted', id });
          else if (markManualDeleted && liveOnANetwork(post)) rollback({ kind: 'not_manually_deleted', id });
        }
        if (markManualDeleted) {
          await tx.query('UPDATE ayrshare_posts SET deleted_at = now(), manual_deleted = true WHERE id = ANY($1::text[]) AND profile_id = $2', [unique, profileId]);
          return { kind: 'deleted' as const, ids: unique, networks: [] };
        }
        // One statement for the whole list, not one per post: a 2 MB body holds about 90,000 ids.
        const networks: (NetworkOutcome & { id: string })[] = [];
        const platforms: string[] = [];
        const complete: boolean[] = [];
        for (const id of unique) {
          const outcome = deleteAtNetworks(found.get(id)!, credentials);
          for (const n of outcome.networks) networks.push({ ...n, id });
          platforms.push(JSON.stringify(outcome.platforms));
          complete.push(outcome.complete);
        }
        await tx.query(
          `UPDATE ayrshare_posts AS p SET platforms = u.platforms::jsonb, deleted_at = CASE WHEN u.complete THEN now() END
             FROM unnest($1::text[], $2::text[], $3::boolean[]) AS u (id, platforms, complete)
            WHERE p.id = u.id AND p.profile_id = $4`,
          [unique, platforms, complete, profileId],
        );
        return { kind: 'deleted' as const, ids: unique, networks };
      });
    },

    async deleteAllScheduled(profileId) {
      if (!isUuid(profileId)) return { ids: [] };
      // The rows are locked in id order first, as deleteBulk locks them: an UPDATE alone locks in
      // scan order, and a bulk delete of the same posts holding some of them would deadlock with it
      // on PostgreSQL. A post another call deleted while this one waited is re-checked and skipped.
      const { rows } = await db.query<{ id: string }>(
        `WITH locked AS (
           SELECT id FROM ayrshare_posts
            WHERE profile_id = $1 AND status = 'pending' AND deleted_at IS NULL
            ORDER BY id FOR UPDATE),
         deleted AS (
           UPDATE ayrshare_posts p SET deleted_at = now()
             FROM locked
            WHERE p.id = locked.id
            RETURNING p.id, p.created_at)
         SELECT id FROM deleted ORDER BY created_at, id`,
        [profileId],
      );
      return { ids: rows.map((r) => r.id) };
    },

    states: {
      async createProfile(deniedOperations) {
        const apiKey = newSecret('ayr_test_');
        const { rows } = await db.query<{ id: string }>(
          `INSERT INTO ayrshare_profiles (title, api_key_sha256, denied_operations) VALUES ('Provider state profile', $1, $2::text[]) RETURNING id`,
          [hashSecret(apiKey), deniedOperations],
        );
        return { profileId: (rows[0] as { id: string }).id, apiKey };
      },

      async createUserProfile(apiKey) {
        const profileKey = newSecret('prof_test_');
        const { rows } = await db.query<{ id: string }>(
          `INSERT INTO ayrshare_profiles (title, api_key_sha256, profile_key_sha256) VALUES ('Provider state user profile', $1, $2) RETURNING id`,
          [hashSecret(apiKey), hashSecret(profileKey)],
        );
        return { profileId: (rows[0] as { id: string }).id, profileKey };
      },

      async deleteProfile(profileId) {
        if (isUuid(profileId)) await db.query('DELETE FROM ayrshare_profiles WHERE id = $1', [profileId]);
      },

      async createPosts(profileId, pending, published, options: CreatePostsOptions = {}) {
        const targets = options.platforms ?? DEFAULT_PLATFORMS;
        const pendingIds = Array.from({ length: pending }, newPostId);
        const publishedIds = Array.from({ length: published }, newPostId);
        const ids = [...pendingIds, ...publishedIds];
        const statuses = [...pendingIds.map(() => 'pending'), ...publishedIds.map(() => 'published')];
        const story = (platform: string) => (platform === 'facebook' && options.facebookStory ? { story: options.facebookStory } : {});
        const platforms = [
          ...pendingIds.map(() => targets.map((platform): PostPlatform => ({ platform, ...story(platform) }))),
          ...publishedIds.map(() =>
            targets.map((platform): PostPlatform => ({ platform, networkPostId: newNetworkPostId(platform), ...story(platform), ...(options.removedAtNetwork ? { removedAtNetwork: true } : {}) })),
          ),
        ].map((p) => JSON.stringify(p));
        await db.query(
          `INSERT INTO ayrshare_posts (id, profile_id, post, status, platforms, schedule_date)
           SELECT p.id, $1, 'Sandbox post ' || p.ord, p.status, p.platforms::jsonb,
                  CASE WHEN p.status = 'pending' THEN now() + interval '1 day' END
             FROM unnest($2::text[], $3::text[], $4::text[]) WITH ORDINALITY AS p (id, status, platforms, ord)`,
          [profileId, ids, statuses, platforms],
        );
        return { pendingIds, publishedIds };
      },

      async teardown(ids) {
        await db.query('DELETE FROM ayrshare_posts WHERE id = ANY($1::text[])', [ids]);
      },
    },
  };
}
