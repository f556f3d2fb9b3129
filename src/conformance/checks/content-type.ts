import { isObject } from '../../openapi/jsonPointer.js';
import { charsetOf, isJsonMediaType, isUtf8Label } from '../../openapi/mediaTypes.js';
import type { CheckFailure } from '../model.js';
import type { Check, CheckContext } from './check.js';

/**
 * A JSON answer that declares a charset declares UTF-8 (RFC 8259 §8.1: JSON exchanged between
 * systems "MUST be encoded using UTF-8"): a client that decodes by the declared charset reads
 * `charset=iso-8859-1` UTF-8 bytes as mojibake. A documented content key naming that charset itself
 * is the document's choice, and passes.
 */
function declaredCharset({ response, mediaType, redact }: CheckContext): CheckFailure[] {
  const header = response.headers['content-type'] ?? '';
  const charset = charsetOf(header);
  if (!mediaType || !isJsonMediaType(header) || charset === undefined || isUtf8Label(charset) || charsetOf(mediaType) === charset) return [];
  const shown = redact.excerpt(charset, 100);
  return [{ rule: 'content-type', message: `content type '${redact.excerpt(header.trim(), 200)}' declares charset=${shown}: a JSON body is UTF-8 (RFC 8259 §8.1), so the only charset it may declare is utf-8`, expected: `${mediaType} (no charset, or charset=utf-8)`, actual: `charset=${shown}` }];
}

/**
 * A response with documented content carries one of the documented content types; one that cannot
 * carry content (a HEAD's, a 204) is held to it only when it names a type. A JSON type declares no
 * charset but UTF-8.
 */
export const contentType: Check = {
  id: 'content-type',
  description: 'the Content-Type is one the status documents, and a JSON one declares no charset but UTF-8',
  appliesTo: ({ statusKey, operation, bodiless, response }) => {
    if (bodiless && response.headers['content-type'] === undefined) return false;
    const content = statusKey ? operation.response(statusKey)?.value.content : undefined;
    return isObject(content) && Object.keys(content).length > 0;
  },
  run: (ctx) => {
    const { statusKey, operation, response, mediaType, redact } = ctx;
    if (mediaType) return declaredCharset(ctx);
    const documented = Object.keys((operation.response(statusKey as string)?.value.content ?? {}) as object);
    const actual = redact.excerpt(response.headers['content-type']?.split(';')[0]?.trim().toLowerCase() || '(none)', 200);
    return [{ rule: 'content-type', message: `content type '${actual}' is not documented for ${response.status}`, expected: documented.join(', '), actual }];
  },
};
