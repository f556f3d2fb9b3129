// The schema objects that constrain one spot of a value: follows `$ref` (keeping the keywords beside
// it, as OpenAPI 3.1 allows), `allOf` (every branch applies) and `oneOf` / `anyOf` (the branches the
// value matches; every branch when the spot is empty or nothing matches). `not`, `if`/`then`/`else`,
// `dependentSchemas` and `$dynamicRef` are not followed.
import { documentPattern } from '../../openapi/linearRegExp.js';
import { childPointer, escapeToken, getAtPointer, isObject, refToPointer } from '../../openapi/jsonPointer.js';
import type { OpenApiDocument } from '../../openapi/loadDocument.js';
import type { SchemaValidator } from '../../openapi/schemaValidator.js';

/** One schema object that applies at a spot, with its pointer in the document. */
export interface Facet {
  schema: Record<string, unknown>;
  pointer: string;
}

/** Marks a spot the value leaves empty (an optional property that is absent). */
export const ABSENT: unique symbol = Symbol('absent');
export type SpotValue = unknown | typeof ABSENT;

export interface SchemaWalker {
  /** The facets of the schema at `pointer` for `value`. */
  facets(pointer: string, value: SpotValue): Facet[];
  /** The facets of property `name` of an object whose facets are `parent`. */
  propertyFacets(parent: Facet[], name: string, value: SpotValue): Facet[];
  /** The facets of the item at `index` of an array whose facets are `parent`. */
  itemFacets(parent: Facet[], index: number, value: SpotValue): Facet[];
  /** Whether `value` is valid against the schema at `pointer` (true when ajv cannot compile it alone). */
  matches(pointer: string, value: unknown): boolean;
}

export function createSchemaWalker(validator: SchemaValidator, doc: OpenApiDocument): SchemaWalker {
  function matches(pointer: string, value: unknown): boolean {
    try {
      return validator.validate(pointer, value).length === 0;
    } catch {
      return true; // e.g. a branch strict mode rejects out of context: let verification decide
    }
  }

  function expand(pointer: string, value: SpotValue, out: Facet[], seen: Set<string>): void {
    if (seen.has(pointer)) return;
    seen.add(pointer);
    const schema = getAtPointer(doc, pointer);
    if (!isObject(schema)) return; // `true`, `false` or missing: nothing to break one rule of
    out.push({ schema, pointer });
    if (typeof schema.$ref === 'string') {
      const target = refToPointer(schema.$ref);
      if (getAtPointer(doc, target) === undefined) throw new Error(`Unresolvable $ref "${schema.$ref}" at ${pointer}`);
      expand(target, value, out, seen);
    }
    if (Array.isArray(schema.allOf)) schema.allOf.forEach((_, i) => expand(childPointer(pointer, 'allOf', i), value, out, seen));
    for (const keyword of ['oneOf', 'anyOf'] as const) {
      const branches = schema[keyword];
      if (!Array.isArray(branches)) continue;
      const all = branches.map((_, i) => childPointer(pointer, keyword, i));
      const chosen = value === ABSENT ? all : all.filter((p) => matches(p, value));
      for (const p of chosen.length > 0 ? chosen : all) expand(p, value, out, seen);
    }
  }

  function facets(pointer: string, value: SpotValue): Facet[] {
    const out: Facet[] = [];
    expand(pointer, value, out, new Set());
    return out;
  }

  function propertyFacets(parent: Facet[], name: string, value: SpotValue): Facet[] {
    const declared = parent.filter((f) => isObject(f.schema.properties) && Object.hasOwn(f.schema.properties, name));
    const pointers = declared.map((f) => childPointer(f.pointer, 'properties', name));
    for (const f of parent) {
      if (!isObject(f.schema.patternProperties)) continue;
      for (const pattern of Object.keys(f.schema.patternProperties)) {
        if (documentPattern(pattern)?.test(name)) pointers.push(childPointer(f.pointer, 'patternProperties', pattern));
      }
    }
    if (declared.length === 0) {
      for (const f of parent) if (isObject(f.schema.additionalProperties)) pointers.push(childPointer(f.pointer, 'additionalProperties'));
    }
    return pointers.flatMap((p) => facets(p, value));
  }

  function itemFacets(parent: Facet[], index: number, value: SpotValue): Facet[] {
    return parent.flatMap((f) => {
      const prefix = f.schema.prefixItems;
      if (Array.isArray(prefix) && index < prefix.length) return facets(childPointer(f.pointer, 'prefixItems', index), value);
      return isObject(f.schema.items) ? facets(childPointer(f.pointer, 'items'), value) : [];
    });
  }

  return { facets, propertyFacets, itemFacets, matches };
}

