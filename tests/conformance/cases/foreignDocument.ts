/** Loads a small inline document as `--spec` does (written to a temp file, read by loadForeignApi, removed once read). */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadForeignApi, type LoadedApi } from '../../../src/core/loadApi.js';
import { adHocEntry } from '../../../src/core/registry.js';

export async function foreignApi(doc: Record<string, unknown>, name = 'inline'): Promise<LoadedApi> {
  const dir = await mkdtemp(join(tmpdir(), 'foreign-'));
  const file = join(dir, 'openapi.json');
  try {
    await writeFile(file, JSON.stringify({ openapi: '3.1.0', info: { title: name, version: '1' }, ...doc }));
    return await loadForeignApi(adHocEntry(name, file), file);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export const json = (schema: unknown, extra: Record<string, unknown> = {}) => ({ 'application/json': { schema, ...extra } });
export const ok = { '200': { description: 'ok', content: json({ type: 'object' }) } };
