/**
 * Records keyed by a document's names (parameter, header, cookie names): written and read as own
 * members only. `record['__proto__'] = v` sets no member (it replaces the prototype, or does nothing
 * for a string), and `record['constructor']` reads Object when nothing was written there, so a
 * parameter named as an Object.prototype member lost its value or gained a function.
 */

/** Sets `name` on `record` as its own member, whatever the name (`__proto__` included). */
export function setOwn<T>(record: Record<string, T>, name: string, value: T): void {
  Object.defineProperty(record, name, { value, writable: true, enumerable: true, configurable: true });
}

/** `record`'s own member `name`, or undefined (never one it inherits). */
export function getOwn<T>(record: Readonly<Record<string, T>> | undefined, name: string): T | undefined {
  return record !== undefined && Object.hasOwn(record, name) ? record[name] : undefined;
}
