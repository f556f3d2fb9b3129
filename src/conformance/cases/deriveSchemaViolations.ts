/**
 * Negative values for one schema: from a valid value, mutated copies that each break exactly one
 * constraint the schema states, every one checked with ajv before it is returned.
 *
 * How a candidate is kept: the mutated value must be invalid AND ajv must report the keyword the
 * candidate means to break at the spot it broke (`type` at `/gender`, `required` at the object…).
 * A candidate with several possible values (a pattern-breaking string, a non-integer…) takes the
 * first whose errors are all that keyword there (or a combinator such as `anyOf` that fails because
 * of it), else the first that reports the keyword at all. So an unknown property on an open object,
 * or a type change another `anyOf` branch accepts, is dropped, not returned as a false negative case.
 *
 * Parameters (`wire: 'parameter'`): the value travels as a string. The valid string is coerced the
 * way a server reads a parameter before validating it (`coerceParameter`): when the schema allows
 * integer or number and the string is a decimal number, it becomes that number; when it allows
 * boolean, `true`/`false` become booleans; otherwise it stays a string. Mutations are made on the
 * coerced value, written back as strings (`String(12345)`), coerced again and validated; a
 * mutation with no string form (null, objects, arrays) is skipped, and a type change that coerces
 * back to an accepted value (`'12345'` for a string parameter) fails the keyword check and is dropped.
 */
import { randomUUID } from 'node:crypto';
import { coerceParameter } from '../../core/coerceParameter.js';
import { childPointer, escapeToken, isObject } from '../../openapi/jsonPointer.js';
import type { OpenApiDocument } from '../../openapi/loadDocument.js';
import { MAX_SAMPLED_SIZE } from '../../openapi/sampleQuietly.js';
import { errorsInWords, type SchemaError, type SchemaValidator } from '../../openapi/schemaValidator.js';
import { SuiteSetupError } from '../failClosed.js';
import { directionalErrors } from './requestDirection.js';
import { swapLetterCase } from '../../core/letterCase.js';
import {
  ABSENT, createSchemaWalker, declaredProperties, declaredTypes, parameterReadTypes, sampleValue, stated, type Facet, type SchemaWalker,
} from './schemaWalk.js';

export interface Violation {
  /** The constraint broken, short and stable: 'type', 'enum', 'maxLength', 'required', 'null', 'oneOf'… */
  keyword: string;
  /** Human description including the bound, e.g. 'maxLength 128', 'enum (male|female|non_binary)', 'type string→number'. */
  rule: string;
  /** JSON pointer of the broken spot inside the value: '' for the root, '/name', '/bulk/0'. */
  instancePath: string;
  /** The top-level property the violation sits under ('' at root, and when the root is not an object): the field an API names in per-field errors. */
  field: string;
  /** The whole mutated value, ready to send (a string with `wire: 'parameter'`). */
  value: unknown;
}

export interface DeriveOptions {
  /** 'json' (default): a JSON body. 'parameter': a path/query/header value, sent as a string. */
  wire?: 'json' | 'parameter';
  /** 'request': a request body, where `readOnly` properties are neither added nor broken (servers may ignore them). */
  direction?: 'request';
  /** Told of each rule whose breaking value would be larger than `MAX_BUILT_SIZE` (not built, so not returned). */
  onTooLarge?: (rule: string, instancePath: string) => void;
}

/**
 * The most items, properties or characters a broken value is built with: a `maxItems: 2147483647`
 * (Twilio's) would take 2^31 items, more memory than any machine here has. A bulk body of 10,001 ids fits.
 * The same bound as a valid value's (sampleQuietly.ts): the suite builds no value past it either way.
 */
export const MAX_BUILT_SIZE = MAX_SAMPLED_SIZE;

/** Property name added to break `additionalProperties: false` / `unevaluatedProperties: false`. */
export const UNKNOWN_PROPERTY = '__unknown_property';

