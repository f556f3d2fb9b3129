/**
 * The shape of the passes that read a document's leftovers as meant (dropUntypedNullable.ts,
 * booleanExclusiveBounds.ts, nullTypeBesideCombinator.ts): find the objects that match, and when
 * there is one, rewrite them in a copy. Walked without recursion, never into data (examples,
 * defaults, consts, enums).
 */
import { isObject } from './jsonPointer.js';
import { VALUE_KEYWORDS } from './valueKeywords.js';

type Node = Record<string, unknown>;

function matching<M>(root: unknown, matches: (node: Node, root: unknown) => M | false | undefined): [Node, M][] {
  const found: [Node, M][] = [];
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (Array.isArray(node)) {
      for (const item of node) stack.push(item);
      continue;
    }
    if (!isObject(node)) continue;
    const match = matches(node, root);
    if (match !== false && match !== undefined) found.push([node, match]);
    for (const [key, value] of Object.entries(node)) if (!VALUE_KEYWORDS.has(key)) stack.push(value);
  }
  return found;
}

/**
 * `doc` itself when no object matches; otherwise a copy with `rewrite` applied to each match, given
 * what `matches` said of it (all are found before any is rewritten).
 */
export function rewriteWhere<T, M>(doc: T, matches: (node: Node, root: unknown) => M | false | undefined, rewrite: (node: Node, match: M) => void): T {
  if (matching(doc, matches).length === 0) return doc;
  const copy = structuredClone(doc);
  for (const [node, match] of matching(copy, matches)) rewrite(node, match);
  return copy;
}
