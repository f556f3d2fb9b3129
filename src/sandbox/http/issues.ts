/**
 * Validation problems as the APIs report them: one `field` (a body's top-level property, a
 * parameter's name, or `body` for the body as a whole) and a message. A slice whose API names
 * each invalid field turns them into its field map (`toFieldErrors`); others only say the request was invalid.
 */
import type { SchemaError } from '../../openapi/schemaValidator.js';
import { getAtPointer, unescapeToken } from '../../openapi/jsonPointer.js';

export interface Issue {
  field: string;
  message: string;
}

/** The key for problems with the body as a whole (not JSON, missing, wrong type, too few properties…). */
export const BODY_FIELD = 'body';

const COMBINATORS = new Set(['anyOf', 'oneOf', 'allOf', 'not', 'if', 'then', 'else']);

const NO_VALUE = Symbol('no value');

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/** A readable message for one ajv error; `value` is the validated instance, when known. */
function message(error: SchemaError, value: unknown = NO_VALUE): string {
  const p = error.params;
  switch (error.keyword) {
    case 'type': {
      if (value === NO_VALUE) return error.message;
      const at = getAtPointer(value, `#${error.instancePath}`);
      return `Expected ${String(p.type).replaceAll(',', ' or ')}, received ${jsonType(at)}`;
    }
    case 'required':
      return 'Required';
    case 'additionalProperties':
    case 'unevaluatedProperties':
      return 'Unrecognized key';
    case 'minProperties':
      return p.limit === 1 ? 'At least one field is required' : error.message;
    // The wording of the documents' named examples (their field errors read like zod's).
    case 'enum':
      return 'Invalid enum value';
    case 'maxLength':
      return `String must contain at most ${String(p.limit)} character(s)`;
    case 'minLength':
      return `String must contain at least ${String(p.limit)} character(s)`;
    case 'maximum':
      return `Number must be less than or equal to ${String(p.limit)}`;
    case 'minimum':
      return `Number must be greater than or equal to ${String(p.limit)}`;
    case 'minItems':
      return `Array must contain at least ${String(p.limit)} element(s)`;
    case 'maxItems':
      return `Array must contain at most ${String(p.limit)} element(s)`;
    // The pattern itself (hundreds of characters for a language tag) is no message for a partner.
    case 'pattern':
      return 'Invalid format';
    case 'const':
      return `Invalid literal value, expected ${JSON.stringify(p.allowedValue)}`;
    case 'format':
      return `Invalid ${String(p.format)}`;
    default:
      return error.message;
  }
}

/**
 * ajv errors of a body, each named by the top-level property it is about: the first segment of
 * `instancePath`, else `params.missingProperty` / `additionalProperty` / `unevaluatedProperty`,
 * else `body`. Messages of combinators (`anyOf` …) are dropped when the same field has a precise one.
 */
export function bodyIssues(errors: SchemaError[], value: unknown = NO_VALUE): Issue[] {
  const issues: (Issue & { combinator: boolean })[] = typeFirst(errors, value).map((e) => {
    const first = e.instancePath.split('/')[1];
    const p = e.params;
    const field =
      first !== undefined
        ? unescapeToken(first)
        : e.keyword === 'required' && typeof p.missingProperty === 'string'
          ? p.missingProperty
          : e.keyword === 'additionalProperties' && typeof p.additionalProperty === 'string'
            ? p.additionalProperty
            : e.keyword === 'unevaluatedProperties' && typeof p.unevaluatedProperty === 'string'
              ? p.unevaluatedProperty
              : BODY_FIELD;
    return { field, message: message(e, value), combinator: COMBINATORS.has(e.keyword) };
  });
  const precise = new Set(issues.filter((i) => !i.combinator).map((i) => i.field));
  return dedupe(issues.filter((i) => !i.combinator || !precise.has(i.field)).map(({ field, message: m }) => ({ field, message: m })));
}

/** ajv errors of one parameter, all under its name. */
export function parameterIssues(name: string, errors: SchemaError[], value: unknown = NO_VALUE): Issue[] {
  const precise = typeFirst(errors, value).filter((e) => !COMBINATORS.has(e.keyword));
  return dedupe((precise.length > 0 ? precise : errors).map((e) => ({ field: name, message: message(e, value) })));
}

/** The JSON type a keyword looks at: ajv reports it only for a value of that type. */
const KEYWORD_TYPE: Record<string, string> = {
  pattern: 'string',
  minLength: 'string',
  maxLength: 'string',
  format: 'string',
  minimum: 'number',
  maximum: 'number',
  exclusiveMinimum: 'number',
  exclusiveMaximum: 'number',
  multipleOf: 'number',
  minItems: 'array',
  maxItems: 'array',
  uniqueItems: 'array',
  required: 'object',
  additionalProperties: 'object',
  unevaluatedProperties: 'object',
  minProperties: 'object',
  maxProperties: 'object',
};

