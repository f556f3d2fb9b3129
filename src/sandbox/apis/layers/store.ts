import type { LoadedApi } from '../../../core/loadApi.js';
import { failIfAsked, type Faults } from '../../http/faults.js';
import { hashSecret } from '../../store/hashSecret.js';
import { withIdempotency } from '../../store/idempotency.js';
import { isUuid } from '../../store/ids.js';
import type { Db } from '../../store/sqlDb.js';
import { exactSql, isoSql, toIso } from '../../store/timestamps.js';
import { listBounds } from './contract.js';
import { decodeCursor, encodeCursor } from './influencerCursor.js';
import { layersKeyCache } from './keyCache.js';
import { cachedRead } from '../../store/readCache.js';
import { setKillSwitch } from './killSwitches.js';
import { createStatesStore } from './statesStore.js';
import type { InfluencerPatchInput, InfluencerRow, KillSwitchScope, LayersKey, LayersStore, RevokeResult } from './types.js';

/** The fault point inside the revoke's transaction: after the posts are canceled, before the account is disconnected. */
export const REVOKE_FAULT = 'revoke:after-cancel';

const INFLUENCER_COLUMNS = 'id, project_id, name, gender, age_range, brand_voice, language, status, created_at, updated_at';

interface InfluencerRecord {
  id: string;
  project_id: string;
  name: string;
  gender: InfluencerRow['gender'];
  age_range: InfluencerRow['ageRange'];
  brand_voice: InfluencerRow['brandVoice'];
  language: string;
  status: string;
  created_at: unknown;
  updated_at: unknown;
}

export function toInfluencerRow(r: InfluencerRecord): InfluencerRow {
  return {
    id: r.id,
    projectId: r.project_id,
    name: r.name,
    gender: r.gender,
    ageRange: r.age_range,
    brandVoice: r.brand_voice,
    language: r.language,
    status: r.status,
    createdAt: toIso(r.created_at),
    updatedAt: toIso(r.updated_at),
  };
}

/**
 * The row of a record the read cache handed out (frozen, and the same object until the cache
 * drops it): converted once, and frozen too, since every later hit gets the same row.
 */
const rowsOf = new WeakMap<InfluencerRecord, Readonly<InfluencerRow>>();
function cachedRow(record: InfluencerRecord): InfluencerRow {
  let row = rowsOf.get(record);
  if (row === undefined) {
    row = Object.freeze(toInfluencerRow(record));
    if (Object.isFrozen(record)) rowsOf.set(record, row);
  }
  return row;
}

/** PATCH fields and their columns; only these names ever reach the SQL text. */
const PATCH_COLUMNS: [keyof InfluencerPatchInput, string][] = [
  ['name', 'name'],
  ['gender', 'gender'],
  ['ageRange', 'age_range'],
  ['brandVoice', 'brand_voice'],
  ['language', 'language'],
];

