// Hostile input to the Ayrshare slice: each gets the document's 400 (code 101) in Ayrshare's
// envelope (checked on every answer by the harness), and no post is deleted.
import { describe, expect, it } from 'vitest';
import { bearer, useHarness, type Harness, type HarnessDatabase } from '../../http/harness.js';

let hdb: HarnessDatabase;
let h: Harness;
useHarness((opened, harness) => ((hdb = opened), (h = harness)));

const live = async (ids: string[]) =>
  (await h.db.query<{ id: string }>('SELECT id FROM ayrshare_posts WHERE id = ANY($1::text[]) AND deleted_at IS NULL ORDER BY id', [ids])).rows.map((r) => r.id);

describe('duplicate keys in an Ayrshare body', () => {
  it('{"id":A,"id":B}: code 101 naming id; neither post is deleted (JSON.parse would delete B)', async () => {
    const { pendingIds } = await h.store.ayrshare.states.createPosts(h.demo.ayrshare.profileId, 2, 0);
    const [a, b] = pendingIds as [string, string];
    const r = await h.send('DELETE', '/api/post', { headers: bearer(h.demo.ayrshare.apiKey), body: `{"id":"${a}","id":"${b}"}` });
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ action: 'delete', status: 'error', code: 101 });
    expect(r.body.message).toMatch(/id: Must be given at most once/);
    expect(await live(pendingIds)).toEqual([...pendingIds].sort());
  });

  it('deleteAllScheduled given twice (false, then true): code 101, no pending post deleted', async () => {
    const { pendingIds } = await h.store.ayrshare.states.createPosts(h.demo.ayrshare.profileId, 2, 0);
    const r = await h.send('DELETE', '/api/post', { headers: bearer(h.demo.ayrshare.apiKey), body: '{"deleteAllScheduled":false,"deleteAllScheduled":true}' });
    expect(r.status).toBe(400);
    expect(r.body.code).toBe(101);
    expect(await live(pendingIds)).toEqual([...pendingIds].sort());
  });
});

describe('unpaired surrogates in an Ayrshare body', () => {
  it('an id holding \\ud800 alone: code 101 naming id, not a lookup of a mangled id', async () => {
    const r = await h.send('DELETE', '/api/post', { headers: bearer(h.demo.ayrshare.apiKey), body: '{"id":"DemoPost00000000000\\ud800"}' });
    expect(r.status).toBe(400);
    expect(r.body.code).toBe(101);
    expect(r.body.message).toMatch(/id: Must not contain an unpaired surrogate/);
  });
});

describe('how many ids bulk may hold', () => {
  it('bounded by the body size limit only (the page states no limit): a bulk past 2 MB is code 101 naming the size, and nothing is deleted', async () => {
    const { pendingIds } = await h.store.ayrshare.states.createPosts(h.demo.ayrshare.profileId, 2, 0);
    const filler = Array.from({ length: 400_000 }, (_, i) => i.toString(36));
    const text = JSON.stringify({ bulk: [...pendingIds, ...filler] });
    expect(Buffer.byteLength(text)).toBeGreaterThan(2 * 1024 * 1024);
    const server = await h.sandbox.listen(0, '127.0.0.1');
    try {
      const r = await fetch(`${server.baseUrl}/api/post`, { method: 'DELETE', headers: { ...bearer(h.demo.ayrshare.apiKey), 'Content-Type': 'application/json' }, body: text });
      expect(r.status).toBe(400);
      const body = await r.json();
      expect(body).toMatchObject({ action: 'delete', status: 'error', code: 101 });
      expect(body.message).toMatch(/body: The body is larger than 2 MB/);
    } finally {
      await server.close();
    }
    expect(await live(pendingIds)).toEqual([...pendingIds].sort());
  });
});
