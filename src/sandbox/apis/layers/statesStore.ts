import { hashSecret } from '../../store/hashSecret.js';
import { isUuid, newSecret, randomString } from '../../store/ids.js';
import type { Db } from '../../store/sqlDb.js';
import { BadState } from '../../slice.js';
import { layersKeyCache } from './keyCache.js';
import type { LayersStatesStore } from './types.js';

/** The organization `otherOrganization()` creates once and then returns. */
export const OTHER_ORGANIZATION_SLUG = 'sandbox-other-organization';

const INFLUENCER_DEFAULTS = { name: 'Sandbox Influencer', gender: 'female', ageRange: 'young_adult', brandVoice: 'authentic', language: 'en' } as const;

/** The organization's default project, created on first use (concurrent callers get the same one). */
export async function defaultProject(db: Db, organizationId: string): Promise<string> {
  await db.query(
    `INSERT INTO layers_projects (organization_id, name, is_default) VALUES ($1, 'Default project', true) ON CONFLICT DO NOTHING`,
    [organizationId],
  );
  const { rows } = await db.query<{ id: string }>('SELECT id FROM layers_projects WHERE organization_id = $1 AND is_default', [organizationId]);
  if (!rows[0]) throw new Error(`No organization ${organizationId}`);
  return rows[0].id;
}

export function createStatesStore(db: Db): LayersStatesStore {
  return {
    async createInfluencer(organizationId, fields) {
      const projectId = await defaultProject(db, organizationId);
      const d = INFLUENCER_DEFAULTS;
      const f = {
        name: fields.name ?? d.name,
        gender: fields.gender ?? d.gender,
        ageRange: fields.ageRange === undefined ? d.ageRange : fields.ageRange, // null: no age range
        brandVoice: fields.brandVoice ?? d.brandVoice,
        language: fields.language ?? d.language,
      };
      const { rows } = await db.query<{ id: string }>(
        `INSERT INTO layers_influencers (project_id, organization_id, name, gender, age_range, brand_voice, language)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [projectId, organizationId, f.name, f.gender, f.ageRange, f.brandVoice, f.language],
      );
      return { id: (rows[0] as { id: string }).id };
    },

    async createSocialAccount(organizationId, queuedPosts, { publishedPosts = 0, leased = false, influencerId } = {}) {
      return db.transaction(async (tx) => {
        if (influencerId !== undefined) {
          const found = isUuid(influencerId) ? await tx.query('SELECT 1 FROM layers_influencers WHERE id = $1 AND organization_id = $2', [influencerId, organizationId]) : { rows: [] };
          if (found.rows.length === 0) throw new BadState(`influencerId: no influencer inf_${influencerId} in the organization`);
        }
        const { rows } = await tx.query<{ id: string }>(
          `INSERT INTO layers_social_accounts (organization_id, platform, handle, token, leased) VALUES ($1, 'instagram', $2, $3, $4) RETURNING id`,
          [organizationId, `@sandbox_${randomString(8, 'abcdefghijklmnopqrstuvwxyz0123456789')}`, newSecret('tok_'), leased],
        );
        const id = (rows[0] as { id: string }).id;
        await tx.query(
          `INSERT INTO layers_scheduled_posts (social_account_id, influencer_id, caption, scheduled_for)
           SELECT $1, $3::uuid, 'Queued post ' || n, now() + n * interval '1 hour' FROM generate_series(1, $2::int) AS n`,
          [id, queuedPosts, influencerId ?? null],
        );
        if (publishedPosts > 0) {
          await tx.query(
            `INSERT INTO layers_scheduled_posts (social_account_id, caption, scheduled_for, status)
             SELECT $1, 'Published post ' || n, now() - n * interval '1 hour', 'published' FROM generate_series(1, $2::int) AS n`,
            [id, publishedPosts],
          );
        }
        return { id };
      });
    },

    async otherOrganization() {
      await db.query(`INSERT INTO layers_organizations (slug, name) VALUES ($1, 'Other organization (sandbox)') ON CONFLICT (slug) DO NOTHING`, [OTHER_ORGANIZATION_SLUG]);
      const { rows } = await db.query<{ id: string }>('SELECT id FROM layers_organizations WHERE slug = $1', [OTHER_ORGANIZATION_SLUG]);
      return (rows[0] as { id: string }).id;
    },

    async createLayersKey(organizationId, scopes) {
      const apiKey = newSecret('lp_test_');
      const { rows } = await db.query<{ id: string }>(
        `INSERT INTO layers_api_keys (organization_id, secret_sha256, label, scopes) VALUES ($1, $2, 'provider state', $3::text[]) RETURNING id`,
        [organizationId, hashSecret(apiKey), scopes],
      );
      return { keyId: (rows[0] as { id: string }).id, apiKey };
    },

    async teardown(kind, ids) {
      const uuids = ids.filter(isUuid);
      if (uuids.length === 0) return;
      const table = {
        influencer: 'layers_influencers',
        // its scheduled posts go with it (ON DELETE CASCADE)
        socialAccount: 'layers_social_accounts',
        layersKey: 'layers_api_keys',
      }[kind];
      await db.query(`DELETE FROM ${table} WHERE id = ANY($1::uuid[])`, [uuids]);
      if (kind === 'layersKey') layersKeyCache(db).clear();
    },
  };
}
