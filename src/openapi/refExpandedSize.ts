/**
 * How many nodes a document has once its local `$ref`s are expanded in place, counted up to
 * `limit` (past it, `limit + 1`): what a tool that dereferences the document and then walks it as
 * a tree must visit. Schemas shared along many paths multiply: thirty schemas each naming the next
 * twice are 2^30 nodes, and Stripe's spec3 (2022) is about 6.7 billion. A `$ref` back to a schema
 * already being counted (a cycle) counts once, as a dereferencer cuts it there. Memoized per
 * object, so the count costs the document's objects, not the tree (29 ms for Stripe's).
 */
import { expandedSize } from './expandedSize.js';
import { isObject, refToPointer, getAtPointer } from './jsonPointer.js';

export function refExpandedSize(doc: unknown, limit: number): number {
  return expandedSize(doc, limit, (node) => {
    if (!isObject(node) || typeof node.$ref !== 'string' || !node.$ref.startsWith('#')) return undefined;
    try {
      return getAtPointer(doc, refToPointer(node.$ref));
    } catch {
      return undefined;
    }
  });
}
