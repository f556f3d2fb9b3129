// A 3.1 schema `{ type: 'null', oneOf: [string, number, …] }` (Vercel's EdgeConfigItemValue, a
// 3.0 `nullable: true` converted by hand) holds no value at all under JSON Schema 2020-12: the
// value must be null and also match a branch, and no branch takes null. Every server fails it.
// Its author meant "one of these, or null", so that is how it is read: the `type` moves into the
// combinator as one more branch. Only where every branch states a type that excludes null (a
// branch of unknown type might take null, and then the schema means what it says).

import { getAtPointer, isObject, refToPointer } from './jsonPointer.js';
import { rewriteWhere } from './rewriteWhere.js';

const COMBINATORS = ['oneOf', 'anyOf'] as const;

function statedTypes(doc: unknown, branch: unknown): string[] | undefined {
  let schema = branch;
  for (let hops = 0; isObject(schema) && typeof schema.$ref === 'string' && schema.type === undefined && hops < 32; hops++) {
    if (!schema.$ref.startsWith('#')) return undefined;
    schema = getAtPointer(doc, refToPointer(schema.$ref));
  }
  if (!isObject(schema)) return undefined;
  if (typeof schema.type === 'string') return [schema.type];
  if (Array.isArray(schema.type) && schema.type.every((t) => typeof t === 'string')) return schema.type as string[];
  return undefined;
}

/** The combinator of `node` that a `type: 'null'` beside it empties, or undefined. */
function emptiedCombinator(doc: unknown, node: Record<string, unknown>): (typeof COMBINATORS)[number] | undefined {
  if (node.type !== 'null') return undefined;
  return COMBINATORS.find((key) => {
    const branches = node[key];
    return Array.isArray(branches) && branches.length > 0 && branches.every((b) => {
      const types = statedTypes(doc, b);
      return types !== undefined && !types.includes('null');
    });
  });
}

/** A copy of `doc` where each such schema reads "one of the branches, or null"; `doc` itself when there is none. */
export function nullTypeIntoCombinator<T>(doc: T): T {
  return rewriteWhere(
    doc,
    (node, root) => emptiedCombinator(root, node),
    (node, key) => {
      delete node.type;
      node[key] = [...(node[key] as unknown[]), { type: 'null' }];
    },
  );
}
