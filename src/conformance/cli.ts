#!/usr/bin/env node
/**
 * `npm run conformance -- [options]`: runs the conformance suite and prints its report.
 * Exit 0 when every check passed, 1 when one failed, 2 for a usage or connection error.
 */
import { writeFile } from 'node:fs/promises';
import { parseOptions, usage, UsageError, type CliOptions } from './cli/parseOptions.js';
import { SuiteSetupError } from './failClosed.js';
import { humanReport } from './report/humanReport.js';
import { junitReport } from './report/junitReport.js';
import { redactor } from './run/redact.js';
import { runSuite, secretsOf, type SuiteOptions } from './run/runSuite.js';
import { runScenarios } from './scenarios/runScenarios.js';

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
    process.stdout.write(usage(options.registry));
    return 0;
  }
  const suite: SuiteOptions = {
    registry: options.registry,
    apis: options.apis,
    targets: options.targets,
    env,
    allowWrites: options.allowWrites,
    ...(options.grep ? { grep: options.grep } : {}),
    ...(options.stateUrl ? { stateUrl: options.stateUrl } : {}),
    specs: options.specs,
    headers: options.headers,
    scenarios: runScenarios,
  };
  const redact = redactor(secretsOf(suite));
  try {
    const report = await runSuite(suite);
    if (options.reporter === 'junit' && !options.output) {
      process.stdout.write(redact(junitReport(report)));
    } else {
      process.stdout.write(redact(humanReport(report)));
      if (options.output) {
        await writeFile(options.output, redact(options.reporter === 'junit' ? junitReport(report) : humanReport(report)));
        process.stdout.write(`${options.reporter} report written to ${options.output}\n`);
      }
    }
    return report.apis.some((a) => a.results.some((r) => r.outcome === 'failed')) ? 1 : 0;
  } catch (error) {
    const message = redact(error instanceof Error ? error.message : String(error));
    process.stderr.write(error instanceof SuiteSetupError ? `conformance: ${message}\n` : `conformance: unexpected error: ${message}\n`);
    return 2;
  }
}

main(process.argv.slice(2), process.env).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`conformance: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
