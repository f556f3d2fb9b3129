/**
 * Likely causes, said once per API when the answers point at one: a key the target rejects, or a
 * base URL that is not the API's (a web page answering HTML).
 */
import type { ApiRun } from '../model.js';

export const HINTS = {
  credentialsRejected: 'credentials rejected? every authenticated request was answered 401',
  htmlAnswers: "is this the API's base URL? the target answered HTML",
} as const;

const isHtml = (type: string | undefined) => type === 'text/html' || type === 'application/xhtml+xml';

/** The hints for one API's run (none on a mock: it answers from the document). */
export function hintsOf(run: ApiRun): string[] {
  if (run.target.kind === 'mock') return [];
  const hints: string[] = [];
  const authenticated = run.results.filter((r) => r.testCase.request.auth.kind === 'scheme').flatMap((r) => r.observed);
  if (authenticated.length > 0 && authenticated.every((o) => o.status === 401)) hints.push(HINTS.credentialsRejected);
  const typed = run.results.flatMap((r) => r.observed).filter((o) => o.contentType !== undefined);
  if (typed.length > 0 && typed.every((o) => isHtml(o.contentType))) hints.push(HINTS.htmlAnswers);
  return hints;
}
