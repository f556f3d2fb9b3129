// Every named error example of the Hoko document is an answer the sandbox gives, word for word, for
// its cause (`retryAfter`'s number aside); a new example fails here until its cause is added.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useHarness, bearer, type Harness, type HarnessDatabase } from '../../http/harness.js';

let hdb: HarnessDatabase;
let h: Harness;
useHarness((opened, harness) => ((hdb = opened), (h = harness)));

const del = (body: unknown, key = h.demo.hoko.apiKey, on = h) => on.send('DELETE', '/api/partners', { headers: bearer(key), body });

const causes: Record<string, () => Promise<{ status: number; body: any }>> = {
  '400 invalidRequest': () => del(['invalid-id']),
  '400 missingIds': () => del([]),
  '400 notInWorkspace': () => del([randomUUID()]),
  '400 tooManyIds': () => del(Array.from({ length: 10_001 }, () => randomUUID())),
  '401 invalidApiKey': () => del([randomUUID()], 'invalid_key'),
  '403 missingScopes': () => del([randomUUID()], h.demo.hoko.readOnlyKey),
  '429 rateLimited': async () => {
    const limited = await hdb.harness({ rateLimit: { capacity: 1, refillPerSecond: 1 / 60 } });
    await del(['invalid-id'], h.demo.hoko.apiKey, limited);
    return del(['invalid-id'], h.demo.hoko.apiKey, limited);
  },
  '500 internal': async () => {
    const failing = await hdb.harness();
    failing.store.hoko.deletePartners = async () => {
      throw new Error('boom');
    };
    return del([randomUUID()], h.demo.hoko.apiKey, failing);
  },
};

const documented = () => {
  const op = h.apis.find((a) => a.name === 'hoko')!.operation('deletePartners');
  return op.statuses().filter((s) => /^[45]\d\d$/.test(s)).flatMap((status) => Object.entries(op.namedExamples(status)).map(([name, value]) => ({ key: `${status} ${name}`, status, value: value as Record<string, unknown> })));
};

describe('the Hoko named error examples, produced by the sandbox', () => {
  it('every documented error example has a cause here', () => {
    expect(documented().map((e) => e.key).filter((k) => !causes[k])).toEqual([]);
  });

  it('answers each example word for word', async () => {
    for (const e of documented()) {
      const r = await causes[e.key]!();
      const expected = 'retryAfter' in e.value ? { ...e.value, retryAfter: expect.any(Number) } : e.value;
      expect({ example: e.key, status: r.status, body: r.body }).toEqual({ example: e.key, status: Number(e.status), body: expected });
    }
  });
});
