/**
 * Prism builds a body it makes up from the examples of the schemas it walks (an allOf member's,
 * an item schema's), merging them with what it generates. Where one of those examples breaks its
 * own schema, the body holds the document's mistake without being equal to any example. This
 * finds the schema examples a response schema reaches that are invalid against their own schema,
 * and whether a body holds one (an object of the body that has all of the example's members, with
 * equal values: the merge may add others).
 */
import { isDeepStrictEqual } from 'node:util';
import { directionalErrors } from '../../cases/requestDirection.js';
import { createSchemaWalker, forEachSpot } from '../../cases/schemaWalk.js';
import { childPointer, getAtPointer, isObject, refToPointer } from '../../../openapi/jsonPointer.js';
import type { OpenApiDocument } from '../../../openapi/loadDocument.js';
import { errorsInWords, type SchemaValidator } from '../../../openapi/schemaValidator.js';
import { VALUE_KEYWORDS } from '../../../openapi/valueKeywords.js';

export interface InvalidExample {
  pointer: string;
  value: Record<string, unknown>;
  /** Why it is invalid, ajv's first errors in words. */
  words: string;
}

/** Schema nodes walked per response schema, and invalid examples kept: bounds for very large documents. */
const MAX_NODES = 20_000;
const MAX_EXAMPLES = 50;

/** Keywords whose value maps names to schemas. */
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas']);

const cache = new WeakMap<OpenApiDocument, Map<string, InvalidExample[]>>();

/** The object examples of schemas reachable from `schemaPointer` that their own schema rejects. */
export function invalidSchemaExamples(validator: SchemaValidator, doc: OpenApiDocument, schemaPointer: string): InvalidExample[] {
  let known = cache.get(doc);
  if (!known) cache.set(doc, (known = new Map()));
  const cached = known.get(schemaPointer);
  if (cached) return cached;
  const found: InvalidExample[] = [];
  const seen = new Set<string>([schemaPointer]);
  // `map`: the node is a map of schemas by name (`properties`…), whose members named `example` are schemas, not examples.
  const stack: { at: string; map: boolean }[] = [{ at: schemaPointer, map: false }];
  let nodes = 0;
  while (stack.length > 0 && nodes < MAX_NODES && found.length < MAX_EXAMPLES) {
    const { at, map } = stack.pop()!;
    const node = getAtPointer(doc, at);
    nodes++;
    if (Array.isArray(node)) {
      node.forEach((_, i) => push(childPointer(at, i)));
      continue;
    }
    if (!isObject(node)) continue;
    if (map) {
      for (const key of Object.keys(node)) push(childPointer(at, key));
      continue;
    }
    if (typeof node.$ref === 'string' && node.$ref.startsWith('#')) push(refToPointer(node.$ref));
    // 2020-12's `examples`, and OpenAPI's own `example`, which a 3.1 Schema Object keeps (deprecated, not gone).
    const examples = Array.isArray(node.examples) ? node.examples.map((value, i) => [childPointer(at, 'examples', i), value] as const) : [];
    if (node.example !== undefined) examples.push([childPointer(at, 'example'), node.example] as const);
    for (const [pointer, value] of examples) {
      if (!isObject(value)) continue;
      const errors = directionalErrors(validator, doc, at, value, 'response');
      if (errors.length > 0) found.push({ pointer, value, words: errorsInWords(errors) });
    }
    for (const key of Object.keys(node)) if (!VALUE_KEYWORDS.has(key) && key !== '$ref') push(childPointer(at, key), SCHEMA_MAPS.has(key));
  }
  known.set(schemaPointer, found);
  return found;

  function push(pointer: string, map = false): void {
    if (seen.has(pointer)) return;
    seen.add(pointer);
    stack.push({ at: pointer, map });
  }
}

/** The first invalid example `body` holds, with the instance path of the object holding it, or undefined. */
export function heldExample(body: unknown, examples: readonly InvalidExample[]): { example: InvalidExample; at: string } | undefined {
  if (examples.length === 0) return undefined;
  const stack: [unknown, string][] = [[body, '']];
  let visited = 0;
  while (stack.length > 0 && visited < MAX_NODES) {
    const [value, at] = stack.pop()!;
    visited++;
    if (Array.isArray(value)) {
      value.forEach((item, i) => stack.push([item, `${at}/${i}`]));
      continue;
    }
    if (!isObject(value)) continue;
    const example = examples.find((e) => Object.entries(e.value).every(([k, v]) => Object.hasOwn(value, k) && isDeepStrictEqual(value[k], v)));
    if (example) return { example, at };
    for (const [k, v] of Object.entries(value)) stack.push([v, childPointer(at, k)]);
  }
  return undefined;
}

/**
 * The first spot of `body` holding a scalar (or array) example of a schema that constrains that
 * very spot, where the example breaks that schema (`include_message: { type: boolean, example:
 * "true" }`, answered as `"true"`): Prism writes a property's own example there. Only an equal
 * value at the example's own spot counts, so a body that merely holds another invalid value is
 * not explained away.
 */
export function heldSpotExample(validator: SchemaValidator, doc: OpenApiDocument, schemaPointer: string, body: unknown): { pointer: string; at: string; words: string } | undefined {
  let found: { pointer: string; at: string; words: string } | undefined;
  let visited = 0;
  forEachSpot(createSchemaWalker(validator, doc), schemaPointer, body, (spot) => {
    if (found || ++visited > MAX_NODES || isObject(spot.value)) return;
    for (const facet of spot.facets) {
      const examples = Array.isArray(facet.schema.examples) ? facet.schema.examples.map((value, i) => [childPointer(facet.pointer, 'examples', i), value] as const) : [];
      if (facet.schema.example !== undefined) examples.push([childPointer(facet.pointer, 'example'), facet.schema.example] as const);
      const held = examples.find(([, value]) => isDeepStrictEqual(value, spot.value));
      if (!held) continue;
      let errors;
      try {
        errors = validator.validate(facet.pointer, spot.value);
      } catch {
        continue;
      }
      if (errors.length === 0) continue;
      found = { pointer: held[0], at: spot.instancePath, words: errorsInWords(errors) };
      return;
    }
  });
  return found;
}
