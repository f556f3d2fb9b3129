/**
 * Valid values at the bounds a schema states: from each violation of a length, item-count or
 * numeric bound (`deriveSchemaViolations`), the value just inside that bound (`maxLength 1024` →
 * 1,024 characters, `maxItems 10000` → 10,000 items, `maximum 100` → 100, `minimum 1` → 1), and
 * for a body text at `maxLength` the same length in characters beyond ASCII (`😀` × 1,024). A
 * server that enforces a bound tighter than the document's, or counts bytes, refuses them. Each is checked with ajv before it is returned; one equal to
 * the valid value itself is left out (the valid request already sends it).
 */
import type { Violation } from './deriveSchemaViolations.js';

/**
 * The keywords whose violations have a value just inside the bound. Not minLength and minItems:
 * their value would be the valid one cut short, and a value cut short (an opaque cursor, an id) is
 * no longer one a server issued, so a refusal of it says nothing about the bound.
 */
const BOUND_KEYWORDS = new Set(['maxLength', 'maxItems', 'maximum', 'minimum', 'exclusiveMaximum', 'exclusiveMinimum']);

export interface BoundaryValue {
  /** The bound kept, as the violation names it: 'maxLength 1024'. */
  rule: string;
  /** JSON pointer of the spot inside the value ('' for the root). */
  instancePath: string;
  /** The whole value, with the spot at its bound. */
  value: unknown;
}

const boundOf = (rule: string) => Number(rule.split(' ')[1]);

function tokens(pointer: string): string[] {
  return pointer === '' ? [] : pointer.slice(1).split('/').map((t) => t.replaceAll('~1', '/').replaceAll('~0', '~'));
}

function at(root: unknown, path: string[]): unknown {
  let node = root;
  for (const token of path) node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[token] : undefined;
  return node;
}

function withAt(root: unknown, path: string[], value: unknown): unknown {
  if (path.length === 0) return value;
  const copy = structuredClone(root) as Record<string, unknown>;
  let node = copy;
  for (const token of path.slice(0, -1)) node = node[token] as Record<string, unknown>;
  node[path.at(-1) as string] = value;
  return copy;
}

/** The spot's value just inside the bound the violation broke, from the broken spot; undefined when there is none. */
function inside(violation: Violation, broken: unknown, numeric: boolean): unknown {
  const bound = boundOf(violation.rule);
  const number = (n: number) => (numeric ? n : String(n));
  switch (violation.keyword) {
    case 'maxLength':
      return typeof broken === 'string' ? [...broken].slice(0, -1).join('') : undefined;
    case 'maxItems':
      return Array.isArray(broken) ? broken.slice(0, -1) : undefined;
    case 'maximum':
    case 'minimum':
      return Number.isFinite(bound) ? number(bound) : undefined;
    case 'exclusiveMaximum':
      return Number.isFinite(bound) ? number(bound - 1) : undefined;
    case 'exclusiveMinimum':
      return Number.isFinite(bound) ? number(bound + 1) : undefined;
    default:
      return undefined;
  }
}

/**
 * A character outside the Basic Multilingual Plane: one character for JSON Schema (which counts
 * code points, RFC 8259 §8), but four bytes in UTF-8 and two UTF-16 code units, so a server that
 * measures a length in either counts it two or four times.
 */
const BEYOND_ASCII = '\u{1F600}';

/**
 * The spot's valid text at `maxLength` made of characters beyond ASCII: the valid text (none where
 * the valid value leaves the spot out), then BEYOND_ASCII up to the bound. Undefined when the spot
 * holds no text or is already at the bound.
 */
function insideBeyondAscii(violation: Violation, valid: unknown): string | undefined {
  const bound = boundOf(violation.rule);
  const text = valid === undefined ? '' : valid;
  if (violation.keyword !== 'maxLength' || typeof text !== 'string' || !Number.isInteger(bound)) return undefined;
  const length = [...text].length;
  return length < bound ? `${text}${BEYOND_ASCII.repeat(bound - length)}` : undefined;
}

/**
 * The valid values at each bound `violations` broke, starting from `valid`. `isValid` says whether a
 * whole value is valid (ajv); `numeric`: whether numbers are written as numbers (a JSON body) or
 * as text (a parameter, which travels as a string); `beyondAscii`: whether a text at `maxLength`
 * is also given made of characters beyond ASCII (a JSON body, which travels as UTF-8; a header
 * could not carry them), for servers that count bytes or UTF-16 units instead of characters.
 */
export function boundaryValues(violations: readonly Violation[], valid: unknown, isValid: (value: unknown) => boolean, options: { numeric: boolean; beyondAscii?: boolean }): BoundaryValue[] {
  const out: BoundaryValue[] = [];
  const seen = new Set([JSON.stringify(valid)]);
  const add = (rule: string, instancePath: string, value: unknown) => {
    const key = JSON.stringify(value);
    if (seen.has(key) || !isValid(value)) return;
    seen.add(key);
    out.push({ rule, instancePath, value });
  };
  for (const v of violations) {
    if (!BOUND_KEYWORDS.has(v.keyword)) continue;
    const path = tokens(v.instancePath);
    const spot = inside(v, at(v.value, path), options.numeric);
    if (spot === undefined) continue;
    add(v.rule, v.instancePath, withAt(valid, path, spot));
    const wide = options.beyondAscii ? insideBeyondAscii(v, at(valid, path)) : undefined;
    if (wide !== undefined) add(`${v.rule} (characters beyond ASCII)`, v.instancePath, withAt(valid, path, wide));
  }
  return out;
}