// A mutation to try: replace (or delete, with DELETE) the spot at `path`; several `values` are tried in order.
interface Candidate {
  keyword: string;
  rule: string;
  path: string[];
  values: unknown[];
  /** ajv keywords that must be reported, at `errorAt` (the spot, or the object for property-level rules). */
  expect: string[];
  errorAt: string[];
  /** A root value that must be valid for the candidate to count (e.g. the array one item shorter). */
  control?: unknown;
  /** The value would be past `MAX_BUILT_SIZE`: reported, never built (`values` is empty). */
  tooLarge?: true;
}

/** A candidate for a bound too large to build a value past. */
const tooLarge = (keyword: string, rule: string, path: string[]): Candidate => ({ keyword, rule, path, values: [], expect: [keyword], errorAt: path, tooLarge: true });

const DELETE = Symbol('delete');
// Integers just outside each integer format's range (a server that stores an int32 may wrap 2^31 round).
const NUMBER_FORMAT_OUTSIDE: Record<string, number[]> = {
  int32: [2 ** 31, -(2 ** 31) - 1],
  int64: [2 ** 64, -(2 ** 64)],
  int8: [128, -129],
  int16: [32768, -32769],
  uint8: [256, -1],
  uint16: [65536, -1],
  uint32: [2 ** 32, -1],
  uint64: [2 ** 65, -1],
};
// Keywords that fail because a subschema failed: they may accompany the broken keyword.
const COMBINATORS = new Set(['anyOf', 'oneOf', 'allOf', 'not', 'if', 'then', 'else', '$ref', 'items', 'prefixItems', 'contains', 'properties', 'dependentSchemas', 'unevaluatedItems', 'false schema']);

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function typeAllowed(types: Set<string>, value: unknown): boolean {
  const t = jsonType(value);
  return types.has(t) || (t === 'integer' && types.has('number'));
}

function pointerOf(path: string[]): string {
  return path.map((t) => '/' + escapeToken(t)).join('');
}

function withValueAt(root: unknown, path: string[], value: unknown): unknown {
  if (path.length === 0) return value;
  const copy = structuredClone(root) as Record<string, unknown>;
  let parent: Record<string, unknown> = copy;
  for (const token of path.slice(0, -1)) parent = parent[token] as Record<string, unknown>;
  const last = path[path.length - 1]!;
  if (value === DELETE) delete parent[last];
  else parent[last] = value;
  return copy;
}

const codePoints = (s: string) => [...s];

/**
 * Mutated copies of `validValue` (valid against the schema at `schemaPointer`), each breaking one
 * constraint, each verified with `validator`. Throws, naming the pointer, when `validValue` is invalid.
 */
export function deriveSchemaViolations(
  validator: SchemaValidator,
  doc: OpenApiDocument,
  schemaPointer: string,
  validValue: unknown,
  options: DeriveOptions = {},
): Violation[] {
  const wire = options.wire ?? 'json';
  const walker = createSchemaWalker(validator, doc);
  const paramTypes = parameterReadTypes(walker.facets(schemaPointer, ABSENT));
  const sent = wire === 'parameter' && (typeof validValue === 'number' || typeof validValue === 'boolean') ? String(validValue) : validValue;
  if (wire === 'parameter' && typeof sent !== 'string') throw new SuiteSetupError(`deriveSchemaViolations: a parameter value must be a string (schema ${schemaPointer})`);
  const toSchema = (value: unknown): unknown => (wire === 'parameter' ? coerceParameter(paramTypes, value as string) : value);
  // A parameter that also allows strings (`anyOf: [integer, string]`) is valid when either reading is.
  const validateWire = (onWire: unknown): SchemaError[] => {
    const errors = options.direction === 'request' ? directionalErrors(validator, doc, schemaPointer, onWire, 'request') : validator.validate(schemaPointer, toSchema(onWire));
    if (errors.length > 0 && wire === 'parameter' && paramTypes.has('string') && toSchema(onWire) !== onWire && validator.validate(schemaPointer, onWire).length === 0) return [];
    return errors;
  };
  const toWire = (value: unknown): unknown =>
    wire === 'json' ? value : ['string', 'number', 'boolean'].includes(typeof value) ? String(value) : undefined;

  const valid = toSchema(sent);
  const errors = validateWire(sent);
  if (errors.length > 0) {
    const detail = errorsInWords(errors);
    throw new SuiteSetupError(`deriveSchemaViolations: the valid value is not valid against ${schemaPointer}: ${detail}`);
  }

  const candidates: Candidate[] = [];
  collectSpot(walker, candidates, { path: [], value: valid, facets: walker.facets(schemaPointer, valid), root: valid, wire, schemaPointer, skipReadOnly: options.direction === 'request' });

  const found = new Map<string, Violation>();
  for (const c of candidates) {
    const instancePath = pointerOf(c.path);
    const key = `${instancePath}\u0000${c.rule}`;
    if (found.has(key)) continue;
    if (c.tooLarge) {
      options.onTooLarge?.(c.rule, instancePath);
      continue;
    }
    if (c.control !== undefined && validator.validate(schemaPointer, c.control).length > 0) continue;
    const picked = pick(c, (mutated) => {
      const onWire = toWire(mutated);
      return onWire === undefined ? undefined : { onWire, errors: validateWire(onWire) };
    }, valid);
    if (!picked) continue;
    found.set(key, { keyword: c.keyword, rule: c.rule, instancePath, field: isObject(valid) ? (c.path[0] ?? '') : '', value: picked.value });
  }
  return [...found.values()];
}

