import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';

const run = promisify(execFile);
const redoclyBin = createRequire(import.meta.url).resolve('@redocly/cli/bin/cli.js');

/** Runs the Redocly CLI with this Node; on failure throws `what` followed by Redocly's own output. */
export async function runRedocly(args: string[], cwd: string, what: string): Promise<void> {
  try {
    await run(process.execPath, [redoclyBin, ...args], {
      cwd,
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
    });
  } catch (error) {
    throw new Error(`${what}:\n${String((error as { stderr?: string }).stderr ?? error).trim()}`);
  }
}
