/**
 * A `$ref` to a JSON Schema 2020-12 anchor (`$ref: '#label'`, where a schema declares
 * `$anchor: label`): the fragment is a plain name, not a JSON pointer (JSON Schema 2020-12 §8.2.2),
 * and OpenAPI 3.1 schemas may use it. The suite and Prism read local `$ref`s as pointers, so each
 * such `$ref` is rewritten to the pointer of the schema that declares the anchor (`$anchor`, or
 * `$dynamicAnchor`, which a plain `$ref` also names). Only where both stand in the document's own
 * resource: under a schema with its own `$id`, a fragment is that resource's, a pointer would be
 * read against it, and ajv resolves the anchor there itself. A name declared twice, or by no
 * schema, is left as written (a `$ref` that names nothing, reported where an operation needs it).
 * `$dynamicRef` is left to ajv, which resolves it itself.
 */
import { childPointer, isObject } from './jsonPointer.js';
import { VALUE_KEYWORDS } from './valueKeywords.js';

/** A plain-name fragment (JSON Schema 2020-12 §8.2.2: an XML NCName). */
const ANCHOR_REF = /^#[A-Za-z_][-A-Za-z0-9._]*$/;

type Node = Record<string, unknown>;

/** Calls `visit` on each object of the document's own resource (not under a nested `$id`), with its pointer; never into data. */
function walkOwnResource(doc: unknown, visit: (node: Node, pointer: string) => void): void {
  const stack: [unknown, string][] = [[doc, '#']];
  while (stack.length > 0) {
    const [node, at] = stack.pop()!;
    if (Array.isArray(node)) {
      node.forEach((item, i) => stack.push([item, childPointer(at, i)]));
      continue;
    }
    if (!isObject(node) || (at !== '#' && typeof node.$id === 'string')) continue;
    visit(node, at);
    for (const [key, value] of Object.entries(node)) if (!VALUE_KEYWORDS.has(key)) stack.push([value, childPointer(at, key)]);
  }
}

/** Anchor name → pointer of the schema declaring it; a name declared in two places maps to undefined. */
function anchorPointers(doc: unknown): Map<string, string | undefined> {
  const anchors = new Map<string, string | undefined>();
  walkOwnResource(doc, (node, at) => {
    for (const name of [node.$anchor, node.$dynamicAnchor]) {
      if (typeof name !== 'string') continue;
      anchors.set(name, anchors.has(name) && anchors.get(name) !== at ? undefined : at);
    }
  });
  return anchors;
}

/** `doc` itself when no `$ref` names an anchor; otherwise a copy with each such `$ref` a JSON pointer. */
export function anchorRefsAsPointers<T>(doc: T): T {
  const anchors = anchorPointers(doc);
  if (anchors.size === 0) return doc;
  const pointerOf = (node: Node) => (typeof node.$ref === 'string' && ANCHOR_REF.test(node.$ref) ? anchors.get(node.$ref.slice(1)) : undefined);
  let found = false;
  walkOwnResource(doc, (node) => void (found ||= pointerOf(node) !== undefined));
  if (!found) return doc;
  const copy = structuredClone(doc);
  walkOwnResource(copy, (node) => {
    const pointer = pointerOf(node);
    if (pointer !== undefined) node.$ref = pointer;
  });
  return copy;
}