// The first of the candidate's values whose mutated root is rejected cleanly for the intended keyword, else the first rejected for it at all.
function pick(c: Candidate, check: (mutated: unknown) => { onWire: unknown; errors: SchemaError[] } | undefined, root: unknown): { value: unknown } | undefined {
  const at = pointerOf(c.errorAt);
  const intended = (e: SchemaError) => c.expect.includes(e.keyword) && e.instancePath === at;
  let fallback: { value: unknown } | undefined;
  for (const v of c.values) {
    const result = check(withValueAt(root, c.path, v));
    if (!result || !result.errors.some(intended)) continue;
    if (result.errors.every((e) => intended(e) || COMBINATORS.has(e.keyword))) return { value: result.onWire };
    fallback ??= { value: result.onWire };
  }
  return fallback;
}

interface Spot {
  path: string[];
  /** The valid value at the spot; for an absent property, a base value (or ABSENT). */
  value: unknown;
  facets: Facet[];
  root: unknown;
  wire: 'json' | 'parameter';
  schemaPointer: string;
  absent?: boolean;
  /** Leave `readOnly` properties alone (request bodies). */
  skipReadOnly?: boolean;
}

const readOnly = (facets: Facet[]) => stated(facets, 'readOnly').includes(true);

function collectSpot(walker: SchemaWalker, out: Candidate[], spot: Spot): void {
  scalarCandidates(out, spot);
  if (spot.absent) return; // an added property is broken only as a whole: one place changes
  const { value, path, facets } = spot;
  if (Array.isArray(value)) {
    arrayCandidates(walker, out, spot, value);
    if (value.length > 0) {
      collectSpot(walker, out, { ...spot, path: [...path, '0'], value: value[0], facets: walker.itemFacets(facets, 0, value[0]) });
    }
  } else if (isObject(value)) {
    objectCandidates(walker, out, spot, value);
    for (const [name, child] of Object.entries(value)) {
      const childFacets = walker.propertyFacets(facets, name, child);
      if (spot.skipReadOnly && readOnly(childFacets)) continue;
      collectSpot(walker, out, { ...spot, path: [...path, name], value: child, facets: childFacets });
    }
    for (const name of declaredProperties(facets)) {
      if (Object.hasOwn(value, name)) continue;
      const childFacets = walker.propertyFacets(facets, name, ABSENT);
      if (spot.skipReadOnly && readOnly(childFacets)) continue;
      const childPath = [...path, name];
      const sample = sampleValue(walker, childFacets);
      const sampleFits = sample !== undefined && walker.matches(spot.schemaPointer, withValueAt(spot.root, childPath, sample));
      collectSpot(walker, out, { ...spot, path: childPath, value: sampleFits ? sample : ABSENT, facets: childFacets, absent: true });
    }
  }
}

/** `text` with every letter in the other case ('Inf_a' → 'iNF_A'). */