/**
 * A value of the wrong type is told only that (as the named examples do), not also that it is no
 * enum value; the types of several branches (`anyOf: [string enum, null]`) in one message
 * (`Expected string or null, received number`). But where some schema took the value's type (an
 * enum of its type, or a keyword only that type gets, failed), the type errors of the other
 * branches are dropped: `"old"` for that field is an invalid enum value, not "expected null".
 */
function typeFirst(errors: SchemaError[], value: unknown = NO_VALUE): SchemaError[] {
  const typeTaken = new Set<string>();
  const wrongType = new Set<string>();
  for (const e of errors) {
    if (e.keyword === 'type') {
      wrongType.add(e.instancePath);
      continue;
    }
    if (value === NO_VALUE) continue;
    const type = jsonType(getAtPointer(value, `#${e.instancePath}`));
    const allowed = e.keyword === 'enum' && Array.isArray(e.params.allowedValues) ? e.params.allowedValues : e.keyword === 'const' ? [e.params.allowedValue] : [];
    if (KEYWORD_TYPE[e.keyword] === type || allowed.some((a) => jsonType(a) === type)) typeTaken.add(e.instancePath);
  }
  const kept = errors.filter((e) =>
    e.keyword === 'type' ? !typeTaken.has(e.instancePath) : e.keyword === 'enum' || e.keyword === 'const' ? typeTaken.has(e.instancePath) || !wrongType.has(e.instancePath) : true,
  );
  // One type error per value, naming every type the branches expected.
  const types = new Map<string, string[]>();
  for (const e of kept) if (e.keyword === 'type') types.set(e.instancePath, [...(types.get(e.instancePath) ?? []), ...String(e.params.type).split(',')]);
  const told = new Set<string>();
  return kept.flatMap((e) => {
    if (e.keyword !== 'type') return [e];
    if (told.has(e.instancePath)) return [];
    told.add(e.instancePath);
    return [{ ...e, params: { ...e.params, type: [...new Set(types.get(e.instancePath))].join(',') } }];
  });
}

export function dedupe(issues: Issue[]): Issue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = `${i.field}\u0000${i.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The most issues one answer lists: a body of a million unknown keys must not make a million-line answer. */
export const MAX_ISSUES = 100;

/** The first `max` issues, and one more on the body saying how many were left out (`unread`: problems already left out before). */
export function capIssues(issues: Issue[], max = MAX_ISSUES, unread = 0): Issue[] {
  if (issues.length <= max && unread === 0) return issues;
  const more = Math.max(0, issues.length - max) + unread;
  return [...issues.slice(0, max), { field: BODY_FIELD, message: `…and ${more} more problems, not listed` }];
}

/**
 * `{ field: [messages…] }`: every message of each field. Built with no prototype, so a field named
 * like a built-in member (`constructor`, `__proto__`, `toString`) is a field like any other.
 */
export function toFieldErrors(issues: Issue[]): Record<string, string[]> {
  const out = Object.create(null) as Record<string, string[]>;
  for (const { field, message: m } of issues) (out[field] ??= []).push(m);
  return out;
}

/**
 * The top-level fields of `value` (`body` for a string at the top) holding a string, or a key,
 * for which `holds` is true. Walks without recursion, so a deeply nested body cannot overflow the
 * stack, and looks at `maxNodes` values at most.
 */
function fieldsHolding(value: unknown, holds: (text: string) => boolean, maxNodes: number): string[] {
  const found = new Set<string>();
  const stack: [unknown, string][] = [[value, BODY_FIELD]];
  let seen = 0;
  while (stack.length > 0 && seen++ < maxNodes) {
    const [v, field] = stack.pop()!;
    if (typeof v === 'string') {
      if (holds(v)) found.add(field);
    } else if (Array.isArray(v)) {
      for (const item of v) stack.push([item, field]);
    } else if (typeof v === 'object' && v !== null) {
      for (const [k, item] of Object.entries(v)) {
        const f = v === value ? k : field;
        if (holds(k)) found.add(f);
        stack.push([item, f]);
      }
    }
  }
  return [...found];
}

/** The top-level fields holding the NUL character (in a string or a key), which PostgreSQL cannot store in text. */
export const nulFields = (value: unknown, maxNodes = 1_000_000): string[] => fieldsHolding(value, (t) => t.includes('\u0000'), maxNodes);

const UNPAIRED = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * The top-level fields holding an unpaired surrogate (JSON's `"\ud800"` alone), which UTF-8, and
 * so PostgreSQL, cannot encode: it would be stored as U+FFFD, not as sent.
 */
export const unpairedSurrogateFields = (value: unknown, maxNodes = 1_000_000): string[] => fieldsHolding(value, (t) => UNPAIRED.test(t), maxNodes);

export const UNPAIRED_SURROGATE_MESSAGE = 'Must not contain an unpaired surrogate (\\ud800 to \\udfff)';

export const NUL_MESSAGE = 'Must not contain the NUL character (\\u0000)';
