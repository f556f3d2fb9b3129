// OpenAPI 3.0.x → 3.1.0, converted by hand so that every schema keeps its 3.0 meaning under JSON
// Schema 2020-12. (`@scalar/openapi-upgrader` was considered: it requires Node >= 22, leaves some
// `nullable` beside `oneOf`/`anyOf` and turns a media type's `example` into a named example, so
// the fix-ups would be as long as the conversion.)
//
// What changes, and only in Schema Objects:
// - `nullable: true` → `null` added to `type` (and to `enum`, when there is one); beside
//   `oneOf`/`anyOf`/`allOf` or a `$ref`, the schema becomes `anyOf: [<it>, { type: 'null' }]`.
// - boolean `exclusiveMinimum`/`exclusiveMaximum` → the number form (`minimum` moved into it).
// - `example` → `examples: [example]`.
// - siblings of `$ref` are ignored in 3.0; validation keywords beside a `$ref` are dropped so 3.1
//   does not start applying them (annotations such as `description` are kept).
// Media type, parameter and header `example`s are valid 3.1 and are left alone.

import { isObject } from './jsonPointer.js';
import type { OpenApiDocument } from './loadDocument.js';
import { VALUE_KEYWORDS } from './valueKeywords.js';

/** The version written into an upgraded document. */
export const UPGRADED_VERSION = '3.1.0';

const SUBSCHEMA_KEYWORDS = ['items', 'additionalProperties', 'not'];
const SUBSCHEMA_LIST_KEYWORDS = ['allOf', 'anyOf', 'oneOf'];
const SUBSCHEMA_MAP_KEYWORDS = ['properties', 'patternProperties'];
// Kept beside a `$ref`: they annotate, they don't validate.
const REF_SIBLINGS_KEPT = new Set(['$ref', 'description', 'summary', 'title', 'readOnly', 'writeOnly', 'deprecated', 'default', 'examples']);
// Not walked outside schemas: values, not OpenAPI structure (an example may contain a `schema` key).

/** Whether `doc.openapi` is a 3.0.x version. */
export function isOpenApi30(doc: { openapi?: unknown }): boolean {
  return typeof doc.openapi === 'string' && /^3\.0\.\d+(-[0-9A-Za-z.-]+)?$/.test(doc.openapi);
}

/**
 * A 3.1 copy of a 3.0.x document (see the module comment for what changes); a document of any
 * other version is returned as it is, the same object. `doc` itself is never modified.
 */
export function upgradeDocument<T extends { openapi?: unknown }>(doc: T): T | OpenApiDocument {
  if (!isOpenApi30(doc)) return doc;
  const copy = structuredClone(doc) as Record<string, unknown>;
  copy.openapi = UPGRADED_VERSION;
  walkStructure(copy, []);
  return copy as OpenApiDocument;
}

// Walks the non-schema part of the document; every `schema` value and every entry of
// `components.schemas` is converted in place.
function walkStructure(node: unknown, path: string[]): void {
  if (Array.isArray(node)) {
    node.forEach((item) => walkStructure(item, path));
    return;
  }
  if (!isObject(node)) return;
  for (const [key, value] of Object.entries(node)) {
    if (key.startsWith('x-') || VALUE_KEYWORDS.has(key)) continue;
    if (key === 'schema') {
      node[key] = upgradeSchema(value);
    } else if (key === 'schemas' && path.length === 1 && path[0] === 'components' && isObject(value)) {
      for (const [name, schema] of Object.entries(value)) value[name] = upgradeSchema(schema);
    } else {
      walkStructure(value, [...path, key]);
    }
  }
}

/** The 3.1 form of one 3.0 Schema Object and its subschemas; a new object, `schema` is untouched. */
export function upgradeSchema(schema: unknown): unknown {
  if (!isObject(schema)) return schema;
  const out: Record<string, unknown> = { ...schema };

  for (const keyword of SUBSCHEMA_KEYWORDS) if (keyword in out) out[keyword] = upgradeSchema(out[keyword]);
  for (const keyword of SUBSCHEMA_LIST_KEYWORDS) {
    const list = out[keyword];
    if (Array.isArray(list)) out[keyword] = list.map(upgradeSchema);
  }
  for (const keyword of SUBSCHEMA_MAP_KEYWORDS) {
    const map = out[keyword];
    if (isObject(map)) out[keyword] = Object.fromEntries(Object.entries(map).map(([k, v]) => [k, upgradeSchema(v)]));
  }

  if ('example' in out) {
    if (!('examples' in out)) out.examples = [out.example];
    delete out.example;
  }
  upgradeExclusiveBound(out, 'exclusiveMinimum', 'minimum');
  upgradeExclusiveBound(out, 'exclusiveMaximum', 'maximum');

  const nullable = out.nullable === true;
  delete out.nullable;

  if (typeof out.$ref === 'string') {
    for (const key of Object.keys(out)) if (!REF_SIBLINGS_KEPT.has(key) && !key.startsWith('x-')) delete out[key];
    if (!nullable) return out;
    const { $ref, ...annotations } = out;
    return { ...annotations, anyOf: [{ $ref }, { type: 'null' }] };
  }
  if (!nullable) return out;
  // Beside a combinator, `null` must be an alternative of the whole schema: each branch of a
  // `oneOf` may still say `type: object`, which `null` added to the outer `type` would not undo.
  if (SUBSCHEMA_LIST_KEYWORDS.some((k) => k in out)) return { anyOf: [out, { type: 'null' }] };
  if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
  if (typeof out.type === 'string') out.type = [out.type, 'null'];
  else if (Array.isArray(out.type) && !out.type.includes('null')) out.type = [...out.type, 'null'];
  // No `type`: the schema already admits null (unless `enum` said otherwise, handled above).
  return out;
}

export function upgradeExclusiveBound(schema: Record<string, unknown>, exclusive: string, inclusive: string): void {
  const flag = schema[exclusive];
  if (typeof flag !== 'boolean') return;
  if (flag && typeof schema[inclusive] === 'number') {
    schema[exclusive] = schema[inclusive];
    delete schema[inclusive];
  } else {
    delete schema[exclusive];
  }
}
