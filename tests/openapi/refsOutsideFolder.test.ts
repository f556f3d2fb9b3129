// A document's `$ref`s read files inside the root document's folder only: `../`, an absolute path,
// a file:// URL or a symlink leading out of it is refused, naming the ref, and nothing of it is read.
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAnyDocument } from '../../src/openapi/loadAnyDocument.js';

const SECRET = 'TOPSECRET-FILE-CONTENT';
const documentWithRef = (ref: string) => JSON.stringify({
  openapi: '3.1.0',
  info: { title: 't', version: '1' },
  paths: { '/a': { get: { responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: ref } } } } } } } },
});

describe('$refs outside the document folder', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'refs-outside-'));
    await mkdir(join(dir, 'doc', 'schemas'), { recursive: true });
    await writeFile(join(dir, 'outside.json'), JSON.stringify({ const: SECRET }));
    await writeFile(join(dir, 'doc', 'schemas', 'inside.json'), JSON.stringify({ type: 'string' }));
    await symlink(join(dir, 'outside.json'), join(dir, 'doc', 'link.json'));
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  it.each([
    ['a ../ path', '../outside.json'],
    ['an absolute path', 'ABSOLUTE'],
    ['a file:// URL', 'FILEURL'],
    ['a symlink inside the folder to a file outside', './link.json'],
    ['a path that climbs out and back', 'schemas/../../outside.json'],
  ])('%s is refused, naming it, and nothing of it is read', async (_, written) => {
    const ref = written === 'ABSOLUTE' ? join(dir, 'outside.json') : written === 'FILEURL' ? `file://${join(dir, 'outside.json')}` : written;
    const root = join(dir, 'doc', `root-${Math.random().toString(36).slice(2)}.json`);
    await writeFile(root, documentWithRef(ref));
    const error = await loadAnyDocument(root).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    // the bundler reads a file:// ref as a relative path (doc/file:/…), which is no file: not read either
    expect((error as Error).message).toMatch(written === 'FILEURL' ? /outside the folder of the document|no such file/ : /outside the folder of the document/);
    expect((error as Error).message).not.toContain(SECRET);
  });

  it('a file in a subfolder, and one reached by ../ that stays inside, are read', async () => {
    await mkdir(join(dir, 'doc', 'paths'), { recursive: true });
    await writeFile(join(dir, 'doc', 'paths', 'a.json'), JSON.stringify({ get: { responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: '../schemas/inside.json' } } } } } } }));
    const root = join(dir, 'doc', 'inside-root.json');
    await writeFile(root, JSON.stringify({ openapi: '3.1.0', info: { title: 't', version: '1' }, paths: { '/a': { $ref: 'paths/a.json' } } }));
    const doc = (await loadAnyDocument(root)) as unknown as { paths: Record<string, unknown> };
    expect(JSON.stringify(doc)).toContain('"type":"string"');
  });
});
