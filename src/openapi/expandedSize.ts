/**
 * How many nodes a parsed YAML document has once its aliases are expanded, counted up to `limit`
 * (past it, `limit + 1`). A YAML parser hands an alias back as the very object of its anchor, so
 * nine anchors of nine aliases each (the "billion laughs") are a few dozen objects in memory, but
 * 387 million nodes to anything that walks the document as a tree, as a bundler and every later
 * step do. Counted per distinct object (memoized), so the count costs the objects, not the tree.
 * `through`, where given, names what a node stands for instead of its own members (a `$ref`'s
 * target: see refExpandedSize.ts); undefined keeps the node's members.
 */
export function expandedSize(value: unknown, limit: number, through?: (node: object) => unknown): number {
  const sizes = new Map<object, number>();
  const size = (node: unknown): number => {
    if (typeof node !== 'object' || node === null) return 1;
    const known = sizes.get(node);
    if (known !== undefined) return known;
    sizes.set(node, 1); // a node that holds itself counts once
    let total = 1;
    const standsFor = through?.(node);
    if (standsFor !== undefined) total = size(standsFor);
    else {
      for (const child of Array.isArray(node) ? node : Object.values(node)) {
        total += size(child);
        if (total > limit) break;
      }
    }
    const bounded = Math.min(total, limit + 1);
    sizes.set(node, bounded);
    return bounded;
  };
  return size(value);
}
