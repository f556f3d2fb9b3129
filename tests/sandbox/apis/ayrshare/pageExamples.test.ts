// The request examples of the Ayrshare delete page (the document's named request examples, which
// tests/contract/facts/ ties to the page) are accepted by the sandbox: never code 101. Posts with
// the example ids exist, so each is deleted (200); "Post ID", the page's placeholder, is no post (114).
import { describe, expect, it } from 'vitest';
import { useHarness, bearer, type Harness, type HarnessDatabase } from '../../http/harness.js';

let hdb: HarnessDatabase;
let h: Harness;
useHarness((opened, harness) => ((hdb = opened), (h = harness)));
const op = () => h.apis.find((a) => a.name === 'ayrshare')!.operation('deletePost');

/** Inserts a published post with `id`, removed by hand at its network (so every form, markManualDeleted too, succeeds). */
const postWithId = (id: string) =>
  h.db.query(
    `INSERT INTO ayrshare_posts (id, profile_id, status, platforms) VALUES ($1, $2, 'published', $3::jsonb)
     ON CONFLICT (id) DO UPDATE SET deleted_at = NULL, platforms = excluded.platforms`,
    [id, h.demo.ayrshare.profileId, JSON.stringify([{ platform: 'facebook', networkPostId: '104920007983682_108683297607743', removedAtNetwork: true }])],
  );
const isPostId = (v: unknown): v is string => typeof v === 'string' && /^[A-Za-z0-9]{20}$/.test(v);

describe('the page\'s request bodies', () => {
  it('each named request example is accepted: 200, or 114 for the placeholder id', async () => {
    const examples = Object.entries(op().namedExamples('request')) as [string, Record<string, unknown>][];
    expect(examples.length).toBeGreaterThan(0);
    for (const [name, body] of examples) {
      const ids = [body.id, ...(Array.isArray(body.bulk) ? body.bulk : [])].filter(isPostId);
      for (const id of ids) await postWithId(id);
      const r = await h.send('DELETE', '/api/post', { headers: bearer(h.demo.ayrshare.apiKey), body });
      const placeholder = body.id !== undefined && !isPostId(body.id);
      expect(placeholder ? r.body.code : r.status, `${name} → ${r.status} ${JSON.stringify(r.body)}`).toBe(placeholder ? 114 : 200);
    }
  });
});
