import { hashSecret } from '../../store/hashSecret.js';
import type { Db } from '../../store/sqlDb.js';
import type { AyrshareDemo } from './types.js';

/** The demo key: public on purpose (this is a sandbox), the same on every start. */
export const DEMO_KEY = 'ayr_demo_sandbox_key';

const DEMO = {
  profile: 'd3300000-0000-4000-8000-000700000001',
  pending: ['DemoPost000000000001', 'DemoPost000000000002'],
  published: ['DemoPost000000000003', 'DemoPost000000000004'],
  /** Published, then deleted by hand in each network's app: ready for `markManualDeleted`. */
  removedByHand: 'DemoPost000000000005',
};

/**
 * The posts of the vendor page's examples, so the page's own requests answer what it shows:
 * `7NFVK0QIXET5rCUS9tmf` (its PHP request) is live on X and Facebook with the network ids of its
 * "200: Success"; `p8Ee6xDPx8PRxsjtDXf3` was removed by hand (markManualDeleted: its 200, then its
 * 383); `DD3fA2DC4qe2T48hSdgs` is still live (markManualDeleted: its 382). `IdpUOyihLEpIx0d0N9mI`,
 * its 114, is no post.
 */
export const PAGE_POSTS = [
  {
    postId: '7NFVK0QIXET5rCUS9tmf',
    note: '200: Success',
    platforms: [{ platform: 'twitter', networkPostId: '1288900099663775749' }, { platform: 'facebook', networkPostId: '104920007983682_108683297607743' }],
  },
  { postId: 'p8Ee6xDPx8PRxsjtDXf3', note: 'markManualDeleted: 200, then 383', platforms: [{ platform: 'twitter', networkPostId: '1288900099663775747', removedAtNetwork: true }] },
  { postId: 'DD3fA2DC4qe2T48hSdgs', note: 'markManualDeleted: 382', platforms: [{ platform: 'facebook', networkPostId: '104920007983682_108683297607746' }] },
];

/**
 * The primary profile of the demo key, two pending posts, two published posts still live on X and
 * Facebook (deleting them needs the X headers; `markManualDeleted` on them answers code 382) and
 * one published post already removed by hand at both networks, and the posts of the vendor page's
 * examples (every insert `ON CONFLICT DO NOTHING`).
 */
export async function seedDemo(db: Db): Promise<AyrshareDemo> {
  await db.transaction(async (tx) => {
    await tx.query(`INSERT INTO ayrshare_profiles (id, title, api_key_sha256) VALUES ($1, 'Demo profile', $2) ON CONFLICT DO NOTHING`, [DEMO.profile, hashSecret(DEMO_KEY)]);
    const posts = [
      ...DEMO.pending.map((postId) => ({ postId, status: 'pending', platforms: [{ platform: 'twitter' }, { platform: 'facebook' }] })),
      ...DEMO.published.map((postId, n) => ({
        postId,
        status: 'published',
        platforms: [
          { platform: 'twitter', networkPostId: `128890009966377574${n}` },
          { platform: 'facebook', networkPostId: `104920007983682_10868329760774${n}` },
        ],
      })),
      {
        postId: DEMO.removedByHand,
        status: 'published',
        platforms: [
          { platform: 'twitter', networkPostId: '1288900099663775748', removedAtNetwork: true },
          { platform: 'facebook', networkPostId: '104920007983682_108683297607748', removedAtNetwork: true },
        ],
      },
      ...PAGE_POSTS.map(({ postId, platforms }) => ({ postId, platforms, status: 'published' })),
    ];
    await tx.query(
      `INSERT INTO ayrshare_posts (id, profile_id, post, status, platforms, schedule_date)
       SELECT p.id, $1, 'Demo post ' || p.n, p.status, p.platforms::jsonb,
              CASE WHEN p.status = 'pending' THEN timestamptz '2030-01-01T12:00:00Z' END
         FROM unnest($2::text[], $3::text[], $4::text[]) WITH ORDINALITY AS p (id, status, platforms, n)
       ON CONFLICT DO NOTHING`,
      [DEMO.profile, posts.map((p) => p.postId), posts.map((p) => p.status), posts.map((p) => JSON.stringify(p.platforms))],
    );
  });
  return { apiKey: DEMO_KEY, profileId: DEMO.profile, postIds: [...DEMO.pending, ...DEMO.published, DEMO.removedByHand, ...PAGE_POSTS.map((p) => p.postId)], livePostId: DEMO.published[0]!, removedByHandPostId: DEMO.removedByHand };
}
