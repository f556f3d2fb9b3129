import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';

/**
 * The API names of redocly.yaml's `apis:` section, in the file's order: the docs site renders
 * exactly these (`generated/<name>/openapi.json` each). Throws one line naming the file when the
 * section is missing or empty.
 */
export async function readApiNames(configFile: string): Promise<string[]> {
  let config: unknown;
  try {
    config = parse(await readFile(configFile, 'utf8'));
  } catch (error) {
    throw new Error(`${configFile}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  }
  const apis = typeof config === 'object' && config !== null ? (config as Record<string, unknown>).apis : undefined;
  if (typeof apis !== 'object' || apis === null || Array.isArray(apis) || Object.keys(apis).length === 0) {
    throw new Error(`${configFile}: expected an \`apis:\` section naming at least one API`);
  }
  return Object.keys(apis);
}
