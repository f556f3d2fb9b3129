import type { LoadedApi } from '../../../core/loadApi.js';
import { hashSecret } from '../../store/hashSecret.js';
import type { Db } from '../../store/sqlDb.js';
import { demoScopes } from './contract.js';
import { layersKeyCache } from './keyCache.js';
import type { LayersDemo } from './types.js';

/**
 * The demo tenant: fixed ids and fixed keys, so a restart with a persisted database finds the same
 * rows (every insert is `ON CONFLICT DO NOTHING`; nothing a user changed is reset) and the keys
 * printed at start always work. The keys are public on purpose: this is a sandbox.
 */
export const DEMO_KEYS = {
  full: 'lp_demo_sandbox_full_access_key',
  readOnly: 'lp_demo_sandbox_read_only_key',
} as const;

const id = (group: number, n: number) => `d3300000-0000-4000-8000-${group.toString(16).padStart(4, '0')}${n.toString(16).padStart(8, '0')}`;

const DEMO = {
  organization: id(1, 1),
  layersKey: id(2, 1),
  layersReadOnlyKey: id(2, 2),
  project: id(3, 1),
  influencers: [
    { id: id(4, 1), name: 'Ava Chen', gender: 'female', ageRange: 'young_adult', brandVoice: 'warm', language: 'en', createdAt: '2026-04-01T14:22:10Z' },
    { id: id(4, 2), name: 'Leo Martins', gender: 'male', ageRange: 'adult', brandVoice: 'witty', language: 'pt-BR', createdAt: '2026-04-02T09:05:00Z' },
    { id: id(4, 3), name: 'Sam Rivera', gender: 'non_binary', ageRange: null, brandVoice: 'casual', language: 'es-MX', createdAt: '2026-04-03T17:40:30Z' },
  ],
  socialAccount: id(5, 1),
  scheduledPosts: [id(6, 1), id(6, 2), id(6, 3)],
  publishedPost: id(6, 4),
  /** The account of the revoke page's example request, with the 4 queued posts its 200 cancels. */
  pageSocialAccount: '9c1e42a0-b7f3-4e5d-a2c1-8b4f5e6c7d8e',
  pageScheduledPosts: [id(6, 5), id(6, 6), id(6, 7), id(6, 8)],
};

/** Seeds the demo tenant; the keys' scopes are the document's (see `demoScopes`), set again on every start. */
export async function seedDemo(db: Db, api: LoadedApi): Promise<LayersDemo> {
  const scopes = demoScopes(api);
  await db.transaction(async (tx) => {
    // Organization, keys, project, influencers, a connected account with queued posts, and the
    // revoke page's account (sa_9c1e42a0-…) with the 4 queued posts its example answer cancels.
    await tx.query(`INSERT INTO layers_organizations (id, slug, name) VALUES ($1, 'demo', 'Demo organization') ON CONFLICT DO NOTHING`, [DEMO.organization]);
    await tx.query(
      `INSERT INTO layers_api_keys (id, organization_id, secret_sha256, label, scopes)
       VALUES ($1, $3, $4, 'demo (all scopes)', $5::text[]), ($2, $3, $6, 'demo (read only)', $7::text[])
       ON CONFLICT (id) DO UPDATE SET scopes = excluded.scopes`,
      [DEMO.layersKey, DEMO.layersReadOnlyKey, DEMO.organization, hashSecret(DEMO_KEYS.full), scopes.full, hashSecret(DEMO_KEYS.readOnly), scopes.readOnly],
    );
    await tx.query(`INSERT INTO layers_projects (id, organization_id, name, is_default) VALUES ($1, $2, 'Demo project', true) ON CONFLICT DO NOTHING`, [DEMO.project, DEMO.organization]);
    for (const i of DEMO.influencers) {
      await tx.query(
        `INSERT INTO layers_influencers (id, project_id, organization_id, name, gender, age_range, brand_voice, language, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) ON CONFLICT DO NOTHING`,
        [i.id, DEMO.project, DEMO.organization, i.name, i.gender, i.ageRange, i.brandVoice, i.language, i.createdAt],
      );
    }
    await tx.query(
      `INSERT INTO layers_social_accounts (id, organization_id, platform, handle, token)
       VALUES ($1, $3, 'instagram', '@ava.chen.demo', 'tok_demo_instagram'), ($2, $3, 'tiktok', '@ava.chen.page', 'tok_demo_tiktok')
       ON CONFLICT DO NOTHING`,
      [DEMO.socialAccount, DEMO.pageSocialAccount, DEMO.organization],
    );
    await tx.query(
      `INSERT INTO layers_scheduled_posts (id, social_account_id, influencer_id, caption, scheduled_for, status)
       SELECT p.id, $2, $3, 'Demo post ' || p.n, timestamptz '2030-01-01T12:00:00Z' + p.n * interval '1 day', p.status
         FROM unnest($1::uuid[], $4::text[]) WITH ORDINALITY AS p (id, status, n)
       ON CONFLICT DO NOTHING`,
      [[...DEMO.scheduledPosts, DEMO.publishedPost], DEMO.socialAccount, DEMO.influencers[0]?.id, [...DEMO.scheduledPosts.map(() => 'queued'), 'published']],
    );
    await tx.query(
      `INSERT INTO layers_scheduled_posts (id, social_account_id, influencer_id, caption, scheduled_for, status)
       SELECT p.id, $2, $3, 'Page post ' || p.n, timestamptz '2030-02-01T12:00:00Z' + p.n * interval '1 day', 'queued'
         FROM unnest($1::uuid[]) WITH ORDINALITY AS p (id, n)
       ON CONFLICT DO NOTHING`,
      [DEMO.pageScheduledPosts, DEMO.pageSocialAccount, DEMO.influencers[0]?.id],
    );
  });
  layersKeyCache(db).clear(); // the demo keys' scopes were just set again

  return {
    apiKey: DEMO_KEYS.full,
    organizationId: DEMO.organization,
    influencerId: DEMO.influencers[0]?.id ?? '',
    socialAccountId: DEMO.socialAccount,
    pageSocialAccountId: DEMO.pageSocialAccount,
    readOnlyKey: DEMO_KEYS.readOnly,
  };
}
