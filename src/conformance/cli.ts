#!/usr/bin/env node
/**
 * `partner-api-conformance [options]` (`npm run conformance -- [options]` in this repository):
 * runs the conformance suite and prints its report; `--output` also writes JUnit to a file.
 * Exit 0 when every check passed, 1 when one failed (or nothing was checked, or coverage is below
 * --min-coverage), 2 for a usage or connection error (one line).
 */
import { outputProblem } from './cli/checkOutput.js';
import { parseOptions, usage, usesMock, UsageError, type CliOptions } from './cli/parseOptions.js';
import { warmUpMockTarget } from './targets/mock/startMockTarget.js';
import { runCli } from '../core/cliArgs.js';

export async function main(argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  let options: CliOptions;
  try {
    options = parseOptions(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`conformance: ${error.message} (--help lists the options)\n`);
    return 2;
  }
  if (options.help) {
    // run from the sources (tsx) in a checkout, or as the installed bin (compiled .js)
    process.stdout.write(usage(options.registry, import.meta.url.endsWith('.ts')));
    return 0;
  }
  if (options.output) {
    const problem = await outputProblem(options.output);
    if (problem) {
      process.stderr.write(`conformance: ${problem}\n`);
      return 2;
    }
  }
  // The suite's own modules (ajv, the document loader) take a while to import: Prism's worker
  // thread starts loading Prism's code first, on the other core.
  if (usesMock(options)) warmUpMockTarget();
  const { runAndReport } = await import('./cli/runAndReport.js');
  return runAndReport(options, env);
}

runCli('conformance', () => main(process.argv.slice(2), process.env), 2);
