import { failIfAsked, type Faults } from '../../http/faults.js';
import { hashSecret } from '../../store/hashSecret.js';
import { isUuid, newSecret } from '../../store/ids.js';
import { keyCacheOf } from '../../store/keyCache.js';
import { cachedRead } from '../../store/readCache.js';
import type { Db } from '../../store/sqlDb.js';
import type { HokoKey, HokoStore } from './types.js';

/** The fault point inside the delete's transaction: after the partners are updated, before the check. */
export const DELETE_FAULT = 'hoko:after-first-delete';

type DeleteResult = { kind: 'deleted'; deletedIds: string[] } | { kind: 'invalid'; ids: string[] };

/** The Hoko keys found (their scopes are written only by the demo seed, which clears it). */
export const hokoKeyCache = (db: Db) => keyCacheOf<HokoKey>(db, 'hoko');

export function createHokoStore(db: Db): HokoStore {
  const keys = hokoKeyCache(db);
  return {
    async findKey(apiKey) {
      if (!apiKey) return null;
      const key = await keys.get(apiKey, async () => {
        const { rows } = await cachedRead<{ workspace_id: string; scopes: string[] }>(
          db,
          'SELECT workspace_id, scopes FROM hoko_api_keys WHERE secret_sha256 = $1',
          [hashSecret(apiKey)],
        );
        return rows[0] ? { workspaceId: rows[0].workspace_id, scopes: [...rows[0].scopes] } : null;
      });
      return key && { ...key, scopes: [...key.scopes] };
    },

    deletePartners: (workspaceId, ids, faults) => deletePartners(db, workspaceId, ids, faults),

    states: {
      async createPartners(workspaceId, count) {
        const { rows } = await db.query<{ id: string }>(
          `INSERT INTO hoko_partners (workspace_id, name)
           SELECT $1, 'Partner ' || n FROM generate_series(1, $2::int) AS n RETURNING id`,
          [workspaceId, count],
        );
        return { ids: rows.map((r) => r.id) };
      },

      async createWorkspace() {
        const { rows } = await db.query<{ id: string }>(`INSERT INTO hoko_workspaces (slug, name) VALUES ('other-' || gen_random_uuid(), 'Another workspace') RETURNING id`);
        return (rows[0] as { id: string }).id;
      },

      async deleteWorkspace(workspaceId) {
        if (isUuid(workspaceId)) await db.query('DELETE FROM hoko_workspaces WHERE id = $1', [workspaceId]);
      },

      async teardown(ids) {
        const uuids = ids.filter(isUuid);
        if (uuids.length > 0) await db.query('DELETE FROM hoko_partners WHERE id = ANY($1::uuid[])', [uuids]);
      },

      async createKey(workspaceId, scopes) {
        const apiKey = newSecret('hoko_test_');
        const { rows } = await db.query<{ id: string }>('INSERT INTO hoko_api_keys (workspace_id, secret_sha256, scopes) VALUES ($1, $2, $3::text[]) RETURNING id', [workspaceId, hashSecret(apiKey), scopes]);
        return { keyId: (rows[0] as { id: string }).id, apiKey };
      },

      async deleteKey(keyId) {
        if (isUuid(keyId)) await db.query('DELETE FROM hoko_api_keys WHERE id = $1', [keyId]);
        hokoKeyCache(db).clear(); // a deleted key must stop working at once
      },
    },
  };
}

/**
 * All or nothing, in ONE statement (atomic by itself), with the whole id list as one array
 * parameter (`= ANY($1::uuid[])`), so 10,000 ids are one index scan, not 10,000 parameters:
 * `live` locks the live partners asked for in id order (`ORDER BY id FOR UPDATE`, so overlapping
 * batches queue on each other instead of deadlocking); `deleted` soft-deletes them only when all
 * of them are live (a data-modifying CTE runs whether or not the outer query reads it); the
 * statement answers the ids that are not live, in the order sent (none: every one was deleted).
 * `(SELECT ok FROM complete)` is evaluated once (an init plan), and `NOT IN` against `live` is a
 * hashed subplan: both stay linear in the number of ids (a join against the CTE, estimated at one
 * row, would be a nested loop of 10,000 × 10,000).
 * A batch that waited on a lock re-checks `deleted_at IS NULL` on the committed row version, so a
 * partner another batch deleted is not live, and this batch deletes nothing.
 *
 * Duplicates: an id sent twice is one partner, deleted once and reported once in `deletedIds`
 * (first spelling kept); a duplicate is not an error. An empty list deletes nothing and is
 * `invalid` with no ids (the HTTP layer rejects it before, minItems is 1).
 *
 * With the fault point armed the statement runs in a transaction and the fault fires after it,
 * before COMMIT: the partners are updated, then the update is rolled back.
 */
const DELETE_SQL = `WITH live AS (
     SELECT id FROM hoko_partners
      WHERE id = ANY($1::uuid[]) AND workspace_id = $2 AND deleted_at IS NULL
      ORDER BY id FOR UPDATE),
   complete AS (SELECT count(*) = $3::int AS ok FROM live),
   deleted AS (
     UPDATE hoko_partners p SET deleted_at = now()
       FROM live
      WHERE (SELECT ok FROM complete) AND p.id = live.id)
 SELECT w.id::text AS id FROM unnest($1::uuid[]) WITH ORDINALITY AS w (id, n)
  WHERE NOT (SELECT ok FROM complete) AND w.id NOT IN (SELECT id FROM live)
  ORDER BY w.n`;

async function deletePartners(db: Db, workspaceId: string, ids: string[], faults: Faults = {}): Promise<DeleteResult> {
  const spelling = new Map<string, string>(); // lower-case uuid → first spelling sent
  const malformed: string[] = [];
  for (const id of ids) {
    if (!isUuid(id)) {
      if (!malformed.includes(id)) malformed.push(id);
      continue;
    }
    const key = id.toLowerCase();
    if (!spelling.has(key)) spelling.set(key, id);
  }
  if (spelling.size === 0 || !isUuid(workspaceId)) return { kind: 'invalid', ids: [...new Set(ids)] };
  if (malformed.length > 0) {
    // Nothing is deleted; the ids reported are the malformed ones and the well-formed ones not live.
    const { rows } = await db.query<{ id: string }>(
      `SELECT w.id::text AS id FROM unnest($1::uuid[]) WITH ORDINALITY AS w (id, n)
        WHERE NOT EXISTS (SELECT 1 FROM hoko_partners p WHERE p.id = w.id AND p.workspace_id = $2 AND p.deleted_at IS NULL)
        ORDER BY w.n`,
      [[...spelling.keys()], workspaceId],
    );
    return { kind: 'invalid', ids: [...malformed, ...rows.map((r) => spelling.get(r.id) ?? r.id)] };
  }
  const wanted = [...spelling.keys()];
  const remove = async (on: Db): Promise<DeleteResult> => {
    const { rows } = await on.query<{ id: string }>(DELETE_SQL, [wanted, workspaceId, wanted.length]);
    failIfAsked(faults, DELETE_FAULT);
    if (rows.length > 0) return { kind: 'invalid', ids: rows.map((r) => spelling.get(r.id) ?? r.id) };
    return { kind: 'deleted', deletedIds: wanted.map((id) => spelling.get(id) ?? id) };
  };
  return faults.failAt === DELETE_FAULT ? db.transaction(remove) : remove(db);
}
