import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseYaml } from '@redocly/openapi-core';

/** The API names of redocly.yaml's `apis:` section, in its order (the one list of the APIs). */
export async function listApis(root: string): Promise<string[]> {
  const file = join(root, 'redocly.yaml');
  const config = parseYaml(await readFile(file, 'utf8')) as { apis?: unknown } | null;
  const apis = config?.apis;
  if (!apis || typeof apis !== 'object' || Object.keys(apis).length === 0) throw new Error(`${file}: no \`apis:\` section`);
  return Object.keys(apis);
}
