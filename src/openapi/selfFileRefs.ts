/**
 * A `$ref` that names the root file by its own path (`openapi.yaml#/components/schemas/Pet`, or
 * `./openapi.yaml`): a reference inside the document, which the bundler keeps as written. The
 * suite reads only local `$ref`s and Prism, which reads a copy written elsewhere, cannot open that
 * file, so each is rewritten to its local form (`#/components/schemas/Pet`, `#`); a pointer that
 * names nothing is then reported as any local one is, where an operation needs it.
 */
import { dirname, resolve as resolvePath } from 'node:path';
import { rewriteWhere } from './rewriteWhere.js';

/** The local form of `ref` when it names the file `root` (an absolute path), else undefined. */
function localForm(ref: unknown, root: string): string | undefined {
  if (typeof ref !== 'string' || ref.startsWith('#') || /^[a-z][a-z0-9+.-]*:/i.test(ref)) return undefined;
  const hash = ref.indexOf('#');
  const path = hash < 0 ? ref : ref.slice(0, hash);
  if (path === '') return undefined;
  let file: string;
  try {
    file = resolvePath(dirname(root), decodeURIComponent(path));
  } catch {
    return undefined; // not percent-encoded text: another file's name, left to the bundler
  }
  if (file !== root) return undefined;
  return hash < 0 ? '#' : ref.slice(hash);
}

/** `doc` itself when no `$ref` names `root`; otherwise a copy with each such `$ref` in its local form. */
export function selfFileRefsAsLocal<T>(doc: T, root: string): T {
  return rewriteWhere(
    doc,
    (node) => localForm(node.$ref, root),
    (node, local) => void (node.$ref = local),
  );
}
