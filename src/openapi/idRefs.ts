/**
 * A `$ref` naming a schema of the document by its `$id` (`$ref: 'https://schemas.acme.org/person'`
 * where a component declares `$id: https://schemas.acme.org/person`, JSON Schema 2020-12 §8.2.1):
 * a reference inside the document, which the bundler would try to fetch or read as a file. Each
 * is rewritten, in the root file before it is bundled, to the JSON pointer of that schema, with a
 * pointer fragment appended (`…/person#/properties/name`) or an anchor fragment read as the
 * schema in that resource declaring the anchor (`…/person#name`); from inside a resource, only a
 * reference into that same resource is rewritten (relative to it). An `$id` is matched as written
 * (a trailing empty fragment `#` aside), not resolved against a base; an `$id` declared twice, and
 * a fragment naming nothing, are left as written.
 */
import { childPointer, isObject } from './jsonPointer.js';
import { VALUE_KEYWORDS } from './valueKeywords.js';

type Node = Record<string, unknown>;

/**
 * Calls `visit` on each object of `root` with its pointer and that of the resource it stands in
 * (the nearest schema with an `$id` holding it, itself included, or `#`, the document); never into data.
 */
function walk(root: unknown, at: string, visit: (node: Node, pointer: string, resource: string) => boolean | void): void {
  const stack: [unknown, string, string][] = [[root, at, '#']];
  while (stack.length > 0) {
    const [node, pointer, outer] = stack.pop()!;
    if (Array.isArray(node)) {
      node.forEach((item, i) => stack.push([item, childPointer(pointer, i), outer]));
      continue;
    }
    if (!isObject(node)) continue;
    const resource = pointer !== '#' && typeof node.$id === 'string' ? pointer : outer;
    if (visit(node, pointer, resource) === false) continue;
    for (const [key, value] of Object.entries(node)) if (!VALUE_KEYWORDS.has(key)) stack.push([value, childPointer(pointer, key), resource]);
  }
}

const bare = (id: string) => (id.endsWith('#') ? id.slice(0, -1) : id);

/** Rewrites, in place, each `$ref` of `doc` that names one of its `$id`s; returns how many. */
export function idRefsAsPointers(doc: unknown): number {
  const ids = new Map<string, { node: Node; pointer: string } | undefined>();
  walk(doc, '#', (node, pointer) => {
    if (pointer === '#' || typeof node.$id !== 'string' || node.$id === '' || node.$id.startsWith('#')) return;
    const id = bare(node.$id);
    ids.set(id, ids.has(id) ? undefined : { node, pointer });
  });
  if (ids.size === 0) return 0;
  const anchorIn = (resource: { node: Node; pointer: string }, name: string) => {
    let found: string | undefined;
    walk(resource.node, resource.pointer, (node, pointer) => {
      if (found !== undefined) return false;
      if (pointer !== resource.pointer && typeof node.$id === 'string') return false; // another resource
      if (node.$anchor === name || node.$dynamicAnchor === name) found = pointer;
    });
    return found;
  };
  let rewritten = 0;
  walk(doc, '#', (node, _pointer, site) => {
    if (typeof node.$ref !== 'string' || node.$ref.startsWith('#')) return;
    const hash = node.$ref.indexOf('#');
    const resource = ids.get(hash < 0 ? node.$ref : node.$ref.slice(0, hash));
    if (resource === undefined) return;
    const fragment = hash < 0 ? '' : decodeURIComponentSafe(node.$ref.slice(hash + 1));
    const target = fragment === '' ? resource.pointer : fragment.startsWith('/') ? resource.pointer + fragment : anchorIn(resource, fragment);
    if (target === undefined) return;
    // ajv reads a local pointer against the resource the `$ref` stands in: from the document's own,
    // the document's pointer; from inside the resource it names, one relative to that resource;
    // from another resource there is no local form, and it is left as written.
    if (site === '#') node.$ref = target;
    else if (target === site || target.startsWith(`${site}/`)) node.$ref = `#${target.slice(site.length)}`;
    else return;
    rewritten++;
  });
  return rewritten;
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
