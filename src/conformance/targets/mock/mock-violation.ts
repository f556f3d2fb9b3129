import type { Check } from '../../checks/check.js';
import { parseSlViolations, prismOwnRejection } from '../../../openapi/slViolations.js';

/**
 * Prism reports, in `sl-violations` (or, for an operation that documents no 400 or 422, in the
 * body of the 422 it makes up), a violation where the negative case broke its rule: proof that
 * the case breaks the rule it names and nothing else made the request invalid.
 */
export const mockViolation: Check = {
  id: 'mock-violation',
  description: 'Prism saw the violation where the case made it',
  appliesTo: (ctx) => ctx.expect.violationAt !== undefined,
  run: (ctx) => {
    const wanted = (ctx.expect.violationAt as string[]).map((t) => t.toLowerCase());
    const reported = [...parseSlViolations(ctx.response.headers['sl-violations']), ...(prismOwnRejection(ctx.response.status, ctx.response.bodyText) ?? [])];
    const matches = reported.some(({ location }) => {
      const got = location.map((t) => t.toLowerCase());
      const n = Math.min(got.length, wanted.length);
      return got.slice(0, n).join('/') === wanted.slice(0, n).join('/');
    });
    if (matches) return [];
    return [
      {
        rule: 'mock-violation',
        message: 'Prism did not report the violation this case makes: the case may not break the rule it names',
        expected: wanted.join('.'),
        actual: reported.map((r) => r.location.join('.')).join(', ') || '(no violation reported)',
      },
    ];
  },
};

/**
 * Why a case whose only failure is mock-violation proves nothing either way: Prism cut its list
 * (`Too many violations! [ …` that does not parse whole), so the violation this case makes may be
 * among those it left out (Discord's thread body, an anyOf whose other branch fails in dozens of
 * places: 8 KiB of violations, none at the broken property). Undefined otherwise.
 */
export function cutViolationsExcuse(response: { headers: Record<string, string> }, failures: readonly { rule: string }[]): string | undefined {
  const header = response.headers['sl-violations'] ?? '';
  if (failures.length === 0 || failures.some((f) => f.rule !== 'mock-violation') || !header.startsWith('Too many violations!')) return undefined;
  try {
    JSON.parse(header.slice(header.indexOf('[')));
    return undefined; // the whole list arrived: the violation is really not in it
  } catch {
    return `Prism rejected the request but cut its sl-violations list after ${parseSlViolations(header).length} entries, before the violation this case makes could be read: Prism's limit, not the document's`;
  }
}
