// RFC 6901 JSON pointers in the `#/a/b` form OpenAPI uses, and `$ref` resolution inside one document.
//
// Pointers produced here are `#` followed by the RFC 6901 pointer, with no percent-encoding:
// `#/paths/~1v1~1users~1{id}/get`. A `$ref` value is a URI reference, so its fragment is
// percent-decoded before it is read as a pointer (see `refToPointer`).

/** Escapes one reference token: `~` becomes `~0`, `/` becomes `~1`. */
export function escapeToken(token: string): string {
  return token.replaceAll('~', '~0').replaceAll('/', '~1');
}

/** Reverses `escapeToken`: `~1` becomes `/`, then `~0` becomes `~`. */
export function unescapeToken(token: string): string {
  return token.replaceAll('~1', '/').replaceAll('~0', '~');
}

/** Builds `#/a/b` from unescaped tokens; `[]` gives `#` (the whole document). */
export function encodePointer(tokens: readonly (string | number)[]): string {
  return '#' + tokens.map((t) => '/' + escapeToken(String(t))).join('');
}

/** Splits `#/a/b` (or `/a/b`, `#`, ``) into unescaped tokens; no percent-decoding. */
export function decodePointer(pointer: string): string[] {
  const bare = pointer.startsWith('#') ? pointer.slice(1) : pointer;
  if (bare === '') return [];
  if (!bare.startsWith('/')) throw new Error(`Not a JSON pointer: "${pointer}"`);
  return bare.slice(1).split('/').map(unescapeToken);
}

/** Appends unescaped tokens to a pointer: `childPointer('#/a', 'b/c')` is `#/a/b~1c`. */
export function childPointer(pointer: string, ...tokens: (string | number)[]): string {
  return pointer + encodePointer(tokens).slice(1);
}

/**
 * The value at `pointer` in `doc`, or `undefined` when nothing is there, as for a plain-name
 * fragment (`#label`, a JSON Schema anchor left unresolved: see anchorRefs.ts).
 */
export function getAtPointer(doc: unknown, pointer: string): unknown {
  if (/^#?[^/#]/.test(pointer)) return undefined;
  let current: unknown = doc;
  for (const token of decodePointer(pointer)) {
    if (Array.isArray(current)) {
      if (!/^(0|[1-9][0-9]*)$/.test(token)) return undefined;
      current = current[Number(token)];
    } else if (isObject(current) && Object.hasOwn(current, token)) {
      current = current[token];
    } else {
      return undefined;
    }
  }
  return current;
}

/** Turns an internal `$ref` value (`#/components/schemas/A%20B`) into a pointer (`#/components/schemas/A B`). */
export function refToPointer(ref: string): string {
  if (!ref.startsWith('#')) throw new Error(`Only internal $refs are supported, not "${ref}"`);
  try {
    return decodeURIComponent(ref);
  } catch {
    return ref; // not percent-encoded after all (e.g. a literal `%` in a name)
  }
}

/** Whether `value` is an object with a string `$ref`. */
export function isRef(value: unknown): value is { $ref: string } {
  return isObject(value) && typeof value.$ref === 'string';
}

export interface Resolved {
  value: unknown;
  pointer: string;
}

/**
 * Follows `$ref` chains from `value` (which sits at `pointer` in `doc`) to the final target.
 * Returns the value itself when it is not a `$ref`. Throws, naming the `$ref` and where it was
 * found, when a target is missing, external or part of a cycle.
 */
export function resolveRef(doc: unknown, value: unknown, pointer: string): Resolved {
  const seen = new Set<string>([pointer]);
  let current: Resolved = { value, pointer };
  while (isRef(current.value)) {
    const ref = current.value.$ref;
    const where = `at ${current.pointer}`;
    let target: string;
    let next: unknown;
    try {
      target = refToPointer(ref);
      if (/^#[^/]/.test(target)) throw new Error(`an anchor name, which no schema of the document's own resource declares once`);
      next = getAtPointer(doc, target);
    } catch (error) {
      throw new Error(`Cannot resolve $ref "${ref}" ${where}: ${(error as Error).message}`);
    }
    if (next === undefined) throw new Error(`Unresolvable $ref "${ref}" ${where}: nothing at ${target}`);
    if (seen.has(target)) throw new Error(`Circular $ref "${ref}" ${where}`);
    seen.add(target);
    current = { value: next, pointer: target };
  }
  return current;
}

/** Whether `value` is a non-null, non-array object. */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
