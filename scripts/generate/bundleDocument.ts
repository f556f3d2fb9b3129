import { makeDirectory } from '../../src/core/makeDirectory.js';
import { dirname } from 'node:path';
import { runRedocly } from '../runRedocly.js';

/**
 * Bundles one API of redocly.yaml into a single JSON document at `outFile`. Internal `$ref`s to
 * `#/components/...` are kept, so names survive into the types and the docs.
 */
export async function bundleDocument(api: string, outFile: string, cwd: string): Promise<void> {
  await makeDirectory(dirname(outFile));
  await runRedocly(['bundle', api, '--ext', 'json', '--output', outFile], cwd, `redocly bundle failed for API '${api}'`);
}