// type, null, enum, const, string and number keywords: they replace the spot's value.
function scalarCandidates(out: Candidate[], spot: Spot): void {
  const { facets, path, wire } = spot;
  const base = spot.value;
  const add = (keyword: string, rule: string, values: unknown[], expect: string[] = [keyword]) =>
    out.push({ keyword, rule, path, values, expect, errorAt: path });

  const types = declaredTypes(facets);
  if (types.size > 0) {
    const wrong: Record<string, unknown> = {
      string: 12345, integer: wire === 'parameter' ? 'abc' : 'x', number: wire === 'parameter' ? 'abc' : 'x',
      boolean: wire === 'parameter' ? 'abc' : 'true', array: {}, object: [], null: 'x',
    };
    const options = [...[...types].map((t) => wrong[t]), 12345, 'x', true, {}, []];
    const value = options.find((v) => v !== undefined && !typeAllowed(types, v));
    if (value !== undefined) {
      add('type', `type ${[...types].join('|')}→${jsonType(value) === 'integer' ? 'number' : jsonType(value)}`, [value]);
    }
  }
  if (wire === 'json' && !types.has('null') && facets.length > 0) add('null', 'null not allowed', [null], ['type', 'enum', 'const']);

  for (const list of stated<unknown[]>(facets, 'enum')) {
    if (!Array.isArray(list)) continue;
    const tries = list.every((v) => typeof v === 'number')
      ? [(list as number[]).reduce((a, b) => (b > a ? b : a), -Infinity) + 1] // no spread: an enum may hold 200,000 values
      : ['not_in_enum', 'x', '', 987654321].filter((v) => !list.includes(v));
    add('enum', `enum (${list.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join('|')})`, tries);
  }
  // The valid value with its letters in the other case, where the enum or pattern refuses it: both
  // match case-sensitively, so a server that folds case accepts what the document does not
  // ('FEMALE' for 'female', 'SA_…' for 'sa_…'). A pattern that takes either case gives no case.
  const swapped = typeof base === 'string' ? swapLetterCase(base) : undefined;
  for (const list of stated<unknown[]>(facets, 'enum')) {
    if (!Array.isArray(list) || typeof base !== 'string' || swapped === base || list.includes(swapped)) continue;
    add('enum-letter-case', `enum (${list.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join('|')}) in another letter case`, [swapped], ['enum']);
  }
  for (const c of stated(facets, 'const')) {
    const tries = typeof c === 'boolean' ? [!c] : typeof c === 'number' ? [c + 1] : typeof c === 'string' ? [`${c}_x`, 'x'] : ['x', 0];
    add('const', `const ${JSON.stringify(c)}`, tries);
  }

  const text = typeof base === 'string' ? base : undefined;
  for (const min of stated<number>(facets, 'minLength')) {
    if (min > 0) add('minLength', `minLength ${min}`, [...(text !== undefined ? [codePoints(text).slice(0, min - 1).join('')] : []), 'x'.repeat(min - 1)]);
  }
  for (const max of stated<number>(facets, 'maxLength')) {
    if (max >= MAX_BUILT_SIZE) {
      out.push(tooLarge('maxLength', `maxLength ${max}`, spot.path));
      continue;
    }
    const padded = text !== undefined && codePoints(text).length <= max ? [text + 'x'.repeat(max + 1 - codePoints(text).length)] : [];
    add('maxLength', `maxLength ${max}`, [...padded, 'x'.repeat(max + 1)]);
  }
  for (const pattern of stated<string>(facets, 'pattern')) {
    add('pattern', `pattern ${pattern}`, ['!', 'not valid', ...(text !== undefined ? ['#' + text, text + '#'] : []), '']);
  }
  for (const pattern of stated<string>(facets, 'pattern')) {
    if (swapped === undefined || swapped === base) continue;
    add('pattern-letter-case', `pattern ${pattern} in another letter case`, [swapped], ['pattern']);
  }
  for (const format of stated<string>(facets, 'format')) {
    const outOfRange = NUMBER_FORMAT_OUTSIDE[format];
    // A number format (int32, int64…) is broken by a number just outside its range, a text one by text.
    add('format', `format ${format}`, outOfRange && (types.has('integer') || types.has('number')) ? outOfRange : ['not valid', '!', '', ...(text !== undefined ? ['#' + text] : [])]);
  }

  const num = typeof base === 'number' ? base : undefined;
  for (const min of stated<number>(facets, 'minimum')) add('minimum', `minimum ${min}`, [min - 1]);
  for (const min of stated<number>(facets, 'exclusiveMinimum')) add('exclusiveMinimum', `exclusiveMinimum ${min}`, [min]);
  for (const max of stated<number>(facets, 'maximum')) add('maximum', `maximum ${max}`, [max + 1]);
  for (const max of stated<number>(facets, 'exclusiveMaximum')) add('exclusiveMaximum', `exclusiveMaximum ${max}`, [max]);
  for (const step of stated<number>(facets, 'multipleOf')) {
    add('multipleOf', `multipleOf ${step}`, [...(num !== undefined ? [num + step / 2, num + 1] : []), step / 2, step * 1.5]);
  }
  if (types.has('integer') && !types.has('number')) {
    const low = stated<number>(facets, 'minimum')[0];
    add('integer', 'integer', [1.5, ...(num !== undefined ? [num + 0.5] : []), ...(low !== undefined ? [low + 0.5] : [])], ['type']);
  }
}

