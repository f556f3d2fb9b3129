/**
 * Duplicate member names in a JSON text. `JSON.parse` keeps the last of them silently, so
 * `{"id":"a","id":"b"}` would act on `b` while a reader that keeps the first (a proxy, a log, the
 * partner's own code) sees `a`: RFC 8259 §4 leaves the outcome to each implementation, so the
 * sandbox refuses the body instead of choosing one.
 */
import { BODY_FIELD } from './issues.js';

/** Where a duplicate was found: the body's top-level field it is under, and the repeated name. */
export interface DuplicateKey {
  field: string;
  key: string;
}

interface Frame {
  /** Member names seen so far; `undefined` for an array. */
  keys: Set<string> | undefined;
  /** The top-level field this value is under (`body` for the top-level value itself). */
  field: string;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * The duplicates in `text`, which must be a JSON text `JSON.parse` accepted (so strings and
 * nesting are well-formed). One pass without recursion, so a deeply nested body cannot overflow
 * the stack; at most `max` are reported.
 */
export function duplicateKeys(text: string, max = 100): DuplicateKey[] {
  const found: DuplicateKey[] = [];
  const stack: Frame[] = [];
  let expectKey = false;
  let next = BODY_FIELD; // the field of the next value to start
  for (let i = 0; i < text.length && found.length < max; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      let j = i + 1;
      let escaped = false;
      for (let d = text.charCodeAt(j); d !== QUOTE; d = text.charCodeAt(j)) {
        if (d === BACKSLASH) {
          escaped = true;
          j += 2;
        } else j += 1;
      }
      const top = stack[stack.length - 1];
      if (expectKey && top?.keys) {
        // `{"a":1,"\u0061":2}` repeats `a` too: an escaped name is compared decoded.
        const key = escaped ? (JSON.parse(text.slice(i, j + 1)) as string) : text.slice(i + 1, j);
        const field = stack.length === 1 ? key : top.field;
        if (top.keys.has(key)) found.push({ field, key });
        else top.keys.add(key);
        next = field;
        expectKey = false;
      }
      i = j;
    } else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      stack.push({ keys: c === 0x7b ? new Set() : undefined, field: next });
      expectKey = c === 0x7b;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      stack.pop();
    } else if (c === 0x2c /* , */) {
      const top = stack[stack.length - 1];
      expectKey = top?.keys !== undefined;
      if (top && !top.keys) next = top.field;
    }
  }
  return found;
}
