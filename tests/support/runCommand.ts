import { execFile } from 'node:child_process';
import { resolve } from 'node:path';

export const projectRoot = resolve(import.meta.dirname, '..', '..');

export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a command to completion and returns its exit code and output; never throws on exit code. */
export function runCommand(
  command: string,
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {},
): Promise<CommandResult> {
  return new Promise((resolvePromise, reject) => {
    execFile(
      command,
      args,
      {
        cwd: options.cwd ?? projectRoot,
        env: { ...(options.env ?? process.env), REDOCLY_TELEMETRY: 'off', NO_COLOR: '1' },
        timeout: options.timeoutMs ?? 120_000,
        maxBuffer: 64 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== 'number') return reject(error);
        resolvePromise({ code: error ? Number(error.code) : 0, stdout, stderr });
      },
    );
  });
}

/** Runs a package binary (`redocly`, `tsc`, …) from the project's node_modules with this Node. */
export function runBin(bin: string, args: string[], options: { cwd?: string; timeoutMs?: number; env?: NodeJS.ProcessEnv } = {}) {
  const scripts: Record<string, string> = {
    redocly: 'node_modules/@redocly/cli/bin/cli.js',
    tsc: 'node_modules/typescript/bin/tsc',
    tsx: 'node_modules/tsx/dist/cli.mjs',
  };
  const script = scripts[bin];
  if (!script) throw new Error(`runBin: unknown binary ${bin}`);
  return runCommand(process.execPath, [resolve(projectRoot, script), ...args], options);
}