/** The Layers store over `db`; page sizes are clamped to the bounds of the document's `limit` parameter. */
export function createLayersStore(db: Db, api: LoadedApi): LayersStore {
  const { min: MIN_LIMIT, max: MAX_LIMIT } = listBounds(api);
  async function getInfluencer(organizationId: string, id: string): Promise<InfluencerRow | null> {
    if (!isUuid(organizationId) || !isUuid(id)) return null;
    const { rows } = await cachedRead<InfluencerRecord>(
      db,
      `SELECT ${INFLUENCER_COLUMNS} FROM layers_influencers WHERE id = $1 AND organization_id = $2 AND NOT is_archived`,
      [id, organizationId],
    );
    return rows[0] ? cachedRow(rows[0]) : null;
  }

  const keys = layersKeyCache(db);
  const loadKey = async (apiKey: string): Promise<LayersKey | null> => {
    const { rows } = await cachedRead<{ id: string; organization_id: string; scopes: string[]; key_off: boolean; org_off: boolean; global_off: boolean }>(
      db,
      `SELECT k.id, k.organization_id, k.scopes, k.kill_switch AS key_off, o.kill_switch AS org_off, s.global_kill_switch AS global_off
         FROM layers_api_keys k
         JOIN layers_organizations o ON o.id = k.organization_id
        CROSS JOIN layers_settings s
        WHERE k.secret_sha256 = $1`,
      [hashSecret(apiKey)],
    );
    const row = rows[0];
    if (!row) return null;
    // The most specific switch wins: key, then organization, then global.
    const killSwitch: KillSwitchScope | null = row.key_off ? 'key' : row.org_off ? 'organization' : row.global_off ? 'global' : null;
    return { keyId: row.id, organizationId: row.organization_id, scopes: [...row.scopes], killSwitch };
  };

  return {
    async findKey(apiKey: string): Promise<LayersKey | null> {
      if (!apiKey) return null;
      const key = await keys.get(apiKey, () => loadKey(apiKey));
      return key && { ...key, scopes: [...key.scopes] };
    },

    async listInfluencers(organizationId, limit, cursor) {
      let after = null;
      if (cursor !== undefined) {
        after = decodeCursor(cursor);
        if (!after) return null;
      }
      if (!isUuid(organizationId)) return { items: [], nextCursor: null };
      const pageSize = Math.min(MAX_LIMIT, Math.max(MIN_LIMIT, Math.floor(limit) || MIN_LIMIT));
      const params: unknown[] = [organizationId, pageSize + 1];
      if (after) params.push(after.createdAt, after.id);
      const { rows } = await db.query<InfluencerRecord & { cursor_at: string }>(
        `SELECT ${INFLUENCER_COLUMNS}, ${exactSql('created_at')} AS cursor_at
           FROM layers_influencers
          WHERE organization_id = $1 AND NOT is_archived
            ${after ? 'AND (created_at, id) < ($3::timestamptz, $4::uuid)' : ''}
          ORDER BY created_at DESC, id DESC
          LIMIT $2`,
        params,
      );
      const page = rows.slice(0, pageSize);
      const last = page[page.length - 1];
      const nextCursor = rows.length > pageSize && last ? encodeCursor({ createdAt: last.cursor_at, id: last.id }) : null;
      return { items: page.map(toInfluencerRow), nextCursor };
    },

    getInfluencer,

    async patchInfluencer(organizationId, id, patch) {
      if (!isUuid(organizationId) || !isUuid(id)) return null;
      const sets: string[] = [];
      const params: unknown[] = [id, organizationId];
      for (const [field, column] of PATCH_COLUMNS) {
        const value = patch[field];
        if (value === undefined) continue; // omitted: left alone (ageRange: null clears)
        params.push(value);
        sets.push(`${column} = $${params.length}`);
      }
      if (sets.length === 0) return getInfluencer(organizationId, id);
      const { rows } = await db.query<InfluencerRecord>(
        `UPDATE layers_influencers SET ${sets.join(', ')}, updated_at = now()
          WHERE id = $1 AND organization_id = $2 AND NOT is_archived
          RETURNING ${INFLUENCER_COLUMNS}`,
        params,
      );
      return rows[0] ? toInfluencerRow(rows[0]) : null;
    },

    async deleteInfluencer(organizationId, id, audit) {
      if (!isUuid(organizationId) || !isUuid(id)) return null;
      // One conditional UPDATE: of two concurrent deletes, the second re-checks is_archived
      // after the first commits and matches nothing.
      const { rows } = await db.query<{ id: string; at: string }>(
        `UPDATE layers_influencers
            SET is_archived = true,
                updated_at = now(),
                attributes = jsonb_set(attributes, '{deletion}',
                  jsonb_build_object('reason', $3::text, 'keyId', $4::text, 'at', ${isoSql('now()')}))
          WHERE id = $1 AND organization_id = $2 AND NOT is_archived
          RETURNING id, attributes #>> '{deletion,at}' AS at`,
        [id, organizationId, audit.reason ?? null, audit.keyId],
      );
      const row = rows[0];
      return row ? { id: row.id, deletedAt: row.at } : null;
    },

    async deletionAudit(id) {
      if (!isUuid(id)) return null;
      const { rows } = await db.query<{ deletion: { reason?: string | null; keyId: string; at: string } | null }>(
        `SELECT attributes -> 'deletion' AS deletion FROM layers_influencers WHERE id = $1`,
        [id],
      );
      const deletion = rows[0]?.deletion;
      return deletion ? { reason: deletion.reason ?? null, keyId: deletion.keyId, at: deletion.at } : null;
    },

    revokeSocialAccount: (organizationId, id, faults) => revokeSocialAccount(db, organizationId, id, faults),

    withIdempotency: (keyId, idempotencyKey, fingerprint, run) => withIdempotency(db, keyId, idempotencyKey, fingerprint, run),

    setKillSwitch: (scope, targetId, on) => setKillSwitch(db, scope, targetId, on),

    states: createStatesStore(db),
  };
}

/**
 * One statement (data-modifying CTEs, atomic by itself): disconnect the account while it is still
 * connected, and cancel the queued posts of the account that statement disconnected. A concurrent
 * revoke of the same account blocks on the row lock of the first UPDATE; once the first commits,
 * PostgreSQL re-checks `status = 'connected'` on the new row version, the row no longer matches,
 * no post is touched, and the second call returns `null` having changed nothing. So the canceled
 * posts are counted once, by the call that canceled them.
 *
 * With the fault point armed the statement runs inside a transaction and the fault fires after
 * it, before COMMIT: the posts are canceled and the account disconnected, then everything is
 * rolled back.
 */
const REVOKE_SQL = `WITH account AS (
     UPDATE layers_social_accounts
        SET status = 'disconnected', disconnected_reason = 'revoked_by_partner', disconnected_at = now(), token = NULL
      WHERE id = $1 AND organization_id = $2 AND status = 'connected'
      RETURNING id, disconnected_at),
   canceled AS (
     UPDATE layers_scheduled_posts
        SET status = 'canceled', canceled_reason = 'revoked_by_partner', canceled_at = now(), updated_at = now()
      WHERE social_account_id IN (SELECT id FROM account) AND status = 'queued'
      RETURNING 1)
 SELECT account.id, account.disconnected_at, (SELECT count(*) FROM canceled)::int AS count FROM account`;

async function revokeSocialAccount(db: Db, organizationId: string, id: string, faults: Faults = {}): Promise<RevokeResult | null> {
  if (!isUuid(organizationId) || !isUuid(id)) return null;
  const revoke = async (on: Db) => {
    const { rows } = await on.query<{ id: string; disconnected_at: unknown; count: number }>(REVOKE_SQL, [id, organizationId]);
    failIfAsked(faults, REVOKE_FAULT);
    const row = rows[0];
    return row ? { socialAccountId: row.id, canceledScheduledPosts: row.count, disconnectedAt: toIso(row.disconnected_at) } : null;
  };
  return faults.failAt === REVOKE_FAULT ? db.transaction(revoke) : revoke(db);
}