function arrayCandidates(walker: SchemaWalker, out: Candidate[], spot: Spot, items: unknown[]): void {
  const { facets, path } = spot;
  const add = (keyword: string, rule: string, value: unknown[], control?: unknown) =>
    out.push({ keyword, rule, path, values: [value], expect: [keyword], errorAt: path, ...(control !== undefined ? { control } : {}) });

  for (const min of stated<number>(facets, 'minItems')) if (min > 0 && items.length >= min) add('minItems', `minItems ${min}`, items.slice(0, min - 1));
  const unique = stated(facets, 'uniqueItems').includes(true);
  for (const max of stated<number>(facets, 'maxItems')) {
    if (items.length === 0 || items.length > max) continue;
    if (max >= MAX_BUILT_SIZE) {
      out.push(tooLarge('maxItems', `maxItems ${max}`, path));
      continue;
    }
    const longer = [...items, ...fillerItems(walker, facets, items[0], max + 1 - items.length, unique, items)];
    add('maxItems', `maxItems ${max}`, longer, withValueAt(spot.root, path, longer.slice(0, max)));
  }
  if (unique && items.length > 0) {
    const maxItems = Math.min(...stated<number>(facets, 'maxItems'));
    if (items.length < maxItems) add('uniqueItems', 'uniqueItems', [...items, structuredClone(items[0])]);
    else if (items.length >= 2) add('uniqueItems', 'uniqueItems', [items[0], structuredClone(items[0]), ...items.slice(2)]);
  }
}

// `count` more items like `sample`: fresh uuids for `format: uuid` items, the enum's other values
// when items must be unique and it has enough, varied copies when items must be unique, else copies.
function fillerItems(walker: SchemaWalker, facets: Facet[], sample: unknown, count: number, unique: boolean, items: unknown[] = []): unknown[] {
  const itemFacets = walker.itemFacets(facets, 0, sample);
  const [enumValues] = stated<unknown[]>(itemFacets, 'enum');
  if (unique && Array.isArray(enumValues)) {
    const unused = enumValues.filter((v) => !items.some((item) => JSON.stringify(item) === JSON.stringify(v)));
    if (unused.length >= count) return unused.slice(0, count).map((v) => structuredClone(v));
  }
  if (typeof sample === 'string' && stated(itemFacets, 'format').includes('uuid')) return Array.from({ length: count }, () => randomUUID());
  if (!unique || sample === null || typeof sample === 'boolean') {
    return isObject(sample) || Array.isArray(sample) ? Array.from({ length: count }, () => structuredClone(sample)) : new Array<unknown>(count).fill(sample);
  }
  if (typeof sample === 'number') return Array.from({ length: count }, (_, i) => sample + i + 1);
  if (typeof sample === 'string') return Array.from({ length: count }, (_, i) => `${sample}${i + 1}`);
  return Array.from({ length: count }, (_, i) => (isObject(sample) ? { ...structuredClone(sample), [`${UNKNOWN_PROPERTY}_${i}`]: i } : [...structuredClone(sample as unknown[]), i]));
}

