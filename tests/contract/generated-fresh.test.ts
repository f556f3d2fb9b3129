import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { projectRoot, runBin } from '../support/runCommand.js';

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && !e.name.endsWith('.md'))
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

describe('generated/', () => {
  let out = '';
  afterAll(() => rm(out, { recursive: true, force: true }));

  it('is exactly what `npm run generate` writes from openapi/ (run it and commit when this fails)', async () => {
    out = await mkdtemp(join(tmpdir(), 'contracts-generated-'));
    const result = await runBin('tsx', ['scripts/generate/main.ts', '--out', out]);
    expect(result.code, result.stderr).toBe(0);

    const committed = await listFiles(join(projectRoot, 'generated'));
    const fresh = await listFiles(out);
    expect(committed).toEqual(fresh);
    const stale: string[] = [];
    for (const file of fresh) {
      const [a, b] = await Promise.all([readFile(join(out, file), 'utf8'), readFile(join(projectRoot, 'generated', file), 'utf8')]);
      if (a !== b) stale.push(`generated/${file}`);
    }
    expect(stale, `stale: ${stale.join(', ')}`).toEqual([]);
  });
});
