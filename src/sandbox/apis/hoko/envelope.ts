/** Hoko's bilingual error envelope, `{ error: { en, ar } }`, with the messages of the document's named examples. */
import type { HokoError, MissingScopesError, RateLimitedError } from '../../../../generated/hoko/index.js';
import type { LoadedApi } from '../../../core/loadApi.js';
import { documentedExample } from '../../http/documentExamples.js';
import { json, type HttpResult } from '../../http/httpTypes.js';

/** Status → the named example of `deletePartners` whose message the sandbox sends. */
const EXAMPLE_OF_STATUS = { 400: 'invalidRequest', 401: 'invalidApiKey', 403: 'missingScopes', 429: 'rateLimited', 500: 'internal' } as const;

export interface HokoErrors {
  error(status: 400 | 401 | 500): HttpResult;
  missingScopes(missingScopes: string[]): HttpResult;
  rateLimited(retryAfter: number, headers: Record<string, string>): HttpResult;
}

/** The errors of `api`'s document, read once (a missing example stops the start). */
export function createHokoErrors(api: LoadedApi): HokoErrors {
  const messages = new Map(
    Object.entries(EXAMPLE_OF_STATUS).map(([status, name]) => [Number(status), (documentedExample(api, 'deletePartners', status, name) as HokoError).error]),
  );
  const message = (status: number): HokoError['error'] => ({ ...messages.get(status)! });
  return {
    error: (status) => json(status, { error: message(status) } satisfies HokoError),
    missingScopes: (missingScopes) => json(403, { error: message(403), missingScopes } satisfies MissingScopesError),
    rateLimited: (retryAfter, headers) => json(429, { error: message(429), retryAfter } satisfies RateLimitedError, headers),
  };
}
