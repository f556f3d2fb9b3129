/**
 * Hoko's answer to a path under `/api/partners` that no operation takes: the document says every
 * error is bilingual, `{ error: { en, ar } }`, and shows no example for a missing route or method,
 * so the sandbox words them itself (the English names the path; the Arabic is the sentence alone).
 * Request headers over the limit (431) are worded the same way.
 */
import type { HokoError } from '../../../../generated/hoko/index.js';
import { json } from '../../http/httpTypes.js';
import { unroutedText } from '../../http/unroutedText.js';
import type { UnroutedHandler } from '../../slice.js';

/** The sandbox's words; the document has no example for any of these statuses. */
const ARABIC = { 404: 'المسار غير موجود', 405: 'الطريقة غير مسموح بها', 431: 'ترويسات الطلب كبيرة جدًا' } as const;

export function hokoUnrouted(): UnroutedHandler {
  return (miss) => json(miss.status, { error: { en: unroutedText(miss), ar: ARABIC[miss.status] } } satisfies HokoError);
}
