import { runCommand } from './runCommand.js';

/** Runs the conformance CLI as a user would (`npm run conformance -- …`), with a controlled environment. */
export function runConformance(args: string[], env: Record<string, string> = {}) {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/_API_KEY$|_PROFILE_KEY$/.test(k)));
  // As `npm run conformance` runs it: one node process with tsx's loader (no launcher process).
  return runCommand(process.execPath, ['--import', 'tsx', 'src/conformance/cli.ts', ...args], { env: { ...clean, ...env, NO_COLOR: '1' }, timeoutMs: 120_000 });
}
