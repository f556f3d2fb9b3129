import { readRegistry } from '../generate/readRegistry.js';

/** The API names of the registry under `root` (redocly.yaml's `apis:` and their manifests), in order. */
export async function listApis(root: string): Promise<string[]> {
  return (await readRegistry(root)).map((api) => api.name);
}
