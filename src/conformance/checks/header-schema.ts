import { ABSENT, createSchemaWalker, declaredTypes, type Facet, type SchemaWalker } from '../cases/schemaWalk.js';
import { isObject } from '../../openapi/jsonPointer.js';
import { isJsonMediaType } from '../../openapi/mediaTypes.js';
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

/**
 * A header declared with `content` (one media type and its schema, OpenAPI 3.1 §4.8.21) instead
 * of `schema`: the pointer of that schema and the value read as its media type says (parsed for a
 * JSON type, the text itself otherwise), or why the text is not of that type.
 */
function contentHeader(pointer: string, content: unknown, value: string): { pointer: string; value: unknown } | { error: string } | undefined {
  if (!isObject(content)) return undefined;
  const [mediaType, media] = Object.entries(content)[0] ?? [];
  if (mediaType === undefined || !isObject(media) || media.schema === undefined) return undefined;
  const schemaPointer = `${pointer}/content/${mediaType.replaceAll('~', '~0').replaceAll('/', '~1')}/schema`;
  if (!isJsonMediaType(mediaType)) return { pointer: schemaPointer, value };
  try {
    return { pointer: schemaPointer, value: JSON.parse(value) as unknown };
  } catch {
    return { error: `is not JSON (${mediaType}, as its content declares)` };
  }
}

/** Every documented header that is present is valid against its schema (or its `content`'s). */
export const headerSchema: Check = {
  id: 'header-schema',
  description: 'present response headers are valid against their schemas',
  appliesTo: ({ statusKey }) => statusKey !== undefined,
  run: ({ operation, statusKey, response, validator, redact, doc }) => {
    const walker = doc ? createSchemaWalker(validator, doc) : undefined;
    return Object.entries(operation.responseHeaders(statusKey as string)).flatMap(([name, header]) => {
      const value = response.headers[name.toLowerCase()];
      if (value === undefined) return [];
      const fail = (message: string) => ({ rule: 'header-schema' as const, message: `header '${name}: ${redact.excerpt(value, 200)}' ${message}`, actual: redact.excerpt(value, 200) });
      if (header.value.schema === undefined) {
        const read = contentHeader(header.pointer, header.value.content, value);
        if (read === undefined) return [];
        if ('error' in read) return [fail(read.error)];
        return validator.validate(read.pointer, read.value).map((error) => fail(`${error.instancePath ? `${error.instancePath.slice(1)} ` : ''}${error.message}`));
      }
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
