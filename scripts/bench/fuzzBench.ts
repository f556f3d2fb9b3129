/**
 * The sandbox fuzzed for longer than `npm test` does (tests/sandbox/http/fuzz.test.ts runs 300
 * inputs): the same document-driven hostile requests (tests/support/sandboxFuzz.ts) against the
 * whole HTTP layer over PGlite, with a fresh random seed. Prints inputs per second and, on a
 * failure, the input, what was wrong, and the seed and path that reproduce it
 * (`FUZZ_SEED=<seed> npx vitest run tests/sandbox/http/fuzz.test.ts`).
 */
import fc from 'fast-check';
import { loadApis } from '../../src/core/loadApi.js';
import { loadRegistry } from '../../src/core/registry.js';
import { createSandboxServer } from '../../src/sandbox/http/createSandboxServer.js';
import { loadSlices, mountSlices, sliceMigrations } from '../../src/sandbox/slices.js';
import { openDatabase } from '../../src/sandbox/store/openDatabase.js';
import { checkAnswer, describeInput, fuzzBases, fuzzInput, toRequest } from '../../tests/support/sandboxFuzz.js';

const RUNS = Number(process.env.FUZZ_BENCH_RUNS ?? 5000);

export async function benchFuzz(): Promise<void> {
  const registry = loadRegistry();
  const slices = await loadSlices(registry);
  const db = await openDatabase(await sliceMigrations(slices), {});
  try {
    const apis = await loadApis(registry, slices.map((s) => s.name));
    const sandbox = await mountSlices(db, registry, slices, apis);
    const demo = await sandbox.seedDemo();
    const server = await createSandboxServer(sandbox, { demo, rateLimit: { capacity: 1e9, refillPerSecond: 1e9 }, log: () => undefined });
    const bases = fuzzBases(apis, (api) => slices.find((s) => s.name === api.name)!.slice.banner(demo[api.name], '').apiKey);
    const seed = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
    let sent = 0;
    const started = performance.now();
    const details = await fc.check(
      fc.asyncProperty(fuzzInput(bases), async (input) => {
        sent++;
        const request = toRequest(input);
        const problems = checkAnswer(input, request, await server.handle(request));
        if (problems.length > 0) throw new Error(`${describeInput(input)}: ${problems.join('; ')}`);
      }),
      { numRuns: RUNS, seed, endOnFailure: true },
    );
    const ms = performance.now() - started;
    console.log(`sandbox fuzzing (${bases.length} valid requests of ${apis.length} APIs, one mutation each, PGlite, no socket)`);
    console.log(`  inputs           ${sent.toLocaleString('en-US')} in ${(ms / 1000).toFixed(1)} s, ${Math.round((sent / ms) * 1000).toLocaleString('en-US')}/s (seed ${seed})`);
    if (details.failed) {
      const cause = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
      console.log(`  FAILED           after ${details.numRuns} inputs: ${cause.slice(0, 600)}`);
      console.log(`  reproduce        FUZZ_SEED=${details.seed} FUZZ_RUNS=${details.numRuns} npx vitest run tests/sandbox/http/fuzz.test.ts (path ${details.counterexamplePath ?? '?'})`);
      process.exitCode = 1;
    } else {
      console.log('  failures         none');
    }
  } finally {
    await db.close();
  }
}
