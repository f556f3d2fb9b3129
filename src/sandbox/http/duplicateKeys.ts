/**
 * Duplicate member names in a JSON text. `JSON.parse` keeps the last of them silently, so
 * `{"id":"a","id":"b"}` would act on `b` while a reader that keeps the first (a proxy, a log, the
 * partner's own code) sees `a`: RFC 8259 §4 leaves the outcome to each implementation, so the
 * sandbox refuses the body instead of choosing one.
 */
import { repeatedMembers } from '../../openapi/repeatedMembers.js';
import { BODY_FIELD } from './issues.js';

/** Where a duplicate was found: the body's top-level field it is under, and the repeated name. */
export interface DuplicateKey {
  field: string;
  key: string;
}

/**
 * The duplicates in `text`, which must be a JSON text `JSON.parse` accepted, at most `max`: a
 * repeated top-level name is its own field; one deeper is under the top-level field it is in
 * (`body` when the top-level value is an array).
 */
export function duplicateKeys(text: string, max = 100): DuplicateKey[] {
  const rootIsObject = text.trimStart().startsWith('{');
  return repeatedMembers(text, max).map(({ path, name }) => ({ field: path.length === 0 ? name : rootIsObject ? (path[0] as string) : BODY_FIELD, key: name }));
}
