import { join } from 'node:path';
import { loadRegistry } from '../../src/core/registry.js';

/** The API names of the registry generated under `root` (`generated/registry.json`), in order. */
export async function listApis(root: string): Promise<string[]> {
  return loadRegistry(join(root, 'generated')).apis.map((api) => api.name);
}
