/** Hoko's bilingual error envelope, `{ error: { en, ar } }`, with the messages of the document's named examples. */
import type { HokoError, MissingScopesError, RateLimitedError } from '../../../../generated/hoko/index.js';
import { documentedExample } from '../documentExamples.js';
import { json, type HttpResult } from '../httpTypes.js';

/** Status → the named example of `DELETE /api/partners` whose message the sandbox sends. */
const EXAMPLE_OF_STATUS = { 400: 'invalidRequest', 401: 'invalidApiKey', 403: 'missingScopes', 429: 'rateLimited', 500: 'internal' } as const;

const message = (status: keyof typeof EXAMPLE_OF_STATUS): HokoError['error'] => ({
  ...(documentedExample('hoko', 'delete', '/api/partners', String(status), EXAMPLE_OF_STATUS[status]) as HokoError).error,
});

export function hokoError(status: 400 | 401 | 500): HttpResult {
  const body: HokoError = { error: message(status) };
  return json(status, body);
}

export function hokoMissingScopes(missingScopes: string[]): HttpResult {
  const body: MissingScopesError = { error: message(403), missingScopes };
  return json(403, body);
}

export function hokoRateLimited(retryAfter: number, headers: Record<string, string>): HttpResult {
  const body: RateLimitedError = { error: message(429), retryAfter };
  return json(429, body, headers);
}
