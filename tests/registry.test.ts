// A fourth API that has only a document: a folder under openapi/, a manifest, one line in
// redocly.yaml and `npm run generate` — then the suite covers it with no code edit.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runConformance } from './support/runConformance.js';
import { projectRoot, runBin } from './support/runCommand.js';

describe('the API registry', () => {
  const root = mkdtempSync(join(tmpdir(), 'contracts-registry-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('takes a fixture API with no code edit: generate writes its types and client, the suite runs it against Prism', async () => {
    cpSync(join(projectRoot, 'openapi'), join(root, 'openapi'), { recursive: true });
    cpSync(join(projectRoot, 'tests/fixtures/registry/petshop'), join(root, 'openapi/petshop'), { recursive: true });
    const config = readFileSync(join(projectRoot, 'redocly.yaml'), 'utf8');
    writeFileSync(join(root, 'redocly.yaml'), config.replace(/^apis:\n/m, 'apis:\n  petshop:\n    root: openapi/petshop/openapi.yaml\n    x-openapi-ts:\n      output: generated/petshop/schema.ts\n'));

    const generated = await runBin('tsx', ['scripts/generate/main.ts', '--root', root]);
    expect(generated.code, generated.stderr).toBe(0);
    for (const file of ['openapi.json', 'schema.ts', 'client.ts', 'index.ts']) expect(existsSync(join(root, 'generated/petshop', file)), file).toBe(true);
    expect(readFileSync(join(root, 'generated/petshop/client.ts'), 'utf8')).toContain('export function createPetshopClient');
    const registry = JSON.parse(readFileSync(join(root, 'generated/registry.json'), 'utf8')) as { apis: { name: string }[] };
    expect(registry.apis.map((a) => a.name)).toContain('petshop');

    const run = await runConformance(['--registry', join(root, 'generated'), '--api', 'petshop']);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^petshop {2}\(Prism mock at http:\/\/127\.0\.0\.1:\d+\)/m);
    expect(run.stdout).toMatch(/GET {4}\/pets\/\{petId\} +✓ +✓ +✓ +✓/);
    // The three skips are the cases Prism cannot run: unknown credentials and the key in other
    // letter case (it accepts any key), and the Bearer scheme name in lower case (it reads the
    // scheme case-sensitively).
    expect(run.stdout).toMatch(/^ {2}skipped: 2 \(Prism accepts any credential that is present\)$/m);
    expect(run.stdout).toMatch(/^ {2}skipped: 1 \(Prism reads the Bearer scheme name case-sensitively/m);
    expect(run.stdout).toMatch(/PASSED: 1 API, \d+ responses checked in \d+ cases: \d+ passed, 0 failed, 3 skipped; coverage 100% \(4\/4\)/);
  });
});
