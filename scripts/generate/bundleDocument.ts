import { execFile } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const redoclyBin = createRequire(import.meta.url).resolve('@redocly/cli/bin/cli.js');

/**
 * Bundles one API of redocly.yaml into a single JSON document at `outFile`. Internal `$ref`s to
 * `#/components/...` are kept, so names survive into the types and the docs.
 */
export async function bundleDocument(api: string, outFile: string, cwd: string): Promise<void> {
  await mkdir(dirname(outFile), { recursive: true });
  try {
    await run(process.execPath, [redoclyBin, 'bundle', api, '--ext', 'json', '--output', outFile], {
      cwd,
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
    });
  } catch (error) {
    const detail = (error as { stderr?: string }).stderr ?? String(error);
    throw new Error(`redocly bundle failed for API '${api}':\n${detail.trim()}`);
  }
}
