/**
 * A sampled value made valid by leaving parts out. openapi-sampler stops a recursive schema with
 * `{}` (a `Node` whose `children` are Nodes samples as `{ name, children: [{}] }`), which breaks
 * the `required` of the inner Node, so no valid request could be built for a valid recursive
 * schema. Here, while the value is invalid, the part at an error's instance path, or the nearest
 * of its containers, is removed when that leaves fewer errors (an optional property or an array
 * item); what remains is checked by the same validator, so nothing invalid is ever called valid.
 */

type Errors = (value: unknown) => { instancePath: string }[];

const tokensOf = (instancePath: string) => instancePath.split('/').slice(1).map((t) => t.replaceAll('~1', '/').replaceAll('~0', '~'));

/** A copy of `value` without the member at `tokens` (an array item is spliced out); undefined when there is none. */
function without(value: unknown, tokens: string[]): unknown {
  if (tokens.length === 0 || value === null || typeof value !== 'object') return undefined;
  const [head, ...rest] = tokens as [string, ...string[]];
  if (Array.isArray(value)) {
    const index = Number(head);
    if (!Number.isInteger(index) || index < 0 || index >= value.length) return undefined;
    if (rest.length === 0) return value.filter((_, i) => i !== index);
    const inner = without(value[index], rest);
    return inner === undefined ? undefined : value.map((v, i) => (i === index ? inner : v));
  }
  const record = value as Record<string, unknown>;
  if (!Object.hasOwn(record, head)) return undefined;
  if (rest.length === 0) {
    const { [head]: _removed, ...others } = record;
    return others;
  }
  const inner = without(record[head], rest);
  return inner === undefined ? undefined : { ...record, [head]: inner };
}

/** `value` pruned until `errors` finds nothing, or as far as removals help; at most `rounds` removals. */
export function pruneToValid(value: unknown, errors: Errors, rounds = 50): unknown {
  let current = value;
  let found = errors(current);
  for (let round = 0; round < rounds && found.length > 0; round++) {
    let better: { value: unknown; found: ReturnType<Errors> } | undefined;
    for (const error of found) {
      const tokens = tokensOf(error.instancePath);
      // The failing part first, then each of its containers, never the whole value.
      for (let depth = tokens.length; depth > 0 && !better; depth--) {
        const candidate = without(current, tokens.slice(0, depth));
        if (candidate === undefined) continue;
        const left = errors(candidate);
        if (left.length < found.length) better = { value: candidate, found: left };
      }
      if (better) break;
    }
    if (!better) break;
    current = better.value;
    found = better.found;
  }
  return current;
}
