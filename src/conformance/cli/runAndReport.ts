/**
 * The conformance CLI's run once its options are read: runs the suite, prints the report (human,
 * or JUnit on stdout or to --output) and the verdict's reasons, and returns the exit code
 * (0 passed, 1 failed, 2 a setup error, one line). Imported by cli.ts only when a run is asked for.
 */
import { writeFile } from 'node:fs/promises';
import { SuiteSetupError } from '../failClosed.js';
import { hintsOf } from '../report/hints.js';
import { humanReport } from '../report/humanReport.js';
import { progressReporter } from '../report/progress.js';
import { junitReport } from '../report/junitReport.js';
import { verdictOf } from '../report/verdict.js';
import { inline } from '../report/inlineText.js';
import { terminalSafe } from '../report/terminalSafe.js';
import { redactor } from '../run/redact.js';
import { runSuite, secretsOf, type SuiteOptions } from '../run/runSuite.js';
import type { CliOptions } from './parseOptions.js';
import { suiteOptions } from './suiteOptions.js';

/** `onPhase`: told when each step of the run is over (the bench times them). */
export async function runAndReport(options: CliOptions, env: NodeJS.ProcessEnv, onPhase?: SuiteOptions['onPhase']): Promise<number> {
  const base = { ...suiteOptions(options, env), ...(onPhase ? { onPhase } : {}) };
  const redact = redactor(secretsOf(base));
  // Everything printed is redacted, then made inert for the terminal (servers' and documents' text is quoted).
  const out = (text: string) => process.stdout.write(terminalSafe(redact(text)));
  const err = (text: string) => process.stderr.write(terminalSafe(redact(text)));
  // A run longer than half a minute says on stderr, every half minute, how far it is.
  // The run shares this redactor, so a secret it learns (a provider state's key) is hidden in what is printed too.
  const suite = { ...base, redact, onProgress: progressReporter({ write: (line) => err(`conformance: ${line}\n`) }) };
  try {
    const report = await runSuite(suite);
    if (options.output) {
      // --output is always JUnit (the human report stays on stdout), whatever --reporter says
      out(humanReport(report));
      try {
        await writeFile(options.output, terminalSafe(junitReport(report, redact)));
      } catch (error) {
        // checked writable before the run, it can still fail (a full disk): the run is over, so say so and keep what was printed
        err(`conformance: --output: the JUnit report could not be written to ${options.output}: ${inline((error as Error).message)} (the report above is complete)\n`);
        return 2;
      }
      out(`JUnit report written to ${options.output}\n`);
    } else if (options.reporter === 'junit') {
      out(junitReport(report, redact));
      // stdout is XML: the hints the human report would show go to stderr
      for (const run of report.apis) for (const hint of hintsOf(run)) err(`conformance: ${run.api}: ${inline(hint)}\n`);
    } else out(humanReport(report));
    const verdict = verdictOf(report);
    // The reasons on stderr too, one line each, for a reader of the junit stream or a CI log.
    for (const reason of verdict.reasons) err(`conformance: ${inline(reason)}\n`);
    return verdict.status === 'PASSED' ? 0 : 1;
  } catch (error) {
    const message = inline(error instanceof Error ? error.message : String(error));
    err(error instanceof SuiteSetupError ? `conformance: ${message}\n` : `conformance: unexpected error: ${message}\n`);
    return 2;
  }
}
