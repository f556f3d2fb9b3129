/**
 * Member names the reader of foreign documents (@redocly/openapi-core) cannot walk: it looks each
 * member name up in plain objects (its node types' `properties`) and calls a function it finds
 * there, so a name of an Object.prototype method that throws when called that way (`valueOf`,
 * `hasOwnProperty`, `__lookupGetter__` …) crashed it, once as an uncaught error with a stack
 * trace. Found before it walks, the document is refused naming the member and its pointer.
 * `constructor` and `toString` do not throw, and are read as any name.
 */
import { isObject } from './jsonPointer.js';

/** The Object.prototype methods that throw when called as the reader calls a type found by name: `fn(value, name)`, no `this`. */
export const UNWALKABLE_NAMES: ReadonlySet<string> = new Set(
  Object.getOwnPropertyNames(Object.prototype).filter((name) => {
    const member = (Object.prototype as Record<string, unknown>)[name];
    if (typeof member !== 'function') return false;
    try {
      member.call(undefined, {}, name);
      return false;
    } catch {
      return true;
    }
  }),
);

const escape = (segment: string) => segment.replaceAll('~', '~0').replaceAll('/', '~1');

/** The first member of `root` (walked without recursion, shared nodes once) whose name is unwalkable, with its JSON pointer. */
export function findUnwalkableMemberName(root: unknown): { name: string; pointer: string } | undefined {
  const seen = new Set<object>();
  const stack: Array<[unknown, string]> = [[root, '#']];
  while (stack.length > 0) {
    const [node, pointer] = stack.pop() as [unknown, string];
    if (typeof node !== 'object' || node === null || seen.has(node)) continue;
    seen.add(node);
    if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i--) stack.push([node[i], `${pointer}/${i}`]);
      continue;
    }
    if (!isObject(node)) continue;
    const names = Object.keys(node);
    for (const name of names) if (UNWALKABLE_NAMES.has(name)) return { name, pointer: `${pointer}/${escape(name)}` };
    for (let i = names.length - 1; i >= 0; i--) stack.push([node[names[i] as string], `${pointer}/${escape(names[i] as string)}`]);
  }
  return undefined;
}
