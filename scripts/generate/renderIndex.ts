/**
 * Source of `index.ts`: the client factory, the raw `paths` / `components` / `operations` types,
 * and one named type alias per component schema (`Pet`, `PetError` …).
 */
export function renderIndex(schemaNames: string[]): string {
  const aliases = schemaNames
    .filter((name) => /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name))
    .map((name) => `export type ${name} = components['schemas']['${name}'];\n`)
    .join('');
  return `export * from './client.js';
import type { components } from './schema.js';
export type { paths, components, operations } from './schema.js';

${aliases}`;
}
