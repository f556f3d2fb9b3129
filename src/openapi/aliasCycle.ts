// A YAML alias inside the very node its anchor names (`info: &a { x-bye: *a }`): the parser hands
// the alias back as that node, so the parsed value holds itself, and every walk of the document as
// a tree (the bundler's, the upgrade's, JSON.stringify) goes on until its stack overflows. JSON
// cannot say this; in YAML it is legal syntax for a graph no OpenAPI document can be.

import { childPointer } from './jsonPointer.js';

/** Where a parsed value first holds a node that encloses it: the alias's pointer and the pointer of the node it repeats, or undefined. */
export function findAliasCycle(value: unknown): { alias: string; repeats: string } | undefined {
  const onPath = new Map<object, string>();
  const done = new Set<object>();
  // Iterative depth-first walk: `leave` entries take a node off the current path.
  const stack: ({ node: unknown; pointer: string } | { leave: object })[] = [{ node: value, pointer: '#' }];
  while (stack.length > 0) {
    const item = stack.pop()!;
    if ('leave' in item) {
      onPath.delete(item.leave);
      done.add(item.leave);
      continue;
    }
    const { node, pointer } = item;
    if (typeof node !== 'object' || node === null) continue;
    const enclosing = onPath.get(node);
    if (enclosing !== undefined) return { alias: pointer, repeats: enclosing };
    if (done.has(node)) continue; // an ordinary alias: seen before, not around this spot
    onPath.set(node, pointer);
    stack.push({ leave: node });
    const entries: [string | number, unknown][] = Array.isArray(node) ? node.map((child, index) => [index, child]) : Object.entries(node);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, child] = entries[i]!;
      stack.push({ node: child, pointer: childPointer(pointer, key) });
    }
  }
  return undefined;
}
