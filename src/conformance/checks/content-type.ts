import { isObject } from '../../openapi/jsonPointer.js';
import type { Check } from './check.js';

/**
 * A response with documented content carries one of the documented content types; one that cannot
 * carry content (a HEAD's, a 204) is held to it only when it names a type.
 */
export const contentType: Check = {
  id: 'content-type',
  description: 'the Content-Type is one the status documents',
  appliesTo: ({ statusKey, operation, bodiless, response }) => {
    if (bodiless && response.headers['content-type'] === undefined) return false;
    const content = statusKey ? operation.response(statusKey)?.value.content : undefined;
    return isObject(content) && Object.keys(content).length > 0;
  },
  run: ({ statusKey, operation, response, mediaType, redact }) => {
    if (mediaType) return [];
    const documented = Object.keys((operation.response(statusKey as string)?.value.content ?? {}) as object);
    const actual = redact.excerpt(response.headers['content-type']?.split(';')[0]?.trim().toLowerCase() || '(none)', 200);
    return [{ rule: 'content-type', message: `content type '${actual}' is not documented for ${response.status}`, expected: documented.join(', '), actual }];
  },
};
