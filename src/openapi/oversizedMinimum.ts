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
/** Keywords whose value is one schema, sampled as often as the schema holding it. */
const ONE = ['additionalProperties', 'unevaluatedProperties', 'unevaluatedItems', 'contains', 'if', 'then', 'else'] as const;
/** Keywords whose value maps names to schemas. */
const MAP = ['properties', 'patternProperties', 'dependentSchemas'] as const;

interface Visit {
  value: unknown;
  pointer: string;
  /** How many copies of this schema's value one sample holds (the item counts of the arrays around it). */
  copies: number;
}

/**
 * The bound past `limit`, counting copies: an array of 1,000 arrays of 1,000 strings of 1,000
 * characters asks for 10^9 characters though each bound is small. A bound written beside a `$ref`
 * counts too (openapi-sampler merges such siblings into the target). Of a `oneOf` or `anyOf`, the
 * first branch only, the one the sampler takes.
 */
export function oversizedMinimum(doc: unknown, schema: unknown, pointer: string, limit: number): OversizedMinimum | undefined {
  const seen = new Set<object>();
  const stack: Visit[] = [{ value: schema, pointer, copies: 1 }];
  while (stack.length > 0) {
    const { value: node, pointer: at, copies } = stack.pop() as Visit;
    if (!isObject(node) || seen.has(node)) continue;
    seen.add(node);
    if (typeof node.$ref === 'string') {
      try {
        const target = resolveRef(doc, { $ref: node.$ref }, at);
        stack.push({ value: target.value, pointer: target.pointer, copies });
      } catch {
        // a $ref that does not resolve holds no bound
      }
    }
    for (const keyword of MINIMA) {
      const bound = node[keyword];
      if (typeof bound === 'number' && bound * copies > limit) return { keyword, bound, pointer: childPointer(at, keyword) };
    }
    const items = typeof node.minItems === 'number' && node.minItems > 1 ? copies * node.minItems : copies;
    const members = typeof node.minProperties === 'number' && node.minProperties > 1 ? copies * node.minProperties : copies;
    if (node.items !== undefined) stack.push({ value: node.items, pointer: childPointer(at, 'items'), copies: items });
    if (Array.isArray(node.prefixItems)) node.prefixItems.forEach((item, i) => stack.push({ value: item, pointer: childPointer(at, 'prefixItems', i), copies }));
    if (Array.isArray(node.allOf)) node.allOf.forEach((item, i) => stack.push({ value: item, pointer: childPointer(at, 'allOf', i), copies }));
    for (const keyword of ['oneOf', 'anyOf'] as const) {
      const branches = node[keyword];
      if (Array.isArray(branches) && branches.length > 0) stack.push({ value: branches[0], pointer: childPointer(at, keyword, 0), copies });
    }
    for (const keyword of ONE) {
      if (node[keyword] !== undefined) stack.push({ value: node[keyword], pointer: childPointer(at, keyword), copies: keyword === 'additionalProperties' || keyword === 'unevaluatedProperties' ? members : copies });
    }
    for (const keyword of MAP) {
      const map = node[keyword];
      if (isObject(map)) for (const [name, item] of Object.entries(map)) stack.push({ value: item, pointer: childPointer(at, keyword, name), copies });
    }
  }
  return undefined;
}
