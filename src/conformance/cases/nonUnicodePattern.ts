/**
 * Whether a schema (with everything it `$ref`s) holds a `pattern` that is not a valid regular
 * expression under the `u` flag (`^[\w-.]+$`, `\:`). The foreign-mode ajv compiles such a pattern
 * without the flag; Prism does not validate a value against a schema that holds one at all (seen
 * on DigitalOcean's `tag_id`: neither its pattern nor its maxLength is checked), so a negative
 * case about that schema cannot be proven on the mock.
 */
import { getAtPointer, isObject, refToPointer } from '../../openapi/jsonPointer.js';
import type { OpenApiDocument } from '../../openapi/loadDocument.js';
import { VALUE_KEYWORDS } from '../../openapi/valueKeywords.js';

export function nonUnicodePattern(doc: OpenApiDocument, pointer: string): string | undefined {
  const seen = new Set<string>();
  const walk = (node: unknown): string | undefined => {
    if (Array.isArray(node)) {
      for (const item of node) {
        const found = walk(item);
        if (found !== undefined) return found;
      }
      return undefined;
    }
    if (!isObject(node)) return undefined;
    if (typeof node.pattern === 'string') {
      try {
        new RegExp(node.pattern, 'u');
      } catch {
        return node.pattern;
      }
    }
    if (typeof node.$ref === 'string' && node.$ref.startsWith('#') && !seen.has(node.$ref)) {
      seen.add(node.$ref);
      const found = walk(getAtPointer(doc, refToPointer(node.$ref)));
      if (found !== undefined) return found;
    }
    for (const [key, value] of Object.entries(node)) {
      if (VALUE_KEYWORDS.has(key) || key === 'pattern' || key === '$ref' || key.startsWith('x-')) continue;
      const found = walk(value);
      if (found !== undefined) return found;
    }
    return undefined;
  };
  return walk(getAtPointer(doc, pointer));
}
