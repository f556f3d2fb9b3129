/**
 * A sampled value repaired where openapi-sampler writes a value its schema rejects. Its pattern
 * sampler copies group syntax into the string (`^(0|[1-9][0-9]*)$`, Discord's snowflake, samples
 * as `"(0|1)"`), so no valid path parameter or body could be built for a valid schema, and a body
 * Prism made up from it could not be proven Prism's doing. Here, while the value is invalid, the
 * string at a `pattern` error's instance path is replaced by one randexp builds from the pattern
 * (seeded, so every run builds the same), a value an `enum` or `const` rejects by a value it
 * allows, and a value of the wrong type by one of the type asked for (openapi-sampler writes `{}`
 * for a `oneOf` of `null` and a `$ref`), each kept only when that leaves fewer errors; what remains is checked by the
 * same validator, so nothing invalid is ever called valid.
 */
import { parsedTokens, RandExp, type RetToken } from '../../openapi/randexpTokens.js';
import { getAtPointer } from '../../openapi/jsonPointer.js';

export interface RepairableError {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
}

type Errors = (value: unknown) => RepairableError[];

const tokensOf = (instancePath: string) => instancePath.split('/').slice(1).map((t) => t.replaceAll('~1', '/').replaceAll('~0', '~'));

/** A copy of `value` with the member at `tokens` set to `replacement` (the whole value for no tokens); undefined when there is no such member. */
function withValue(value: unknown, tokens: string[], replacement: unknown): unknown {
  if (tokens.length === 0) return replacement;
  if (value === null || typeof value !== 'object') return undefined;
  const [head, ...rest] = tokens as [string, ...string[]];
  if (Array.isArray(value)) {
    const index = Number(head);
    if (!Number.isInteger(index) || index < 0 || index >= value.length) return undefined;
    const inner = withValue(value[index], rest, replacement);
    return inner === undefined ? undefined : value.map((v, i) => (i === index ? inner : v));
  }
  const record = value as Record<string, unknown>;
  if (!Object.hasOwn(record, head)) return undefined;
  const inner = withValue(record[head], rest, replacement);
  return inner === undefined ? undefined : { ...record, [head]: inner };
}

/** A small seeded generator (mulberry32): the same strings on every run. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PATTERN_TRIES = 8;
/** The longest string built from a pattern: `((a{1000}){1000}){1000}` would be a billion characters. */
export const MAX_PATTERN_STRING = 100_000;

/** The most characters `generator` can build from `token`, or Infinity past `limit` (computed without building anything). */
function longestBuilt(token: RetToken, extra: number, limit: number): number {
  const sequence = (stack: RetToken[]) => stack.reduce((sum, t) => Math.min(sum + longestBuilt(t, extra, limit), Infinity), 0);
  let length: number;
  switch (token.type) {
    case 0:
    case 1:
      length = token.options ? token.options.reduce((most, option) => Math.max(most, sequence(option)), 0) : sequence(token.stack ?? []);
      break;
    case 2:
      length = 0;
      break;
    case 5: {
      const times = token.max === Infinity || token.max === undefined ? (token.min ?? 0) + extra : token.max;
      const each = token.value ? longestBuilt(token.value as RetToken, extra, limit) : 0;
      length = times === 0 || each === 0 ? 0 : times * each;
      break;
    }
    case 6:
      length = limit; // a backreference repeats a group: counted as the largest allowed
      break;
    default:
      length = 1;
  }
  return length > limit ? Infinity : length;
}

/**
 * Strings matching `pattern` (as randexp reads it), a few per call, from short repetitions to
 * longer ones; none when randexp cannot read it, or when a string of it could run past
 * MAX_PATTERN_STRING characters (counted from the parsed pattern before anything is built).
 */
export function patternStrings(pattern: string): string[] {
  const found: string[] = [];
  for (let attempt = 0; attempt < PATTERN_TRIES; attempt++) {
    try {
      const generator = new RandExp(pattern);
      const random = seeded(attempt + 1);
      generator.randInt = (from: number, to: number) => from + Math.floor(random() * (to - from + 1));
      generator.max = 2 + attempt;
      const tokens = parsedTokens(generator);
      if (longestBuilt(tokens, generator.max, MAX_PATTERN_STRING) > MAX_PATTERN_STRING) return found;
      const text = generator.gen();
      if (!found.includes(text)) found.push(text);
    } catch {
      return found;
    }
  }
  return found;
}

/** A value of each JSON Schema type, for a sampled value of the wrong one (`{}` where a `oneOf` of null and a string is asked). */
const TYPE_VALUES: Record<string, unknown> = { null: null, boolean: true, integer: 0, number: 0, string: 'string', array: [], object: {} };

/** The values that could fix one error, best first. */
function replacementsFor(error: RepairableError, current: unknown): unknown[] {
  if (error.keyword === 'pattern' && typeof error.params.pattern === 'string' && typeof current === 'string') return patternStrings(error.params.pattern);
  if (error.keyword === 'enum' && Array.isArray(error.params.allowedValues)) return error.params.allowedValues.slice(0, 3);
  if (error.keyword === 'const' && 'allowedValue' in error.params) return [error.params.allowedValue];
  if (error.keyword === 'type') return String(error.params.type).split(',').flatMap((type) => (type in TYPE_VALUES ? [TYPE_VALUES[type]] : []));
  return [];
}

/** `value` repaired until `errors` finds nothing, or as far as replacements help; at most `rounds` replacements. */
export function repairToValid(value: unknown, errors: Errors, rounds = 50): unknown {
  let current = value;
  let found = errors(current);
  const hopeless = new Set<string>();
  for (let round = 0; round < rounds && found.length > 0; round++) {
    let better: { value: unknown; found: RepairableError[] } | undefined;
    for (const error of found) {
      const key = `${error.keyword}\u0000${error.instancePath}\u0000${JSON.stringify(error.params)}`;
      if (hopeless.has(key)) continue;
      const tokens = tokensOf(error.instancePath);
      const at = error.instancePath === '' ? current : getAtPointer(current, `#${error.instancePath}`);
      for (const replacement of replacementsFor(error, at)) {
        const candidate = withValue(current, tokens, replacement);
        if (candidate === undefined) continue;
        const left = errors(candidate);
        if (left.length < found.length) {
          better = { value: candidate, found: left };
          break;
        }
      }
      if (better) break;
      hopeless.add(key);
    }
    if (!better) break;
    current = better.value;
    found = better.found;
  }
  return current;
}
