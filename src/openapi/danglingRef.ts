/** `$ref`s that name nothing inside their document (another file, a URL, a pointer to nothing). */
import { getAtPointer, isObject, refToPointer } from './jsonPointer.js';

/** Whether `ref` names something inside `doc`. */
export function resolvesInside(doc: unknown, ref: string): boolean {
  if (!ref.startsWith('#')) return false;
  try {
    return getAtPointer(doc, refToPointer(ref)) !== undefined;
  } catch {
    return false;
  }
}

/** Whether `value` holds, at any depth, a `$ref` that does not resolve inside `doc`. */
export function holdsDanglingRef(doc: unknown, value: unknown, seen = new Set<unknown>()): boolean {
  if (!isObject(value) && !Array.isArray(value)) return false;
  if (seen.has(value)) return false;
  seen.add(value);
  if (isObject(value) && typeof value.$ref === 'string' && !resolvesInside(doc, value.$ref)) return true;
  return (Array.isArray(value) ? value : Object.values(value)).some((v) => holdsDanglingRef(doc, v, seen));
}

