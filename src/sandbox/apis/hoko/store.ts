import { failIfAsked, type Faults } from '../../http/faults.js';
import { hashSecret } from '../../store/hashSecret.js';
import { isUuid, newSecret } from '../../store/ids.js';
import { transactionOrRollback } from '../../store/rollbackWith.js';
import type { Db } from '../../store/sqlDb.js';
import type { HokoStore } from './types.js';

/** The fault point inside the delete's transaction: after the partners are updated, before the check. */
export const DELETE_FAULT = 'hoko:after-first-delete';

type DeleteResult = { kind: 'deleted'; deletedIds: string[] } | { kind: 'invalid'; ids: string[] };

export function createHokoStore(db: Db): HokoStore {
  return {
    async findKey(apiKey) {
      if (!apiKey) return null;
      const { rows } = await db.query<{ workspace_id: string; scopes: string[] }>(
        'SELECT workspace_id, scopes FROM hoko_api_keys WHERE secret_sha256 = $1',
        [hashSecret(apiKey)],
      );
      return rows[0] ? { workspaceId: rows[0].workspace_id, scopes: [...rows[0].scopes] } : null;
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

      async createKey(workspaceId, scopes) {
        const apiKey = newSecret('hoko_test_');
        await db.query('INSERT INTO hoko_api_keys (workspace_id, secret_sha256, scopes) VALUES ($1, $2, $3::text[])', [workspaceId, hashSecret(apiKey), scopes]);
        return { apiKey };
      },

      async teardownKeys(apiKeys) {
        await db.query('DELETE FROM hoko_api_keys WHERE secret_sha256 = ANY($1::text[])', [apiKeys.map(hashSecret)]);
      },

      async teardown(ids) {
        const uuids = ids.filter(isUuid);
        if (uuids.length > 0) await db.query('DELETE FROM hoko_partners WHERE id = ANY($1::uuid[])', [uuids]);
      },
    },
  };
}

/**
 * All or nothing, in one transaction, with the whole id list as ONE array parameter
 * (`= ANY($1::uuid[])`), so 10,000 ids are two index scans, not 10,000 parameters.
 *
 * Duplicates: an id sent twice is one partner, deleted once and reported once in `deletedIds`
 * (first spelling kept); a duplicate is not an error. An empty list deletes nothing and is
 * `invalid` with no ids (the HTTP layer rejects it before, minItems is 1).
 *
 * Concurrency: the live rows are first locked in id order (`SELECT … ORDER BY id FOR UPDATE`), so
 * overlapping batches queue on each other instead of deadlocking. A batch that waited re-checks
 * `deleted_at IS NULL` on the committed row versions, finds the partners another batch deleted,
 * and rolls back as `invalid`. Then `UPDATE … WHERE deleted_at IS NULL RETURNING id` must return
 * every requested id; the ids reported are exactly the rows THIS statement updated.
 */
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
  const wanted = [...spelling.keys()];

  return transactionOrRollback(db, async (tx, rollback: (value: DeleteResult) => never) => {
    const locked = await tx.query<{ id: string }>(
      `SELECT id FROM hoko_partners
        WHERE id = ANY($1::uuid[]) AND workspace_id = $2 AND deleted_at IS NULL
        ORDER BY id FOR UPDATE`,
      [wanted, workspaceId],
    );
    const live = new Set(locked.rows.map((r) => r.id));
    const notLive = wanted.filter((id) => !live.has(id));
    if (notLive.length > 0 || malformed.length > 0) {
      rollback({ kind: 'invalid', ids: [...malformed, ...notLive.map((id) => spelling.get(id) ?? id)] });
    }

    const updated = await tx.query<{ id: string }>(
      `UPDATE hoko_partners SET deleted_at = now()
        WHERE id = ANY($1::uuid[]) AND workspace_id = $2 AND deleted_at IS NULL
        RETURNING id`,
      [wanted, workspaceId],
    );
    failIfAsked(faults, DELETE_FAULT);
    const deleted = new Set(updated.rows.map((r) => r.id));
    const missed = wanted.filter((id) => !deleted.has(id));
    if (missed.length > 0) rollback({ kind: 'invalid', ids: missed.map((id) => spelling.get(id) ?? id) });
    return { kind: 'deleted' as const, deletedIds: wanted.map((id) => spelling.get(id) ?? id) };
  });
}
