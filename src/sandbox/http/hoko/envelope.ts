/** Hoko's bilingual error envelope, `{ error: { en, ar } }`, with the messages of the document's examples. */
import type { HokoError, MissingScopesError, RateLimitedError } from '../../../../generated/hoko/index.js';
import { json, type HttpResult } from '../httpTypes.js';

export const HOKO_MESSAGES = {
  400: { en: 'Invalid request', ar: 'طلب غير صالح' },
  401: { en: 'Invalid API key', ar: 'مفتاح API غير صالح' },
  403: { en: 'Missing required scopes', ar: 'الصلاحيات المطلوبة مفقودة' },
  429: { en: 'Rate limit exceeded', ar: 'تم تجاوز حد المعدل' },
  500: { en: 'Internal server error', ar: 'خطأ داخلي في الخادم' },
} as const;

export function hokoError(status: 400 | 401 | 500): HttpResult {
  const body: HokoError = { error: { ...HOKO_MESSAGES[status] } };
  return json(status, body);
}

export function hokoMissingScopes(missingScopes: string[]): HttpResult {
  const body: MissingScopesError = { error: { ...HOKO_MESSAGES[403] }, missingScopes };
  return json(403, body);
}

export function hokoRateLimited(retryAfter: number, headers: Record<string, string>): HttpResult {
  const body: RateLimitedError = { error: { ...HOKO_MESSAGES[429] }, retryAfter };
  return json(429, body, headers);
}
