import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { parseVersion } from './semver.js';

/** The release the guard compares with: `releases/v<version>/`, one folder per API inside. */
export interface Release {
  version: string;
  /** Absolute path of `releases/v<version>`. */
  dir: string;
  /** The APIs the release shipped (its sub-folders). */
  apis: string[];
}

export const RELEASES_DIR = 'releases';

/** The highest `releases/v<version>/` under `root`, or undefined when nothing was released yet. */
export async function findRelease(root: string): Promise<Release | undefined> {
  const entries = await readdir(join(root, RELEASES_DIR), { withFileTypes: true }).catch(() => []);
  const versions = entries
    .filter((e) => e.isDirectory() && /^v\d+\.\d+\.\d+$/.test(e.name))
    .map((e) => ({ version: e.name.slice(1), parsed: parseVersion(e.name.slice(1), join(RELEASES_DIR, e.name)) }))
    .sort((a, b) => b.parsed.major - a.parsed.major || b.parsed.minor - a.parsed.minor || b.parsed.patch - a.parsed.patch);
  const latest = versions[0];
  if (!latest) return undefined;
  const dir = join(root, RELEASES_DIR, `v${latest.version}`);
  const apis = (await readdir(dir, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name);
  return { version: latest.version, dir, apis };
}