/** Property names the facets declare under `properties`, in order of first mention. */
export function declaredProperties(facets: Facet[]): string[] {
  const names = new Set<string>();
  for (const f of facets) if (isObject(f.schema.properties)) for (const name of Object.keys(f.schema.properties)) names.add(name);
  return [...names];
}

/** The JSON types the facets declare (`type: x` or `type: [x, y]`); empty when none says. */
export function declaredTypes(facets: Facet[]): Set<string> {
  const types = new Set<string>();
  for (const f of facets) {
    const t = f.schema.type;
    for (const name of Array.isArray(t) ? t : [t]) if (typeof name === 'string') types.add(name);
  }
  return types;
}

/** The JSON Schema type of a value (`integer` for a whole number). */
function typeOfValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/**
 * The types a parameter's text is read as: those its facets declare, or, where none declares a
 * type, those of the values its `enum` and `const` list (Vonage's `delivered`, `enum: [true,
 * false, 0, 1]` and no type: `true` is read as the boolean, `1` as the number, as its authors
 * meant; read as text, no value could ever match).
 */
export function parameterReadTypes(facets: Facet[]): Set<string> {
  const declared = declaredTypes(facets);
  if (declared.size > 0) return declared;
  const listed = [...stated<unknown[]>(facets, 'enum').filter(Array.isArray).flat(), ...stated(facets, 'const')];
  return new Set(listed.map(typeOfValue));
}

/** Values of `keyword` the facets state, in order (one per facet that states it). */
export function stated<T = unknown>(facets: Facet[], keyword: string): T[] {
  return facets.filter((f) => f.schema[keyword] !== undefined).map((f) => f.schema[keyword] as T);
}

/**
 * A plausible value for a spot, from what its facets say: `const`, the first `examples` entry,
 * `example`, `default`, the first `enum` value, else one built from `type` and bounds. Unchecked:
 * callers validate it where they use it. `undefined` when nothing sensible can be built.
 */
export function sampleValue(walker: SchemaWalker, facets: Facet[], depth = 0): unknown {
  for (const f of facets) {
    const s = f.schema;
    if (s.const !== undefined) return s.const;
    if (Array.isArray(s.examples) && s.examples.length > 0) return s.examples[0];
    if (s.example !== undefined) return s.example;
    if (s.default !== undefined) return s.default;
    if (Array.isArray(s.enum) && s.enum.length > 0) return s.enum[0];
  }
  if (depth > 5) return undefined;
  const types = declaredTypes(facets);
  const num = (keyword: string) => stated<number>(facets, keyword).find((n) => typeof n === 'number');
  if (types.has('string')) {
    if (stated(facets, 'pattern').length > 0 || stated(facets, 'format').length > 0) return undefined;
    return 'x'.repeat(Math.max(1, num('minLength') ?? 1));
  }
  if (types.has('integer') || types.has('number')) {
    const min = num('minimum') ?? (num('exclusiveMinimum') !== undefined ? Math.floor(num('exclusiveMinimum')!) + 1 : undefined);
    return min ?? Math.min(1, num('maximum') ?? 1);
  }
  if (types.has('boolean')) return true;
  if (types.has('array')) {
    const item = sampleValue(walker, walker.itemFacets(facets, 0, ABSENT), depth + 1);
    return item === undefined ? undefined : Array.from({ length: Math.max(1, num('minItems') ?? 1) }, () => structuredClone(item));
  }
  if (types.has('object')) {
    const result: Record<string, unknown> = {};
    for (const name of new Set(stated<string[]>(facets, 'required').flat())) {
      const value = sampleValue(walker, walker.propertyFacets(facets, name, ABSENT), depth + 1);
      if (value === undefined) return undefined;
      result[name] = value;
    }
    return result;
  }
  if (types.has('null')) return null;
  return undefined;
}

/** One spot of a value: where it is (a JSON pointer, `''` for the root), what is there, and the schemas that constrain it. */
export interface ValueSpot {
  instancePath: string;
  value: unknown;
  facets: Facet[];
}

/** Every spot of `value` (the root, then each item and property, depth first) with its facets under the schema at `pointer`. */
export function forEachSpot(walker: SchemaWalker, pointer: string, value: unknown, visit: (spot: ValueSpot) => void): void {
  const walk = (instancePath: string, at: unknown, facets: Facet[]) => {
    visit({ instancePath, value: at, facets });
    if (Array.isArray(at)) at.forEach((item, i) => walk(`${instancePath}/${i}`, item, walker.itemFacets(facets, i, item)));
    else if (isObject(at)) {
      for (const [name, child] of Object.entries(at)) walk(`${instancePath}/${escapeToken(name)}`, child, walker.propertyFacets(facets, name, child));
    }
  };
  walk('', value, walker.facets(pointer, value));
}
