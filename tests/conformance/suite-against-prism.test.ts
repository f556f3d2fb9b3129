// The suite's default run: every API against the Prism mock it starts itself.
import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runConformance } from '../support/runConformance.js';

describe('npm run conformance (Prism, all three APIs)', () => {
  let result: Awaited<ReturnType<typeof runConformance>>;
  const junit = join(tmpdir(), `conformance-${process.pid}.xml`);
  beforeAll(async () => {
    result = await runConformance(['--reporter', 'junit', '--output', junit]);
  }, 120_000);

  it('passes and exits 0', () => {
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^PASSED: 3 APIs, \d+ cases: \d+ passed, 0 failed, \d+ skipped/m);
    expect(result.code).toBe(0);
  });

  it('prints a coverage matrix where every documented status was exercised and passed', () => {
    for (const row of ['GET    /v1/influencers', 'PATCH  /v1/influencers/{influencerId}', 'DELETE /v1/social-accounts/{socialAccountId}', 'DELETE /api/post', 'DELETE /api/partners']) {
      const line = result.stdout.split('\n').find((l) => l.includes(row));
      expect(line, row).toBeDefined();
      expect(line).not.toMatch(/[✗·]/);
      expect(line).toMatch(/✓/);
    }
  });

  it('reports the behaviour scenarios as skipped with the reason, never as passed', () => {
    expect(result.stdout).toMatch(/skipped: 6 \(needs a stateful target\)/);
    expect(result.stdout).toMatch(/skipped: 5 \(needs a stateful target\)/);
    expect(result.stdout).toMatch(/skipped: 4 \(needs a stateful target\)/);
  });

  it('writes a JUnit report with one suite per API', async () => {
    const xml = await readFile(junit, 'utf8');
    await rm(junit, { force: true });
    expect(xml).toMatch(/^<\?xml version="1.0"/);
    for (const api of ['layers', 'ayrshare', 'hoko']) expect(xml).toMatch(new RegExp(`<testsuite name="${api}" tests="\\d+" failures="0"`));
    expect(xml).toContain('<skipped message="needs a stateful target"/>');
    expect(xml).not.toContain('<failure');
  });
});
