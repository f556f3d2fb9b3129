import { hashSecret } from '../../store/hashSecret.js';
import { isUuid, newSecret, randomString } from '../../store/ids.js';
import { transactionOrRollback } from '../../store/rollbackWith.js';
import type { Db } from '../../store/sqlDb.js';
import type { AyrshareDeleteOutcome, AyrshareStore } from './types.js';

/** An Ayrshare post id: 20 alphanumeric characters, like `p8Ee6xDPx8PRxsjtDXf3`. */
export const newPostId = (): string => randomString(20);

/** A social network's post id as the networks write them (digits, Facebook's `page_post`). */
export function newNetworkPostId(platform: string): string {
  const digits = (n: number) => randomString(1, '123456789') + randomString(n - 1, '0123456789');
  return platform === 'facebook' ? `${digits(15)}_${digits(15)}` : digits(19);
}

/** Platforms of the posts the states create: both can be deleted through the API. */
const POST_PLATFORMS = ['twitter', 'facebook'];

interface PostLock {
  id: string;
  status: 'pending' | 'published';
  platforms: { platform: string; networkPostId?: string }[];
  deleted_at: unknown;
}

/** What the networks hold of a post: only platforms it was actually sent to (a pending post: none). */
function sentPlatforms(post: PostLock): { platform: string; networkPostId: string }[] {
  if (post.status !== 'published') return [];
  return post.platforms.flatMap((p) => (p.networkPostId ? [{ platform: p.platform, networkPostId: p.networkPostId }] : []));
}

export function createAyrshareStore(db: Db): AyrshareStore {
  return {
    async findProfile(apiKey, profileKey) {
      if (!apiKey) return null;
      type Row = { id: string; denied_operations: string[] };
      const { rows } =
        profileKey === undefined
          ? await db.query<Row>('SELECT id, denied_operations FROM ayrshare_profiles WHERE api_key_sha256 = $1 AND profile_key_sha256 IS NULL', [hashSecret(apiKey)])
          : await db.query<Row>('SELECT id, denied_operations FROM ayrshare_profiles WHERE api_key_sha256 = $1 AND profile_key_sha256 = $2', [hashSecret(apiKey), hashSecret(profileKey)]);
      return rows[0] ? { profileId: rows[0].id, deniedOperations: [...rows[0].denied_operations] } : null;
    },

    async deletePost(profileId, id, markManualDeleted): Promise<AyrshareDeleteOutcome> {
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
        await tx.query('UPDATE ayrshare_posts SET deleted_at = now(), manual_deleted = $2 WHERE id = $1', [id, markManualDeleted]);
        // markManualDeleted: only marked, the networks are not contacted. A pending post is deleted
        // before it was ever sent, so no network is contacted either.
        return markManualDeleted ? { kind: 'marked', id } : { kind: 'deleted', platforms: sentPlatforms(post) };
      });
    },

    async deleteBulk(profileId, ids, markManualDeleted) {
      // Duplicate ids are deleted once (the first mention counts); they are not an error.
      const unique = [...new Set(ids)];
      if (!isUuid(profileId)) return unique[0] === undefined ? { kind: 'deleted', ids: [] } : { kind: 'not_found', id: unique[0] };
      return transactionOrRollback(db, async (tx, rollback: (value: Extract<AyrshareDeleteOutcome, { kind: 'not_found' | 'already_deleted' }>) => never) => {
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
        }
        await tx.query('UPDATE ayrshare_posts SET deleted_at = now(), manual_deleted = $3 WHERE id = ANY($1::text[]) AND profile_id = $2', [unique, profileId, markManualDeleted]);
        return { kind: 'deleted' as const, ids: unique };
      });
    },

    async deleteAllScheduled(profileId) {
      if (!isUuid(profileId)) return { ids: [] };
      const { rows } = await db.query<{ id: string }>(
        `WITH deleted AS (
           UPDATE ayrshare_posts SET deleted_at = now()
            WHERE profile_id = $1 AND status = 'pending' AND deleted_at IS NULL
            RETURNING id, created_at)
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

      async deleteProfile(profileId) {
        if (isUuid(profileId)) await db.query('DELETE FROM ayrshare_profiles WHERE id = $1', [profileId]);
      },

      async createPosts(profileId, pending, published) {
        const pendingIds = Array.from({ length: pending }, newPostId);
        const publishedIds = Array.from({ length: published }, newPostId);
        const ids = [...pendingIds, ...publishedIds];
        const statuses = [...pendingIds.map(() => 'pending'), ...publishedIds.map(() => 'published')];
        const platforms = [
          ...pendingIds.map(() => POST_PLATFORMS.map((platform) => ({ platform }))),
          ...publishedIds.map(() => POST_PLATFORMS.map((platform) => ({ platform, networkPostId: newNetworkPostId(platform) }))),
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
