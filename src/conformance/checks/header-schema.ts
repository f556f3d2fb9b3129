import { ABSENT, createSchemaWalker, declaredTypes, type Facet, type SchemaWalker } from '../cases/schemaWalk.js';
import { isObject } from '../../openapi/jsonPointer.js';
import type { Check } from './check.js';

/** What the schema at a spot of a header value declares: its types, and its items' and properties' spots. */
interface Spot {
  types: Set<string>;
  item(index: number): Spot;
  property(name: string): Spot;
}

/** A spot read with the schema walker: `$ref`s, `allOf`/`anyOf`/`oneOf` branches followed. */
function walkedSpot(walker: SchemaWalker, facets: Facet[]): Spot {
  return {
    types: declaredTypes(facets),
    item: (index) => walkedSpot(walker, walker.itemFacets(facets, index, ABSENT)),
    property: (name) => walkedSpot(walker, walker.propertyFacets(facets, name, ABSENT)),
  };
}

/** A spot read from the schema object alone (no document to follow `$ref`s in). */
function plainSpot(schema: unknown): Spot {
  const s = isObject(schema) ? schema : {};
  const type = s.type;
  return {
    types: new Set((Array.isArray(type) ? type : [type]).filter((t): t is string => typeof t === 'string')),
    item: () => plainSpot(s.items),
    property: (name) => plainSpot(isObject(s.properties) && s.properties[name] !== undefined ? s.properties[name] : s.additionalProperties),
  };
}

/** A scalar header text as the type its spot declares (`'30'` → 30 for an integer header). */
function coerceScalar(value: string, spot: Spot): unknown {
  if ((spot.types.has('integer') || spot.types.has('number')) && /^-?\d+(\.\d+)?$/.test(value.trim())) return Number(value);
  if (spot.types.has('boolean') && /^(true|false)$/.test(value)) return value === 'true';
  return value;
}

/**
 * A header's text read as its schema's type, as the `simple` style writes it (the only style a
 * header has): an array from `a,b`, an object from `k,v,k2,v2` (`k=v,k2=v2` when `explode`), a
 * scalar coerced.
 */
function readHeader(value: string, spot: Spot, explode: boolean): unknown {
  const parts = () => (value.trim() === '' ? [] : value.split(',').map((part) => part.trim()));
  if (spot.types.has('array') && !spot.types.has('string')) return parts().map((part, i) => coerceScalar(part, spot.item(i)));
  if (spot.types.has('object') && !spot.types.has('string')) {
    const list = parts();
    const pairs: string[][] = [];
    if (explode) for (const part of list) pairs.push(part.split('='));
    else for (let i = 0; i < list.length; i += 2) pairs.push(list.slice(i, i + 2));
    return Object.fromEntries(pairs.map(([k = '', v = '']) => [k, coerceScalar(v, spot.property(k))]));
  }
  return coerceScalar(value, spot);
}

/** Every documented header that is present is valid against its schema. */
export const headerSchema: Check = {
  id: 'header-schema',
  description: 'present response headers are valid against their schemas',
  appliesTo: ({ statusKey }) => statusKey !== undefined,
  run: ({ operation, statusKey, response, validator, redact, doc }) => {
    const walker = doc ? createSchemaWalker(validator, doc) : undefined;
    return Object.entries(operation.responseHeaders(statusKey as string)).flatMap(([name, header]) => {
      const value = response.headers[name.toLowerCase()];
      if (value === undefined || header.value.schema === undefined) return [];
      const pointer = `${header.pointer}/schema`;
      const spot = walker ? walkedSpot(walker, walker.facets(pointer, ABSENT)) : plainSpot(header.value.schema);
      return validator.validate(pointer, readHeader(value, spot, header.value.explode === true)).map((error) => ({
        rule: 'header-schema' as const,
        message: `header '${name}: ${redact.excerpt(value, 200)}' ${error.message}`,
        actual: redact.excerpt(value, 200),
      }));
    });
  },
};
