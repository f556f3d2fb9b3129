/**
 * Whether the schemas that all apply to one string (`allOf` members, a `$ref` and its siblings)
 * leave it no length at all: `minLength`, `maxLength`, the lengths a pattern anchored at both
 * ends can match, and the lengths a format takes (base64 a multiple of 4 characters, a uuid 36,
 * a full-date 10). Adyen's TerminalAPI `CardStatusWords` is `format: byte` with
 * `pattern: ^.{2,2}$`: no value is valid, so any body carrying it breaks its schema, and that is
 * the document's defect. Only lengths are compared, so what this finds is proven; what it misses
 * (two patterns of the same length that share no string) it says nothing of.
 */
import { parsedTokens, RandExp, type RetToken } from './randexpTokens.js';

interface Range {
  min: number;
  max: number;
}

function sequenceRange(stack: RetToken[]): Range {
  return stack.reduce((sum, token) => {
    const r = tokenRange(token);
    return { min: sum.min + r.min, max: sum.max + r.max };
  }, { min: 0, max: 0 });
}

function alternativesRange(options: RetToken[][]): Range {
  const ranges = options.map(sequenceRange);
  return { min: Math.min(...ranges.map((r) => r.min)), max: Math.max(...ranges.map((r) => r.max)) };
}

/** The fewest and most characters a token matches (Infinity where unbounded). */
function tokenRange(token: RetToken): Range {
  switch (token.type) {
    case 0:
    case 1:
      if (token.followedBy || token.notFollowedBy) return { min: 0, max: 0 }; // a lookahead matches no characters
      return token.options ? alternativesRange(token.options) : sequenceRange(token.stack ?? []);
    case 2:
      return { min: 0, max: 0 };
    case 5: {
      const each = tokenRange(token.value as RetToken);
      const times = { min: token.min ?? 0, max: token.max ?? Infinity };
      return { min: times.min * each.min, max: times.max === 0 || each.max === 0 ? 0 : times.max * each.max };
    }
    case 6:
      return { min: 0, max: Infinity }; // a backreference repeats a group of any length
    default:
      return { min: 1, max: 1 };
  }
}

const isPosition = (token: RetToken | undefined, value: string) => token?.type === 2 && token.value === value;

/** The lengths of the strings `pattern` accepts, or undefined when it cannot be read (a pattern not anchored at both ends accepts longer strings too). */
function patternRange(pattern: string): Range | undefined {
  let root: RetToken;
  try {
    root = parsedTokens(new RandExp(pattern));
  } catch {
    return undefined;
  }
  const sequences = root.options ?? [root.stack ?? []];
  const ranges = sequences.map((stack) => {
    const range = sequenceRange(stack);
    const anchored = isPosition(stack[0], '^') && isPosition(stack[stack.length - 1], '$');
    return anchored ? range : { min: range.min, max: Infinity };
  });
  return { min: Math.min(...ranges.map((r) => r.min)), max: Math.max(...ranges.map((r) => r.max)) };
}

/** One keyword's say on the length: a range, and for base64 that the length is a multiple of 4. */
interface Source extends Range {
  name: string;
  multipleOf?: number;
}

/** Formats whose every value has a length this knows (as standardFormats.ts and ajv-formats define them). */
const FORMAT_LENGTHS: Record<string, Omit<Source, 'name'> & { name?: string }> = {
  byte: { min: 0, max: Infinity, multipleOf: 4, name: 'format byte (base64)' },
  uuid: { min: 36, max: 36 },
  date: { min: 10, max: 10 },
};

function sourcesOf(schema: Record<string, unknown>): Source[] {
  const out: Source[] = [];
  if (typeof schema.minLength === 'number') out.push({ name: `minLength ${schema.minLength}`, min: schema.minLength, max: Infinity });
  if (typeof schema.maxLength === 'number') out.push({ name: `maxLength ${schema.maxLength}`, min: 0, max: schema.maxLength });
  if (typeof schema.pattern === 'string') {
    const range = patternRange(schema.pattern);
    if (range) out.push({ name: `pattern ${schema.pattern}`, ...range });
  }
  const format = typeof schema.format === 'string' ? FORMAT_LENGTHS[schema.format] : undefined;
  if (format) out.push({ ...format, name: format.name ?? `format ${schema.format as string}` });
  return out;
}

function lengthWords(source: Source): string {
  if (source.multipleOf) return `a multiple of ${source.multipleOf} characters`;
  if (source.min === source.max) return `exactly ${source.min}`;
  if (source.max === Infinity) return `at least ${source.min}`;
  if (source.min === 0) return `at most ${source.max}`;
  return `${source.min} to ${source.max}`;
}

function because(involved: Source[]): string {
  const [first, ...rest] = involved as [Source, ...Source[]];
  const firstWords = `${first.name} takes ${lengthWords(first)}${first.multipleOf ? '' : ' characters'}`;
  return [firstWords, ...rest.map((s) => `${s.name} ${lengthWords(s)}`)].join(', and ');
}

/**
 * Why no string satisfies every schema of `schemas` at once, in words (`format byte (base64)
 * takes a multiple of 4 characters, and pattern ^.{2,2}$ exactly 2`), or undefined when some
 * length is left (or nothing here says otherwise).
 */
export function unsatisfiableString(schemas: readonly Record<string, unknown>[]): string | undefined {
  const sources = schemas.flatMap(sourcesOf);
  if (sources.length < 2) return undefined;
  const lowest = sources.reduce((a, b) => (b.min > a.min ? b : a));
  const highest = sources.reduce((a, b) => (b.max < a.max ? b : a));
  if (lowest.min > highest.max) return because([lowest, highest]);
  for (const multiple of sources.filter((s) => s.multipleOf)) {
    const step = multiple.multipleOf as number;
    if (Math.ceil(lowest.min / step) * step <= highest.max) continue;
    return because([multiple, ...new Set([lowest, highest].filter((s) => s !== multiple && (s.min > 0 || s.max < Infinity)))]);
  }
  return undefined;
}
