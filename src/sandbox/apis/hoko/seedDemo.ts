import type { LoadedApi } from '../../../core/loadApi.js';
import { documentScopes } from '../../../core/securitySchemes.js';
import { hashSecret } from '../../store/hashSecret.js';
import type { Db } from '../../store/sqlDb.js';
import { hokoKeyCache } from './store.js';
import type { HokoDemo } from './types.js';

/** The demo key: public on purpose (this is a sandbox), the same on every start. */
export const DEMO_KEY = 'hoko_demo_sandbox_key';
/** A key without `linksWrite` (holding none of the document's scopes): its deletes answer 403 `missingScopes`. */
export const DEMO_READ_ONLY_KEY = 'hoko_demo_sandbox_read_only_key';

const id = (group: number, n: number) => `d3300000-0000-4000-8000-${group.toString(16).padStart(4, '0')}${n.toString(16).padStart(8, '0')}`;
/** The partner of the vendor page's request examples, so the page's own 200 request deletes it. */
const PAGE_PARTNER = '550e8400-e29b-41d4-a716-446655440000';
const DEMO = { workspace: id(8, 1), key: id(9, 1), readOnlyKey: id(9, 2), partners: [...[1, 2, 3, 4, 5].map((n) => id(10, n)), PAGE_PARTNER] };

/**
 * A workspace, its key (holding every scope the document names, set again on every start), a
 * read-only key (none of the document's scopes, so no `linksWrite`), five partners and the
 * vendor page's `550e8400-…` (last, so the banner's curl is the page's request).
 */
export async function seedDemo(db: Db, api: LoadedApi): Promise<HokoDemo> {
  await db.transaction(async (tx) => {
    await tx.query(`INSERT INTO hoko_workspaces (id, slug, name) VALUES ($1, 'demo', 'Demo workspace') ON CONFLICT DO NOTHING`, [DEMO.workspace]);
    await tx.query(`INSERT INTO hoko_api_keys (id, workspace_id, secret_sha256, scopes) VALUES ($1, $2, $3, $4::text[]) ON CONFLICT (id) DO UPDATE SET scopes = excluded.scopes`, [
      DEMO.key,
      DEMO.workspace,
      hashSecret(DEMO_KEY),
      documentScopes(api.operations),
    ]);
    await tx.query(`INSERT INTO hoko_api_keys (id, workspace_id, secret_sha256, scopes) VALUES ($1, $2, $3, '{}') ON CONFLICT (id) DO UPDATE SET scopes = excluded.scopes`, [
      DEMO.readOnlyKey,
      DEMO.workspace,
      hashSecret(DEMO_READ_ONLY_KEY),
    ]);
    await tx.query(
      `INSERT INTO hoko_partners (id, workspace_id, name) SELECT p.id, $2, 'Demo partner ' || p.n FROM unnest($1::uuid[]) WITH ORDINALITY AS p (id, n) ON CONFLICT DO NOTHING`,
      [DEMO.partners, DEMO.workspace],
    );
  });
  hokoKeyCache(db).clear(); // the demo keys' scopes were just set again
  return { apiKey: DEMO_KEY, readOnlyKey: DEMO_READ_ONLY_KEY, workspaceId: DEMO.workspace, partnerIds: [...DEMO.partners] };
}
