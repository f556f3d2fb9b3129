/**
 * `readOnly` and `writeOnly` as OpenAPI means them: a property marked `readOnly` is only in
 * responses, so a request need not send it even when `required` lists it; one marked `writeOnly`
 * is only in requests, so a response need not carry it. ajv knows neither: these helpers drop the
 * `required` errors such a property causes (and the combinator errors that only repeat them).
 */
import type { OpenApiDocument } from '../../openapi/loadDocument.js';
import { decodePointer, isObject } from '../../openapi/jsonPointer.js';
import type { SchemaError, SchemaValidator } from '../../openapi/schemaValidator.js';
import { ABSENT, createSchemaWalker, stated, type Facet, type SchemaWalker } from './schemaWalk.js';

export type Direction = 'request' | 'response';

const COMBINATORS = new Set(['anyOf', 'oneOf', 'allOf', 'if', 'then', 'else', '$ref']);

/**
 * The facets of the spot at `instancePath` of `value` (valid or not), following the value; an
 * empty list where the path leaves the value. With `stop`, undefined as soon as the facets of the
 * spot or of one on the way to it satisfy it.
 */
export function facetsAt(walker: SchemaWalker, schemaPointer: string, value: unknown, instancePath: string): Facet[];
export function facetsAt(walker: SchemaWalker, schemaPointer: string, value: unknown, instancePath: string, stop: (facets: Facet[]) => boolean): Facet[] | undefined;
export function facetsAt(walker: SchemaWalker, schemaPointer: string, value: unknown, instancePath: string, stop?: (facets: Facet[]) => boolean): Facet[] | undefined {
  let facets = walker.facets(schemaPointer, value);
  let current: unknown = value;
  for (const token of instancePath === '' ? [] : decodePointer('#' + instancePath)) {
    if (stop?.(facets)) return undefined;
    if (Array.isArray(current)) {
      current = current[Number(token)];
      facets = walker.itemFacets(facets, Number(token), current);
    } else if (isObject(current)) {
      current = current[token];
      facets = walker.propertyFacets(facets, token, current);
    } else return stop ? undefined : [];
  }
  return stop?.(facets) ? undefined : facets;
}

/** Whether property `name` of the object at `instancePath` is marked `keyword` (`readOnly`/`writeOnly`). */
export function propertyMarked(walker: SchemaWalker, schemaPointer: string, value: unknown, instancePath: string, name: string, keyword: 'readOnly' | 'writeOnly'): boolean {
  const parent = facetsAt(walker, schemaPointer, value, instancePath);
  return stated(walker.propertyFacets(parent, name, ABSENT), keyword).includes(true);
}

/**
 * ajv's errors for `value` against the schema at `schemaPointer`, read for `direction`: without
 * the `required` errors of properties that direction does not carry. When only combinator errors
 * remain after some were dropped, the value is valid.
 */
export function directionalErrors(validator: SchemaValidator, doc: OpenApiDocument, schemaPointer: string, value: unknown, direction: Direction): SchemaError[] {
  return forDirection(validator, doc, schemaPointer, value, direction, validator.validate(schemaPointer, value));
}

/** `errors` (ajv's, for `value` at `schemaPointer`) read for `direction`, as `directionalErrors` reads its own. */
export function forDirection(validator: SchemaValidator, doc: OpenApiDocument, schemaPointer: string, value: unknown, direction: Direction, errors: SchemaError[]): SchemaError[] {
  if (errors.length === 0) return errors;
  const keyword = direction === 'request' ? 'readOnly' : 'writeOnly';
  const walker = createSchemaWalker(validator, doc);
  const kept = errors.filter((e) => !(e.keyword === 'required' && propertyMarked(walker, schemaPointer, value, e.instancePath, String(e.params.missingProperty), keyword)));
  if (kept.length < errors.length && kept.every((e) => COMBINATORS.has(e.keyword))) return [];
  return kept;
}

/**
 * `directionalErrors` for a value that may break its schema very many times (a hostile answer):
 * only the first `max` of ajv's errors are read, and `total` counts the rest as errors too. When
 * none of the first `max` survive the direction's reading but more exist, every error is read, so
 * the bound never reports a valid value.
 */
export function directionalErrorsBounded(validator: SchemaValidator, doc: OpenApiDocument, schemaPointer: string, value: unknown, direction: Direction, max: number): { errors: SchemaError[]; total: number } {
  const first = validator.validateBounded(schemaPointer, value, max);
  const kept = forDirection(validator, doc, schemaPointer, value, direction, first.errors);
  if (first.total <= first.errors.length) return { errors: kept, total: kept.length };
  if (kept.every((e) => COMBINATORS.has(e.keyword))) {
    const all = directionalErrors(validator, doc, schemaPointer, value, direction);
    return { errors: all.slice(0, max), total: all.length };
  }
  return { errors: kept, total: kept.length + first.total - first.errors.length };
}

/**
 * `value` (a request body) without the properties its schema marks `readOnly`, at any depth:
 * OpenAPI says a request SHOULD NOT send them, and a server (Prism among them) may refuse one
 * where unknown properties are refused. The value itself is left as it is; a copy is returned.
 */
export function withoutReadOnly(validator: SchemaValidator, doc: OpenApiDocument, schemaPointer: string, value: unknown): unknown {
  const walker = createSchemaWalker(validator, doc);
  const strip = (at: unknown, facets: Facet[]): unknown => {
    if (Array.isArray(at)) return at.map((item, i) => strip(item, walker.itemFacets(facets, i, item)));
    if (!isObject(at)) return at;
    const out: Record<string, unknown> = {};
    for (const [name, child] of Object.entries(at)) {
      const childFacets = walker.propertyFacets(facets, name, child);
      if (stated(childFacets, 'readOnly').includes(true)) continue;
      out[name] = strip(child, childFacets);
    }
    return out;
  };
  return strip(value, walker.facets(schemaPointer, value));
}
