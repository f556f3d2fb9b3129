/**
 * The command line of a script command (generate, docs, diff, bench): its flags read strictly, and
 * how it ends. A flag it does not know, a flag without its value or an argument it takes none of is
 * a usage error: one line on stderr naming it, exit 2, before anything runs (as the conformance and
 * sandbox CLIs answer); any other failure is one line and exit 1, or the code `main` returns.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

export class UsageError extends Error {
  override name = 'UsageError';
}

type Options = NonNullable<ParseArgsConfig['options']>;

/** The flags of `argv` (default: the process's) for `options`; throws UsageError for anything else. */
export function readFlags<O extends Options>(options: O, argv: string[] = process.argv.slice(2)) {
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

/** Runs `main` as the command `name`: its result is the exit code (0 when none); a failure is one line, exit 2 for a usage error, else 1. */
export function runCommandLine(name: string, main: () => Promise<number | void>): void {
  main().then(
    (code) => {
      process.exitCode = code ?? 0;
    },
    (error: unknown) => {
      console.error(`${name}: ${(error instanceof Error ? error.message : String(error)).replace(/\s*\n\s*/g, ' ')}`);
      process.exitCode = error instanceof UsageError ? 2 : 1;
    },
  );
}
