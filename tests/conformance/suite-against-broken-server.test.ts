// Proof that the suite can fail: a deliberately broken server, one rule broken per route.
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrokenServer } from '../fixtures/conformance/brokenServer.js';
import { runConformance } from '../support/runConformance.js';

const KEYS = { LAYERS_API_KEY: 'lp_secret-layers-key', AYRSHARE_API_KEY: 'ayr-secret-key-42', HOKO_API_KEY: 'hoko-secret-key-7' };

describe('the suite against a broken server', () => {
  let server: Server;
  let baseUrl = '';
  let contract: Awaited<ReturnType<typeof runConformance>>;
  let scenario: Awaited<ReturnType<typeof runConformance>>;

  beforeAll(async () => {
    ({ server, baseUrl } = await startBrokenServer());
    [contract, scenario] = await Promise.all([
      runConformance(['--target', `layers=${baseUrl}/layers`, '--target', `ayrshare=${baseUrl}/ayrshare`, '--target', `hoko=${baseUrl}/hoko`], KEYS),
      runConformance(['--api', 'hoko', '--target', `hoko=${baseUrl}/hoko`, '--state-url', `${baseUrl}/states`, '--grep', 'scenario'], KEYS),
    ]);
  }, 120_000);
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const failuresOf = (output: string, operationHeader: string) =>
    output
      .split(/\n(?=  ✗ )/)
      .filter((block) => block.startsWith(`  ✗ ${operationHeader}`))
      .join('\n');

  it('exits 1', () => {
    expect(contract.stderr).toBe('');
    expect(contract.code).toBe(1);
    expect(contract.stdout).toMatch(/^FAILED: 3 APIs/m);
  });

  it('reports a 200 missing a required field', () => {
    expect(failuresOf(contract.stdout, 'GET /v1/influencers/{influencerId}')).toMatch(/\[body-schema\] body must have required property 'updatedAt'/);
  });

  it('reports an enum value not in the document', () => {
    expect(failuresOf(contract.stdout, 'GET /v1/influencers ')).toMatch(/\[body-schema\] body\/items\/0\/brandVoice must be equal to one of the allowed values/);
  });

  it('reports an undocumented status', () => {
    expect(failuresOf(contract.stdout, 'PATCH /v1/influencers/{influencerId}')).toMatch(/\[status-documented\] status 418 is not documented for patchInfluencer/);
  });

  it('reports a Layers error without requestId', () => {
    expect(failuresOf(contract.stdout, 'DELETE /v1/influencers/{influencerId}')).toMatch(/\[body-schema\] body\/error must have required property 'requestId'/);
  });

  it('reports a 429 without Retry-After', () => {
    expect(failuresOf(contract.stdout, 'DELETE /v1/social-accounts/{socialAccountId}')).toMatch(/\[header-required\] required header 'Retry-After' is missing from the 429/);
  });

  it('reports the wrong content type', () => {
    expect(failuresOf(contract.stdout, 'DELETE /api/post')).toMatch(/\[content-type\] content type 'text\/plain' is not documented for 200/);
  });

  it('reports a Hoko 200 that deletes fewer ids than sent (scenario over provider states)', () => {
    expect(scenario.code).toBe(1);
    expect(failuresOf(scenario.stdout, 'DELETE /api/partners')).toMatch(/\[behaviour\] deletedIds are exactly the ids sent/);
  });

  it('says what to run to reproduce each failure, without printing any credential', () => {
    expect(contract.stdout).toMatch(/reproduce: curl -i -X PATCH '.*\/layers\/v1\/influencers\/inf_[^']+' .*-H "Authorization: Bearer \$LAYERS_API_KEY"/);
    for (const secret of Object.values(KEYS)) {
      expect(contract.stdout + contract.stderr).not.toContain(secret);
      expect(scenario.stdout + scenario.stderr).not.toContain(secret);
    }
  });

  it('never reports a documented status it did not see pass as passed: the broken routes show ✗ in the coverage matrix', () => {
    const row = contract.stdout.split('\n').find((l) => l.includes('PATCH  /v1/influencers/{influencerId}'));
    expect(row).toBeDefined();
    expect(row).not.toMatch(/✓/);
  });
});
