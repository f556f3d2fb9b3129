import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ApiName } from '../model.js';

/** `generated/<api>/openapi.json` of this package, found by walking up from this module (source or compiled). */
export function documentFile(api: ApiName): string {
  let dir = import.meta.dirname;
  for (;;) {
    const candidate = join(dir, 'generated', api, 'openapi.json');
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`cannot find generated/${api}/openapi.json above ${import.meta.dirname}: run \`npm run generate\``);
    dir = parent;
  }
}
