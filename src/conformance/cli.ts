#!/usr/bin/env node
/**
 * `partner-api-conformance [options]` (`npm run conformance -- [options]` in this repository):
 * runs the conformance suite and prints its report; `--output` also writes JUnit to a file.
 * Exit 0 when every check passed, 1 when one failed (or nothing was checked, or coverage is below
 * --min-coverage), 2 for a usage or connection error (one line).
 */
import { writeFile } from 'node:fs/promises';
import { outputProblem } from './cli/checkOutput.js';
import { parseOptions, usage, UsageError, type CliOptions } from './cli/parseOptions.js';
import { SuiteSetupError } from './failClosed.js';
import { hintsOf } from './report/hints.js';
import { humanReport } from './report/humanReport.js';
import { junitReport } from './report/junitReport.js';
import { verdictOf } from './report/verdict.js';
import { redactor } from './run/redact.js';
import { runSuite, secretsOf, type SuiteOptions } from './run/runSuite.js';
import { runScenarios } from './scenarios/runScenarios.js';
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
  const suite: SuiteOptions = {
    registry: options.registry,
    apis: options.apis,
    targets: options.targets,
    env,
    allowWrites: options.allowWrites,
    limits: options.limits,
    ...(options.grep ? { grep: options.grep } : {}),
    ...(options.stateUrl ? { stateUrl: options.stateUrl } : {}),
    gate: { allowEmpty: options.allowEmpty, ...(options.minCoverage !== undefined ? { minCoverage: options.minCoverage } : {}) },
    specs: options.specs,
    headers: options.headers,
    scenarios: runScenarios,
  };
  const redact = redactor(secretsOf(suite));
  try {
    const report = await runSuite(suite);
    if (options.output) {
      // --output is always JUnit (the human report stays on stdout), whatever --reporter says
      process.stdout.write(redact(humanReport(report)));
      await writeFile(options.output, junitReport(report, redact));
      process.stdout.write(`JUnit report written to ${options.output}\n`);
    } else if (options.reporter === 'junit') {
      process.stdout.write(junitReport(report, redact));
      // stdout is XML: the hints the human report would show go to stderr
      for (const run of report.apis) for (const hint of hintsOf(run)) process.stderr.write(`conformance: ${run.api}: ${redact(hint)}\n`);
    } else process.stdout.write(redact(humanReport(report)));
    const verdict = verdictOf(report);
    // The reasons on stderr too, one line each, for a reader of the junit stream or a CI log.
    for (const reason of verdict.reasons) process.stderr.write(`conformance: ${redact(reason)}\n`);
    return verdict.status === 'PASSED' ? 0 : 1;
  } catch (error) {
    const message = redact(error instanceof Error ? error.message : String(error));
    process.stderr.write(error instanceof SuiteSetupError ? `conformance: ${message}\n` : `conformance: unexpected error: ${message}\n`);
    return 2;
  }
}

runCli('conformance', () => main(process.argv.slice(2), process.env), 2);
