import { isObject } from '../../openapi/jsonPointer.js';
import type { OpenApiDocument } from '../../openapi/loadDocument.js';

const cache = new WeakMap<OpenApiDocument, Map<string, boolean>>();

/** Whether any object of the document has the key `keyword` (cached): checks that walk a body run only where it can matter. */
export function documentStates(doc: OpenApiDocument, keyword: string): boolean {
  let known = cache.get(doc);
  if (!known) cache.set(doc, (known = new Map()));
  const hit = known.get(keyword);
  if (hit !== undefined) return hit;
  const stack: unknown[] = [doc];
  let found = false;
  while (stack.length > 0 && !found) {
    const value = stack.pop();
    // One push per child: spreading an array of 200,000 (an enum) as arguments overflows the stack.
    if (Array.isArray(value)) for (const child of value) stack.push(child);
    else if (isObject(value)) {
      if (Object.hasOwn(value, keyword)) found = true;
      else for (const child of Object.values(value)) stack.push(child);
    }
  }
  known.set(keyword, found);
  return found;
}
