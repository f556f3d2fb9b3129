// Property-based fuzzing of the sandbox, driven by the documents (tests/support/sandboxFuzz.ts):
// every documented operation's valid requests with one part mutated at random. Every answer is a
// documented status of that operation in its API's own envelope, never a 5xx, with no internal
// text; and the API still answers a valid request afterwards. Bounded (FUZZ_RUNS, default 300) and
// seeded (FUZZ_SEED, default fixed): a failure prints the seed and path that reproduce it.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAnswer, describeInput, fuzzBases, fuzzInput, toRequest, type FuzzBase } from '../../support/sandboxFuzz.js';
import { slices } from '../../support/sandboxDatabase.js';
import { openHarnessDatabase, type Harness, type HarnessDatabase } from './harness.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_201);

let hdb: HarnessDatabase;
let h: Harness;
let bases: FuzzBase[];
beforeAll(async () => {
  hdb = await openHarnessDatabase();
  h = await hdb.harness({ rateLimit: { capacity: 1_000_000, refillPerSecond: 1_000_000 } });
  const demo = h.demo as unknown as Record<string, unknown>;
  bases = fuzzBases(h.apis, (api) => slices.find((s) => s.name === api.name)!.slice.banner(demo[api.name], '').apiKey);
});
afterAll(async () => {
  await hdb?.close();
});

describe('fuzzing the sandbox', () => {
  it('has a valid request of every documented operation to start from', () => {
    const operations = new Set(bases.map((b) => `${b.api.name} ${b.operation.operationId}`));
    expect(operations.size).toBe(h.apis.reduce((n, api) => n + api.operations.length, 0));
  });

  it(`${RUNS} mutated requests: each a documented answer in the API's envelope, never a 5xx; the API answers a valid request after each`, async () => {
    await fc.assert(
      fc.asyncProperty(fuzzInput(bases), async (input) => {
        const request = toRequest(input);
        const problems = checkAnswer(input, request, await h.sandbox.handle(request));
        if (problems.length > 0) throw new Error(`${describeInput(input)}: ${problems.join('; ')}`);
        const valid = bases.find((b) => b.api === input.base.api && b.method === 'GET') ?? input.base;
        const again = toRequest(valid);
        const after = checkAnswer({ base: valid }, again, await h.sandbox.handle(again));
        if (after.length > 0) throw new Error(`after ${describeInput(input)}, a valid request: ${after.join('; ')}`);
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
    expect(h.logs.filter((l) => /failed:/.test(l))).toEqual([]);
  }, 240_000);
});
