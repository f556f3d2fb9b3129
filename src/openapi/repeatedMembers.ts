/**
 * Member names an object of a JSON text repeats. `JSON.parse` keeps the last of them silently,
 * while RFC 8259 §4 leaves the outcome to each reader (the last, the first, or an error). Used by
 * the suite (a response body) and the sandbox (a request body).
 */

/** A repeated name and the path (object keys and array indexes) of the object that repeats it. */
export interface RepeatedMember {
  path: string[];
  name: string;
}

interface Frame {
  /** Member names seen so far; `undefined` for an array. */
  keys: Set<string> | undefined;
  /** The enclosing value and this one's key or index in it (the path is built only for a repeat, so deep nesting costs no copies). */
  parent: Frame | undefined;
  token: string;
  /** An array's index of the value being read. */
  index: number;
}

function pathOf(frame: Frame): string[] {
  const path: string[] = [];
  for (let f: Frame | undefined = frame; f?.parent; f = f.parent) path.push(f.token);
  return path.reverse();
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * The repeated members of `text`, which must be a JSON text `JSON.parse` accepted (so strings and
 * nesting are well-formed), in text order, at most `max`. One pass without recursion, so a deeply
 * nested text (which `JSON.parse` accepts) cannot overflow the stack.
 */
export function repeatedMembers(text: string, max = 100): RepeatedMember[] {
  const found: RepeatedMember[] = [];
  const stack: Frame[] = [];
  let expectKey = false;
  let lastKey = '';
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
        if (top.keys.has(key)) found.push({ path: pathOf(top), name: key });
        else top.keys.add(key);
        lastKey = key;
        expectKey = false;
      }
      i = j;
    } else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      const parent = stack[stack.length - 1];
      const token = parent ? (parent.keys ? lastKey : String(parent.index)) : '';
      stack.push({ keys: c === 0x7b ? new Set() : undefined, parent, token, index: 0 });
      expectKey = c === 0x7b;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      stack.pop();
    } else if (c === 0x2c /* , */) {
      const top = stack[stack.length - 1];
      expectKey = top?.keys !== undefined;
      if (top && !top.keys) top.index += 1;
    }
  }
  return found;
}
