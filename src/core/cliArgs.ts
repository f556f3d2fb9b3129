/**
 * Command-line helpers both CLIs (the suite's and the sandbox's) share. `node:util` `parseArgs`
 * reads `--timeout -3` as an option `-3` ("ambiguous"); joined as `--timeout=-3` the negative
 * number is the option's value, and the CLI refuses it by name.
 */

/** Joins `<option> -<digits…>` into `<option>=-<digits…>` for the options that take a value. */
export function negativeValuesJoined(argv: string[], valueOptions: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const next = argv[i + 1];
    if (valueOptions.has(arg) && next !== undefined && /^-\d/.test(next)) {
      out.push(`${arg}=${next}`);
      i++;
    } else out.push(arg);
  }
  return out;
}

/** The `--name` spellings of the options of a `parseArgs` table that take a value. */
export const valueOptionsOf = (options: Record<string, { type: string }>): Set<string> =>
  new Set(Object.entries(options).flatMap(([name, o]) => (o.type === 'string' ? [`--${name}`] : [])));

/** Runs a CLI's `main` and sets the exit code it returns; an error it did not expect is one line on stderr and `unexpectedExit`. */
export function runCli(name: string, main: () => Promise<number>, unexpectedExit: number): void {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`${name}: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = unexpectedExit;
    },
  );
}
