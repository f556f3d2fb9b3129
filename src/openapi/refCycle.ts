// A `$ref` chain that leads back to itself without ever reaching a value (`A: { $ref: B }`,
// `B: { $ref: A }`): nothing is ever defined, so no tool can read it. The bundler only says
// "Self-referencing circular pointer"; this finds where, inside one parsed file.

import { getAtPointer, isObject, refToPointer } from './jsonPointer.js';

/** The first chain of internal `$ref`s in `doc` that comes back to where it started, as pointers (`#/a → #/b → #/a`), or undefined. */
export function findRefCycle(doc: unknown): string[] | undefined {
  const holders: string[] = [];
  const collect = (value: unknown, pointer: string, seen: Set<unknown>) => {
    if (!isObject(value) && !Array.isArray(value)) return;
    if (seen.has(value)) return;
    seen.add(value);
    if (isObject(value) && typeof value.$ref === 'string' && value.$ref.startsWith('#')) holders.push(pointer);
    const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
    for (const [key, child] of entries) collect(child, `${pointer}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`, seen);
  };
  collect(doc, '#', new Set());
  for (const start of holders) {
    const chain = [start];
    let at: unknown = getAtPointer(doc, start);
    while (isObject(at) && typeof at.$ref === 'string' && at.$ref.startsWith('#')) {
      let next: string;
      try {
        next = refToPointer(at.$ref);
      } catch {
        break;
      }
      if (chain.includes(next)) return [...chain.slice(chain.indexOf(next)), next];
      chain.push(next);
      at = getAtPointer(doc, next);
    }
  }
  return undefined;
}
