/**
 * Valid values at the bounds a schema states: from each violation of a length, item-count or
 * numeric bound (`deriveSchemaViolations`), the value just inside that bound (`maxLength 1024` →
 * 1,024 characters, `maxItems 10000` → 10,000 items, `maximum 100` → 100, `minimum 1` → 1). A server that enforces a bound tighter
 * than the document's refuses them. Each is checked with ajv before it is returned; one equal to
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
 * The valid values at each bound `violations` broke, starting from `valid`. `isValid` says whether a
 * whole value is valid (ajv); `numeric`: whether numbers are written as numbers (a JSON body) or
 * as text (a parameter, which travels as a string).
 */
export function boundaryValues(violations: readonly Violation[], valid: unknown, isValid: (value: unknown) => boolean, options: { numeric: boolean }): BoundaryValue[] {
  const out: BoundaryValue[] = [];
  const seen = new Set([JSON.stringify(valid)]);
  for (const v of violations) {
    if (!BOUND_KEYWORDS.has(v.keyword)) continue;
    const path = tokens(v.instancePath);
    const spot = inside(v, at(v.value, path), options.numeric);
    if (spot === undefined) continue;
    const value = withAt(valid, path, spot);
    const key = JSON.stringify(value);
    if (seen.has(key) || !isValid(value)) continue;
    seen.add(key);
    out.push({ rule: v.rule, instancePath: v.instancePath, value });
  }
  return out;
}
