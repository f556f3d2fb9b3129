import { cp, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { findRelease, RELEASES_DIR } from './findRelease.js';
import { makeDirectory } from '../../src/core/makeDirectory.js';
import { listApis } from './listApis.js';

/**
 * Records package.json's version as the release the guard compares with from now on: copies
 * `generated/<api>/` (bundled document, types, client, index) of every API of redocly.yaml into
 * `releases/v<version>/<api>/` and removes the previous `releases/v*` (git and the tag keep it).
 * The caller has already run the strict check. Returns the new folder, relative to `root`.
 */
export async function recordRelease(root: string, version: string): Promise<string> {
  const previous = await findRelease(root);
  if (previous?.version === version) throw new Error(`v${version} is already the recorded release: bump package.json's version first`);
  const changelog = await readFile(join(root, 'CHANGELOG.md'), 'utf8').catch(() => '');
  if (!changelog.includes(`## [${version}]`)) throw new Error(`CHANGELOG.md has no \`## [${version}]\` entry: draft one with \`npm run diff -- --changelog\` and edit it`);
  const target = join(RELEASES_DIR, `v${version}`);
  await rm(join(root, target), { recursive: true, force: true });
  for (const api of await listApis(root)) {
    const from = join(root, 'generated', api);
    await makeDirectory(join(root, target, api));
    for (const file of await readdir(from)) {
      if (!file.endsWith('.md')) await cp(join(from, file), join(root, target, api, file));
    }
  }
  if (previous) await rm(previous.dir, { recursive: true, force: true });
  return target;
}
