// The --output path is checked before the run, without creating anything.
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outputProblem } from '../../../src/conformance/cli/checkOutput.js';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'output-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('outputProblem', () => {
  it('accepts a new file in a writable folder, and creates nothing', async () => {
    const file = join(dir, 'report.xml');
    expect(await outputProblem(file)).toBeUndefined();
    await expect(stat(file)).rejects.toThrow();
  });

  it('accepts an existing writable file', async () => {
    const file = join(dir, 'old.xml');
    await writeFile(file, 'x');
    expect(await outputProblem(file)).toBeUndefined();
  });

  it('names a folder that does not exist', async () => {
    expect(await outputProblem(join(dir, 'missing', 'report.xml'))).toBe(`--output: cannot write '${join(dir, 'missing', 'report.xml')}': the folder ${join(dir, 'missing')} does not exist`);
  });

  it('names a path that is a folder', async () => {
    expect(await outputProblem(dir)).toBe(`--output: '${dir}' is a folder, not a file`);
  });

  it('names a path under a file', async () => {
    const file = join(dir, 'plain');
    await writeFile(file, 'x');
    expect(await outputProblem(join(file, 'report.xml'))).toBe(`--output: cannot write '${join(file, 'report.xml')}': ${file} is not a folder`);
  });
});
