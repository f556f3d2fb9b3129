// Every named error example of the Ayrshare document is an answer the sandbox gives, word for word,
// for its cause (the post id aside); a new example fails here until its cause, or why the sandbox
// does not model it, is added.
import { describe, expect, it } from 'vitest';
import { useHarness, bearer, type Harness, type HarnessDatabase } from '../../http/harness.js';

let hdb: HarnessDatabase;
let h: Harness;
useHarness((opened, harness) => ((hdb = opened), (h = harness)));

const auth = () => bearer(h.demo.ayrshare.apiKey);
const del = (body: unknown, headers: Record<string, string> = auth(), on = h) => on.send('DELETE', '/api/post', { headers, body });
const published = async (options = {}) => (await h.store.ayrshare.states.createPosts(h.demo.ayrshare.profileId, 0, 1, options)).publishedIds[0]!;

const causes: Record<string, () => Promise<{ status: number; body: any }>> = {
  '400 idNotFound': () => del({ id: 'IdpUOyihLEpIx0d0N9mI' }),
  '400 alreadyDeleted': async () => {
    const id = await published();
    await del({ id });
    return del({ id });
  },
  '400 notManuallyDeleted': async () => del({ id: await published(), markManualDeleted: true }),
  '400 missingParameters': () => del({}),
  '401 unauthorized': () => del({ id: 'IdpUOyihLEpIx0d0N9mI' }, {}),
  '404 notFound': () => del({ id: 'IdpUOyihLEpIx0d0N9mI' }, { ...auth(), 'Profile-Key': 'no-such-profile' }),
  '429 rateLimited': async () => {
    const limited = await hdb.harness({ rateLimit: { capacity: 1, refillPerSecond: 0.001 } });
    await del({ id: 'IdpUOyihLEpIx0d0N9mI' }, auth(), limited);
    return del({ id: 'IdpUOyihLEpIx0d0N9mI' }, auth(), limited);
  },
  '500 internal': async () => {
    const failing = await hdb.harness();
    failing.store.ayrshare.deletePost = async () => {
      throw new Error('boom');
    };
    return del({ id: 'IdpUOyihLEpIx0d0N9mI' }, auth(), failing);
  },
};
/** Examples of causes the sandbox does not model, and why. */
const notModelled: Record<string, string> = {
  '403 forbidden': 'the sandbox has no plans: every key may use the endpoint',
};

const documented = () => {
  const op = h.apis.find((a) => a.name === 'ayrshare')!.operation('deletePost');
  return op.statuses().filter((s) => /^[45]\d\d$/.test(s)).flatMap((status) => Object.entries(op.namedExamples(status)).map(([name, value]) => ({ key: `${status} ${name}`, status, value: value as Record<string, unknown> })));
};

describe('the Ayrshare named error examples, produced by the sandbox', () => {
  it('every documented error example has a cause here, or a reason it is not modelled', () => {
    expect(documented().map((e) => e.key).filter((k) => !causes[k] && !notModelled[k])).toEqual([]);
  });

  it('answers each example word for word (the post id aside)', async () => {
    for (const e of documented().filter((x) => causes[x.key])) {
      const r = await causes[e.key]!();
      const { id: _, ...expected } = e.value;
      const { id: __, ...actual } = r.body;
      expect({ example: e.key, status: r.status, body: actual }).toEqual({ example: e.key, status: Number(e.status), body: expected });
    }
  });
});
