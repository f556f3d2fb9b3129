// Adding an API is a registry entry and, where it has one, a slice: no code outside an API's own
// slice names an API. `grep -rniE 'layers|ayrshare|hoko'` over src/ and scripts/ may find the
// names only in the per-API slices (src/sandbox/apis/<api>/, src/conformance/apis/<api>/).
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { loadRegistry } from '../../src/core/registry.js';
import { projectRoot } from '../support/runCommand.js';

const names = loadRegistry().apis.map((a) => a.name);
const pattern = names.join('|');

/**
 * Files outside the slices that still name an API, each with why; to be emptied, not grown. A
 * file listed here that no longer names one fails the test, so the list cannot go stale.
 */
const KNOWN: Record<string, string> = {};

/** Files under `dirs` (relative to the project) whose text matches the API names, case-insensitively. */
function filesNaming(dirs: string[]): string[] {
  try {
    return execFileSync('grep', ['-rliE', pattern, ...dirs], { cwd: projectRoot, encoding: 'utf8' }).split('\n').filter(Boolean).sort();
  } catch (error) {
    if ((error as { status?: number }).status === 1) return []; // grep: no match
    throw error;
  }
}

const inSlice = (file: string) => names.some((name) => file.startsWith(`src/sandbox/apis/${name}/`) || file.startsWith(`src/conformance/apis/${name}/`));

describe('API names outside the per-API slices', () => {
  const hits = filesNaming(['src', 'scripts']);

  it('appear in no file of src/ or scripts/ but the slices (and the listed exceptions)', () => {
    expect(hits.filter((f) => !inSlice(f) && !(f in KNOWN))).toEqual([]);
  });

  it('the exceptions still name an API (a fixed one is removed from the list)', () => {
    expect(Object.keys(KNOWN).filter((f) => !hits.includes(f))).toEqual([]);
  });

  it('the scan finds a name where one is written (so a new hit would fail the test)', () => {
    expect(hits.some((f) => f.startsWith('src/sandbox/apis/'))).toBe(true);
  });
});
