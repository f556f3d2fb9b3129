import { childPointer, isObject, resolveRef } from '../../openapi/jsonPointer.js';
import type { OpenApiDocument } from '../../openapi/loadDocument.js';
import type { Check } from './check.js';

/** The schema at `pointer`, its `$ref` followed once (a header's schema is often a component). */
function schemaAt(doc: OpenApiDocument | undefined, schema: unknown, pointer: string): Record<string, unknown> | undefined {
  if (!doc) return isObject(schema) ? schema : undefined;
  try {
    const resolved = resolveRef(doc, schema, pointer).value;
    return isObject(resolved) ? resolved : undefined;
  } catch {
    return isObject(schema) ? schema : undefined;
  }
}

/** A scalar header text as the type its schema declares (`'30'` → 30 for an integer header). */
function coerceScalar(value: string, schema: unknown): unknown {
  const type = isObject(schema) ? schema.type : undefined;
  const types = Array.isArray(type) ? type : [type];
  if ((types.includes('integer') || types.includes('number')) && /^-?\d+(\.\d+)?$/.test(value.trim())) return Number(value);
  if (types.includes('boolean') && /^(true|false)$/.test(value)) return value === 'true';
  return value;
}

/**
 * A header's text read as its schema's type, as the `simple` style writes it (the only style a
 * header has): an array from `a,b`, an object from `k,v,k2,v2` (`k=v,k2=v2` when `explode`), a
 * scalar coerced.
 */
function readHeader(value: string, schema: Record<string, unknown> | undefined, explode: boolean, doc: OpenApiDocument | undefined, pointer: string): unknown {
  const types = schema ? (Array.isArray(schema.type) ? schema.type : [schema.type]) : [];
  const parts = () => (value.trim() === '' ? [] : value.split(',').map((part) => part.trim()));
  if (types.includes('array') && !types.includes('string')) {
    const items = schema && schema.items !== undefined ? schemaAt(doc, schema.items, childPointer(pointer, 'items')) : undefined;
    return parts().map((part) => coerceScalar(part, items));
  }
  if (types.includes('object') && !types.includes('string')) {
    const pairs = explode ? parts().map((part) => part.split('=')) : chunk(parts());
    const member = (key: string) => {
      const declared = isObject(schema?.properties) ? schema.properties[key] : undefined;
      if (declared !== undefined) return schemaAt(doc, declared, childPointer(pointer, 'properties', key));
      return isObject(schema?.additionalProperties) ? schemaAt(doc, schema.additionalProperties, childPointer(pointer, 'additionalProperties')) : undefined;
    };
    return Object.fromEntries(pairs.map(([k = '', v = '']) => [k, coerceScalar(v, member(k))]));
  }
  return coerceScalar(value, schema);
}

function chunk(parts: string[]): string[][] {
  const out: string[][] = [];
  for (let i = 0; i < parts.length; i += 2) out.push(parts.slice(i, i + 2));
  return out;
}

/** Every documented header that is present is valid against its schema. */
export const headerSchema: Check = {
  id: 'header-schema',
  description: 'present response headers are valid against their schemas',
  appliesTo: ({ statusKey }) => statusKey !== undefined,
  run: ({ operation, statusKey, response, validator, redact, doc }) =>
    Object.entries(operation.responseHeaders(statusKey as string)).flatMap(([name, header]) => {
      const value = response.headers[name.toLowerCase()];
      if (value === undefined || header.value.schema === undefined) return [];
      const pointer = `${header.pointer}/schema`;
      const schema = schemaAt(doc, header.value.schema, pointer);
      return validator.validate(pointer, readHeader(value, schema, header.value.explode === true, doc, pointer)).map((error) => ({
        rule: 'header-schema' as const,
        message: `header '${name}: ${redact.excerpt(value, 200)}' ${error.message}`,
        actual: redact.excerpt(value, 200),
      }));
    }),
};
