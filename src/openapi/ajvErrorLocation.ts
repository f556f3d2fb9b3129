// Where in the document an ajv compile error is. ajv names places by its own URIs (the document
// is registered under DOCUMENT_ID, see schemaValidator.ts) and some errors (a bad regular
// expression) name no place at all; these helpers turn both into a JSON pointer into the document.

import type { Ajv2020 } from 'ajv/dist/2020.js';
import { childPointer, getAtPointer, isObject, isRef, refToPointer } from './jsonPointer.js';
import { VALUE_KEYWORDS } from './valueKeywords.js';

/** The ids the document and its container are registered under in ajv; `.invalid` can't clash. */
export const CONTAINER_ID = 'https://openapi.invalid/container.json';
export const DOCUMENT_ID = 'https://openapi.invalid/document.json';
const CONTAINER_DOC_PREFIX = '#/$defs/doc';

/**
 * The document pointer an ajv URI or schema path names: `https://openapi.invalid/document.json#/components/schemas/A%20B`
 * and `https://openapi.invalid/container.json#/$defs/doc/components/schemas/A%20B` both give
 * `#/components/schemas/A B`; a bare `#/…` (a `$ref` value) is decoded the same way. Undefined
 * for anything else.
 */
export function documentPointerFromAjvUri(uri: string): string | undefined {
  let fragment: string | undefined;
  if (uri.startsWith(DOCUMENT_ID)) fragment = uri.slice(DOCUMENT_ID.length) || '#';
  else if (uri.startsWith(CONTAINER_ID)) {
    const rest = uri.slice(CONTAINER_ID.length);
    if (!rest.startsWith(CONTAINER_DOC_PREFIX)) return undefined;
    fragment = '#' + rest.slice(CONTAINER_DOC_PREFIX.length);
  } else if (uri.startsWith('#')) fragment = uri;
  if (fragment === undefined || !(fragment === '#' || fragment.startsWith('#/'))) return undefined;
  return refToPointer(fragment);
}

/** `message` with ajv's internal URIs replaced by document pointers (and "from id <document>" dropped). */
export function rewriteAjvMessage(message: string): string {
  return message
    .replace(/ from id https:\/\/openapi\.invalid\/(document|container)\.json(#\S*)?/g, '')
    .replace(/https:\/\/openapi\.invalid\/(document|container)\.json(#[^\s"']*)?/g, (uri) => documentPointerFromAjvUri(uri) ?? uri);
}

/** One schema reachable from the compiled root, with the pointer it sits at. */
interface Reached {
  node: Record<string, unknown>;
  pointer: string;
  /** A map of names to schemas (`properties`…), not a schema itself. */
  map: boolean;
}

const MAP_KEYS = new Set(['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas']);

/** Every object reachable from the schema at `rootPointer`, following internal `$ref`s, each once. */
function reachableObjects(doc: unknown, rootPointer: string): Reached[] {
  const out: Reached[] = [];
  const seen = new Set<string>();
  type Item = { value: unknown; pointer: string; map: boolean };
  const stack: Item[] = [{ value: getAtPointer(doc, rootPointer), pointer: rootPointer, map: false }];
  while (stack.length > 0) {
    const { value, pointer, map } = stack.pop() as Item;
    if (seen.has(pointer)) continue;
    seen.add(pointer);
    if (Array.isArray(value)) {
      value.forEach((item, i) => stack.push({ value: item, pointer: childPointer(pointer, i), map: false }));
      continue;
    }
    if (!isObject(value)) continue;
    out.push({ node: value, pointer, map });
    for (const [key, child] of Object.entries(value)) {
      // In a map every key is a name, whatever it spells; elsewhere data keywords are skipped.
      if (map || !VALUE_KEYWORDS.has(key)) stack.push({ value: child, pointer: childPointer(pointer, key), map: !map && MAP_KEYS.has(key) });
    }
    if (isRef(value) && value.$ref.startsWith('#')) {
      const target = refToPointer(value.$ref);
      stack.push({ value: getAtPointer(doc, target), pointer: target, map: false });
    }
  }
  return out;
}

/**
 * The document pointer of what made compiling the schema at `schemaPointer` fail with `error`:
 * the `$ref` that does not resolve, the `pattern` that is not a regular expression, or (with
 * `ajv`, whose meta-schema is used) the first keyword of a reachable schema that is not valid
 * JSON Schema. Falls back to `schemaPointer`.
 */
export function locateCompileError(doc: unknown, schemaPointer: string, error: unknown, ajv?: Ajv2020): string {
  const message = error instanceof Error ? error.message : String(error);
  const reached = reachableObjects(doc, schemaPointer);

  const missing = /can't resolve reference (\S+)/.exec(message)?.[1];
  if (missing !== undefined) {
    const wanted = documentPointerFromAjvUri(missing) ?? missing;
    const holder = reached.find((r) => isRef(r.node) && (r.node.$ref === missing || safePointer(r.node.$ref) === wanted));
    if (holder) return childPointer(holder.pointer, '$ref');
  }

  const pattern = /Invalid regular expression: \/(.*)\/[a-z]*: /.exec(message)?.[1];
  if (pattern !== undefined) {
    for (const r of reached) {
      if (r.node.pattern === pattern) return childPointer(r.pointer, 'pattern');
      if (isObject(r.node.patternProperties) && Object.hasOwn(r.node.patternProperties, pattern)) {
        return childPointer(r.pointer, 'patternProperties', pattern);
      }
    }
  }

  if (ajv) {
    for (const r of reached) {
      if (r.map || !looksLikeSchema(r.node)) continue;
      if (!ajv.validateSchema(r.node)) {
        const first = ajv.errors?.[0];
        return first ? r.pointer + first.instancePath.replace(/^\/?/, first.instancePath ? '/' : '') : r.pointer;
      }
    }
  }
  return schemaPointer;
}

// Only nodes at schema positions are checked against the meta-schema: the root and `$ref`
// targets are schemas, and so is any object with a JSON Schema keyword.
function looksLikeSchema(node: Record<string, unknown>): boolean {
  return ['type', '$ref', 'properties', 'items', 'allOf', 'anyOf', 'oneOf', 'enum', 'format', 'pattern', 'required'].some((k) => k in node);
}

function safePointer(ref: string): string | undefined {
  try {
    return refToPointer(ref);
  } catch {
    return undefined;
  }
}
