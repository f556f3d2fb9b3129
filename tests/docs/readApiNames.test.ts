import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readApiNames } from '../../scripts/docs/readApiNames.js';

describe('readApiNames', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'read-api-names-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("lists redocly.yaml's apis in the file's order", async () => {
    const file = join(dir, 'two.yaml');
    await writeFile(file, 'apis:\n  zeta:\n    root: z.yaml\n  alpha:\n    root: a.yaml\nextends: [recommended]\n');
    expect(await readApiNames(file)).toEqual(['zeta', 'alpha']);
  });

  it('fails in one line naming the file when there is no apis section', async () => {
    const file = join(dir, 'none.yaml');
    await writeFile(file, 'extends: [recommended]\n');
    await expect(readApiNames(file)).rejects.toThrow(`${file}: expected an \`apis:\` section naming at least one API`);
  });
});
