/**
 * An error that stops the run with exit code 2: the suite cannot build or check something the
 * document asks for (a schema that does not compile, a `$ref` that does not resolve, an operation
 * with no example to build a valid request from). It names where, so nothing passes silently.
 */
export class SuiteSetupError extends Error {
  override name = 'SuiteSetupError';
}

/** The first line of an error's message (or of what was thrown), for a one-line report. */
export function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}
