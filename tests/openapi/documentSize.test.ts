// A --spec file past 256 MiB (the document or a file its $refs name) is refused before it is read.
import { mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAnyDocument } from '../../src/openapi/loadAnyDocument.js';

describe('document file size', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'document-size-'));
    await writeFile(join(dir, 'huge.yaml'), '');
    await truncate(join(dir, 'huge.yaml'), 300 * 1024 * 1024); // sparse: no disk used
    await writeFile(join(dir, 'root.json'), JSON.stringify({ openapi: '3.1.0', info: { title: 't', version: '1' }, paths: { '/a': { $ref: 'huge.yaml' } } }));
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  it('the document itself: refused in one line naming it and the limit', async () => {
    await expect(loadAnyDocument(join(dir, 'huge.yaml'))).rejects.toThrow(/huge\.yaml is 300 MiB, more than the 256 MiB a document file may be; nothing was read/);
  });

  it('a file a $ref names: refused the same way', async () => {
    await expect(loadAnyDocument(join(dir, 'root.json'))).rejects.toThrow(/huge\.yaml is 300 MiB, more than the 256 MiB a document file may be/);
  });
});
