import { hashSecret } from './hashSecret.js';
import type { Db, DemoData } from './types.js';

/**
 * The demo tenant: fixed ids and fixed keys, so a restart with a persisted database finds the same
 * rows (every insert is `ON CONFLICT DO NOTHING`; nothing a user changed is reset) and the keys
 * printed at start always work. The keys are public on purpose: this is a sandbox.
 */
export const DEMO_KEYS = {
  layers: 'lp_demo_sandbox_full_access_key',
  layersReadOnly: 'lp_demo_sandbox_read_only_key',
  ayrshare: 'ayr_demo_sandbox_key',
  hoko: 'hoko_demo_sandbox_key',
} as const;

/** Scopes of the demo keys. The read-only key lacks every write scope (social:write included). */
export const DEMO_SCOPES = {
  layers: ['influencers:read', 'influencers:write', 'social:read', 'social:write'],
  layersReadOnly: ['influencers:read', 'social:read'],
  hoko: ['linksRead', 'linksWrite'],
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
  ayrshareProfile: id(7, 1),
  ayrsharePending: ['DemoPost000000000001', 'DemoPost000000000002'],
  ayrsharePublished: ['DemoPost000000000003', 'DemoPost000000000004'],
  hokoWorkspace: id(8, 1),
  hokoKey: id(9, 1),
  partners: [1, 2, 3, 4, 5].map((n) => id(10, n)),
};

export async function seedDemo(db: Db): Promise<DemoData> {
  await db.transaction(async (tx) => {
    // Layers: organization, keys, project, influencers, one connected account with queued posts.
    await tx.query(`INSERT INTO layers_organizations (id, slug, name) VALUES ($1, 'demo', 'Demo organization') ON CONFLICT DO NOTHING`, [DEMO.organization]);
    await tx.query(
      `INSERT INTO layers_api_keys (id, organization_id, secret_sha256, label, scopes)
       VALUES ($1, $3, $4, 'demo (all scopes)', $5::text[]), ($2, $3, $6, 'demo (read only)', $7::text[]) ON CONFLICT DO NOTHING`,
      [DEMO.layersKey, DEMO.layersReadOnlyKey, DEMO.organization, hashSecret(DEMO_KEYS.layers), DEMO_SCOPES.layers, hashSecret(DEMO_KEYS.layersReadOnly), DEMO_SCOPES.layersReadOnly],
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
      `INSERT INTO layers_social_accounts (id, organization_id, platform, handle, token) VALUES ($1, $2, 'instagram', '@ava.chen.demo', 'tok_demo_instagram') ON CONFLICT DO NOTHING`,
      [DEMO.socialAccount, DEMO.organization],
    );
    await tx.query(
      `INSERT INTO layers_scheduled_posts (id, social_account_id, influencer_id, caption, scheduled_for, status)
       SELECT p.id, $2, $3, 'Demo post ' || p.n, timestamptz '2030-01-01T12:00:00Z' + p.n * interval '1 day', p.status
         FROM unnest($1::uuid[], $4::text[]) WITH ORDINALITY AS p (id, status, n)
       ON CONFLICT DO NOTHING`,
      [[...DEMO.scheduledPosts, DEMO.publishedPost], DEMO.socialAccount, DEMO.influencers[0]?.id, [...DEMO.scheduledPosts.map(() => 'queued'), 'published']],
    );

    // Ayrshare: the primary profile of the demo key, two pending and two published posts.
    await tx.query(`INSERT INTO ayrshare_profiles (id, title, api_key_sha256) VALUES ($1, 'Demo profile', $2) ON CONFLICT DO NOTHING`, [DEMO.ayrshareProfile, hashSecret(DEMO_KEYS.ayrshare)]);
    const posts = [
      ...DEMO.ayrsharePending.map((postId) => ({ postId, status: 'pending', platforms: [{ platform: 'twitter' }, { platform: 'facebook' }] })),
      ...DEMO.ayrsharePublished.map((postId, n) => ({
        postId,
        status: 'published',
        platforms: [
          { platform: 'twitter', networkPostId: `128890009966377574${n}` },
          { platform: 'facebook', networkPostId: `104920007983682_10868329760774${n}` },
        ],
      })),
    ];
    await tx.query(
      `INSERT INTO ayrshare_posts (id, profile_id, post, status, platforms, schedule_date)
       SELECT p.id, $1, 'Demo post ' || p.n, p.status, p.platforms::jsonb,
              CASE WHEN p.status = 'pending' THEN timestamptz '2030-01-01T12:00:00Z' END
         FROM unnest($2::text[], $3::text[], $4::text[]) WITH ORDINALITY AS p (id, status, platforms, n)
       ON CONFLICT DO NOTHING`,
      [DEMO.ayrshareProfile, posts.map((p) => p.postId), posts.map((p) => p.status), posts.map((p) => JSON.stringify(p.platforms))],
    );

    // Hoko: a workspace, its key, five partners.
    await tx.query(`INSERT INTO hoko_workspaces (id, slug, name) VALUES ($1, 'demo', 'Demo workspace') ON CONFLICT DO NOTHING`, [DEMO.hokoWorkspace]);
    await tx.query(`INSERT INTO hoko_api_keys (id, workspace_id, secret_sha256, scopes) VALUES ($1, $2, $3, $4::text[]) ON CONFLICT DO NOTHING`, [
      DEMO.hokoKey,
      DEMO.hokoWorkspace,
      hashSecret(DEMO_KEYS.hoko),
      DEMO_SCOPES.hoko,
    ]);
    await tx.query(
      `INSERT INTO hoko_partners (id, workspace_id, name) SELECT p.id, $2, 'Demo partner ' || p.n FROM unnest($1::uuid[]) WITH ORDINALITY AS p (id, n) ON CONFLICT DO NOTHING`,
      [DEMO.partners, DEMO.hokoWorkspace],
    );
  });

  return {
    layers: {
      apiKey: DEMO_KEYS.layers,
      organizationId: DEMO.organization,
      influencerId: DEMO.influencers[0]?.id ?? '',
      socialAccountId: DEMO.socialAccount,
      readOnlyKey: DEMO_KEYS.layersReadOnly,
    },
    ayrshare: { apiKey: DEMO_KEYS.ayrshare, profileId: DEMO.ayrshareProfile, postIds: [...DEMO.ayrsharePending, ...DEMO.ayrsharePublished] },
    hoko: { apiKey: DEMO_KEYS.hoko, workspaceId: DEMO.hokoWorkspace, partnerIds: [...DEMO.partners] },
  };
}