function objectCandidates(walker: SchemaWalker, out: Candidate[], spot: Spot, object: Record<string, unknown>): void {
  const { facets, path } = spot;
  const required = new Set(stated<string[]>(facets, 'required').flat());
  for (const name of required) {
    if (spot.skipReadOnly && readOnly(walker.propertyFacets(facets, name, ABSENT))) continue;
    if (Object.hasOwn(object, name)) out.push({ keyword: 'required', rule: `required ${name}`, path: [...path, name], values: [DELETE], expect: ['required'], errorAt: path });
  }
  for (const keyword of ['additionalProperties', 'unevaluatedProperties']) {
    if (stated(facets, keyword).includes(false) && !Object.hasOwn(object, UNKNOWN_PROPERTY)) {
      out.push({ keyword, rule: `${keyword} false`, path: [...path, UNKNOWN_PROPERTY], values: ['x'], expect: [keyword], errorAt: path });
    }
  }
  const whole = (keyword: string, rule: string, value: Record<string, unknown>) =>
    out.push({ keyword, rule, path, values: [value], expect: [keyword], errorAt: path });
  for (const min of stated<number>(facets, 'minProperties')) {
    if (min <= 0 || required.size > min - 1) continue;
    const names = Object.keys(object).sort((a, b) => Number(required.has(b)) - Number(required.has(a))).slice(0, min - 1);
    whole('minProperties', `minProperties ${min}`, Object.fromEntries(names.map((n) => [n, object[n]])));
  }
  for (const max of stated<number>(facets, 'maxProperties')) {
    if (max >= MAX_BUILT_SIZE) {
      out.push(tooLarge('maxProperties', `maxProperties ${max}`, path));
      continue;
    }
    const bigger: Record<string, unknown> = { ...object };
    for (const name of declaredProperties(facets)) {
      if (Object.keys(bigger).length > max) break;
      if (Object.hasOwn(bigger, name)) continue;
      const sample = sampleValue(walker, walker.propertyFacets(facets, name, ABSENT));
      if (sample !== undefined) bigger[name] = sample;
    }
    for (let i = 0; Object.keys(bigger).length <= max; i++) bigger[`${UNKNOWN_PROPERTY}_${i}`] = 'x';
    whole('maxProperties', `maxProperties ${max}`, bigger);
  }
  oneOfCandidates(walker, out, spot, object);
}

// For a value that matches one branch of a `oneOf`: add the one required property another branch
// lacks, so that the value now matches none or several (e.g. `id` together with `bulk`).
function oneOfCandidates(walker: SchemaWalker, out: Candidate[], spot: Spot, object: Record<string, unknown>): void {
  for (const f of spot.facets) {
    if (!Array.isArray(f.schema.oneOf)) continue;
    f.schema.oneOf.forEach((branch, i) => {
      const pointer = childPointer(f.pointer, 'oneOf', i);
      if (walker.matches(pointer, object)) return;
      const branchFacets = walker.facets(pointer, ABSENT);
      const missing = [...new Set(stated<string[]>(branchFacets, 'required').flat())].filter((n) => !Object.hasOwn(object, n));
      if (missing.length !== 1) return;
      const name = missing[0]!;
      const propertyFacets = walker.propertyFacets(branchFacets, name, ABSENT);
      const sample = sampleValue(walker, propertyFacets);
      if (sample === undefined || !propertyFacets.every((p) => walker.matches(p.pointer, sample))) return;
      const label = isObject(branch) && typeof branch.$ref === 'string' ? branch.$ref.split('/').pop() : `oneOf/${i}`;
      out.push({ keyword: 'oneOf', rule: `oneOf (${name} of ${label})`, path: [...spot.path, name], values: [sample], expect: ['oneOf'], errorAt: spot.path });
    });
  }
}
