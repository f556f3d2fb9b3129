/**
 * The first lower bound of a schema (`minLength`, `minItems`, `minProperties`, `minContains`), in
 * it or any schema it holds or references, that asks for more than `limit` characters, items or
 * properties, where a sample of it would hold them (not under `not`, `propertyNames` or unused
 * `$defs`). openapi-sampler builds what such a bound asks: `minItems: 200000000` is an array of
 * 200 million items, which exhausts V8 and ends the process with a native stack trace. Optional
 * properties count too (the sampler fills them in). One pass with an explicit stack, each schema
 * object once, so a recursive schema ends.
 */
import { childPointer, isObject, resolveRef } from './jsonPointer.js';

export interface OversizedMinimum {
  keyword: string;
  bound: number;
  /** Where the bound is stated. */
  pointer: string;
}

const MINIMA = ['minLength', 'minItems', 'minProperties', 'minContains'] as const;
/** Keywords whose value is one schema. */
const ONE = ['items', 'additionalProperties', 'unevaluatedProperties', 'unevaluatedItems', 'contains', 'if', 'then', 'else'] as const;
/** Keywords whose value is a list of schemas. */
const LIST = ['allOf', 'anyOf', 'oneOf', 'prefixItems'] as const;
/** Keywords whose value maps names to schemas. */
const MAP = ['properties', 'patternProperties', 'dependentSchemas'] as const;

export function oversizedMinimum(doc: unknown, schema: unknown, pointer: string, limit: number): OversizedMinimum | undefined {
  const seen = new Set<object>();
  const stack: { value: unknown; pointer: string }[] = [{ value: schema, pointer }];
  while (stack.length > 0) {
    const next = stack.pop() as { value: unknown; pointer: string };
    let resolved: { value: unknown; pointer: string };
    try {
      resolved = resolveRef(doc, next.value, next.pointer);
    } catch {
      continue; // a $ref that does not resolve holds no bound
    }
    const node = resolved.value;
    if (!isObject(node) || seen.has(node)) continue;
    seen.add(node);
    for (const keyword of MINIMA) {
      const bound = node[keyword];
      if (typeof bound === 'number' && bound > limit) return { keyword, bound, pointer: childPointer(resolved.pointer, keyword) };
    }
    for (const keyword of ONE) if (node[keyword] !== undefined) stack.push({ value: node[keyword], pointer: childPointer(resolved.pointer, keyword) });
    for (const keyword of LIST) {
      const list = node[keyword];
      if (Array.isArray(list)) list.forEach((item, i) => stack.push({ value: item, pointer: childPointer(resolved.pointer, keyword, i) }));
    }
    for (const keyword of MAP) {
      const map = node[keyword];
      if (isObject(map)) for (const [name, item] of Object.entries(map)) stack.push({ value: item, pointer: childPointer(resolved.pointer, keyword, name) });
    }
  }
  return undefined;
}
