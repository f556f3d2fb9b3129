// Folders made one level at a time, and a folder that cannot be made named with the reason.
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeDirectory } from '../../src/core/makeDirectory.js';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'make-directory-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('makeDirectory', () => {
  it('makes every missing parent, and accepts a folder that is already there', async () => {
    const deep = join(root, 'a', 'b', 'c');
    await makeDirectory(deep);
    expect((await stat(deep)).isDirectory()).toBe(true);
    await expect(makeDirectory(deep)).resolves.toBeUndefined();
  });

  it('names a path that runs through a file', async () => {
    await writeFile(join(root, 'file'), 'x');
    await expect(makeDirectory(join(root, 'file', 'below'))).rejects.toThrow(/cannot read '.*file\/below': a part of the path is a file, not a folder/);
    await expect(makeDirectory(join(root, 'file'))).rejects.toThrow(/'.*file' is a file, not a folder/);
  });

  it.runIf(existsSync('/proc/self'))('settles, naming the folder, under a file system that takes no new folders (/proc)', async () => {
    await expect(makeDirectory('/proc/make-directory-test/x')).rejects.toThrow("cannot create the folder '/proc/make-directory-test': the file system there takes no new folders");
  });
});
