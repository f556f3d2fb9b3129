import { getAtPointer, isObject, isRef, refToPointer } from '../../../openapi/jsonPointer.js';

/**
 * `value` as Prism reads it: Prism dereferences the whole document before it answers, so each
 * `{ "$ref": "#/…" }` inside an example (data, to OpenAPI) that names a part of the document is
 * answered as that part (PagerDuty's MCP examples). Undefined when `value` holds no such `$ref`.
 */
export function asPrismReadsIt(doc: unknown, value: unknown): unknown {
  let changed = false;
  // A `$ref` met again inside what it names is left as written: Prism's answer could not be finite there.
  const expanding = new Set<string>();
  const read = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(read);
    if (!isObject(node)) return node;
    if (isRef(node) && node.$ref.startsWith('#') && !expanding.has(node.$ref)) {
      const target = getAtPointer(doc, refToPointer(node.$ref));
      if (target !== undefined) {
        changed = true;
        expanding.add(node.$ref);
        const expanded = read(target);
        expanding.delete(node.$ref);
        return expanded;
      }
    }
    return Object.fromEntries(Object.entries(node).map(([key, member]) => [key, read(member)]));
  };
  const result = read(value);
  return changed ? result : undefined;
}
