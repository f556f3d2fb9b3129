import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';

/** Writes `document` as openapi.json in a temporary folder for the enclosing describe (removed after it); the file's path, read once the describe's tests run. */
export function useDocumentFile(prefix: string, document: object): () => string {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), `${prefix}-`));
    await writeFile(join(dir, 'openapi.json'), JSON.stringify(document));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));
  return () => join(dir, 'openapi.json');
}
