/**
 * A document's `pattern` matched in time linear in the text (RE2, through re2js), with the meaning
 * ECMAScript gives it. A backtracking RegExp takes exponential time on `^(a+)+$` against
 * `aaaa…!`, so a document and a server together could hang the suite; RE2 cannot.
 *
 * The pattern is first compiled as a native RegExp (so what is valid and what throws stays
 * ECMAScript's, the `u` flag included), then translated where RE2's syntax or meaning differs:
 * `\uXXXX` and `\u{X}` escapes, `\cX`, `\s`/`\S` (ECMAScript's takes Unicode spaces, RE2's only
 * ASCII ones) and `.` (ECMAScript's stops at CR, LS and PS too). Lookaheads at the start of an
 * anchored pattern (password rules) are matched as the conjunction they are (leadingLookaheads.ts).
 * A pattern RE2 cannot express otherwise (other lookaround, backreferences) gets no linear-time
 * matcher: `linearRegExp` says so and the caller decides (createAjv's foreign mode reads it as
 * `fallbackMatcher` says, and says so once).
 */
import { RE2JS } from 're2js';
import { leadingLookaheads } from './leadingLookaheads.js';
import { nativeMatchWithin } from './nativeMatchWithin.js';

/** ECMAScript's WhiteSpace and LineTerminator code points, as class members in RE2 syntax. */
const JS_SPACE = '\\t\\n\\x{0B}\\f\\r \\x{A0}\\x{1680}\\x{2000}-\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}\\x{FEFF}';
/** ECMAScript's `.` without the `s` flag: anything but a line terminator. */
const JS_DOT = '[^\\n\\r\\x{2028}\\x{2029}]';

/** What a pattern RE2 cannot express was refused for. */
export class NoLinearMatch extends Error {
  constructor(readonly pattern: string, readonly reason: string) {
    super(`pattern ${JSON.stringify(pattern)} has no linear-time match (${reason})`);
    this.name = 'NoLinearMatch';
  }
}

const hex = (code: number) => `\\x{${code.toString(16).toUpperCase()}}`;

/** `pattern` in RE2 syntax with ECMAScript's meaning; throws NoLinearMatch for what has no translation. */
export function toRe2Syntax(pattern: string, unicode: boolean): string {
  let out = '';
  let inClass = false;
  let i = 0;
  const refuse = (reason: string): never => {
    throw new NoLinearMatch(pattern, reason);
  };
  while (i < pattern.length) {
    const c = pattern[i] as string;
    if (c === '\\') {
      const next = pattern[i + 1];
      if (next === undefined) refuse('a trailing backslash');
      if (next === 'u') {
        const braced = unicode ? /^\\u\{([0-9a-fA-F]{1,6})\}/.exec(pattern.slice(i)) : null;
        if (braced) {
          out += hex(parseInt(braced[1] as string, 16));
          i += braced[0].length;
          continue;
        }
        const four = /^\\u([0-9a-fA-F]{4})(?:\\u([dD][c-fC-F][0-9a-fA-F]{2}))?/.exec(pattern.slice(i));
        if (four) {
          const high = parseInt(four[1] as string, 16);
          // a surrogate pair written as two escapes is one code point under `u` (and as text)
          if (four[2] !== undefined && high >= 0xd800 && high <= 0xdbff) {
            out += hex(0x10000 + ((high - 0xd800) << 10) + (parseInt(four[2], 16) - 0xdc00));
            i += 12;
          } else {
            out += hex(high);
            i += 6;
          }
          continue;
        }
        if (!unicode) {
          out += 'u'; // without `u`, `\u` not followed by four hex digits is the letter
          i += 2;
          continue;
        }
        refuse('an escape RE2 does not read');
      }
      if (next === 'c' && /[A-Za-z]/.test(pattern[i + 2] ?? '')) {
        out += hex((pattern.charCodeAt(i + 2) as number) % 32);
        i += 3;
        continue;
      }
      if (next === 's') {
        out += inClass ? JS_SPACE : `[${JS_SPACE}]`;
        i += 2;
        continue;
      }
      if (next === 'S') {
        if (inClass) refuse('\\S inside a character class');
        out += `[^${JS_SPACE}]`;
        i += 2;
        continue;
      }
      if (/[1-9]/.test(next as string) || (next === 'k' && pattern[i + 2] === '<')) refuse('a backreference');
      if (next === '0' && !/[0-9]/.test(pattern[i + 2] ?? '')) {
        out += '\\x{0}';
        i += 2;
        continue;
      }
      out += c + (next as string);
      i += 2;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      out += c;
      i += 1;
      continue;
    }
    if (c === '[') {
      if (pattern.startsWith('[^]', i)) {
        out += '(?s:.)';
        i += 3;
        continue;
      }
      if (pattern.startsWith('[]', i)) {
        out += '[^\\x{0}-\\x{10FFFF}]'; // ECMAScript's empty class matches nothing
        i += 2;
        continue;
      }
      inClass = true;
      out += c;
      i += 1;
      // a `]` first in a class is a member for RE2, the end of an empty class for ECMAScript (handled above)
      if (pattern[i] === '^') {
        out += '^';
        i += 1;
      }
      continue;
    }
    if (c === '(' && /^\(\?<?[=!]/.test(pattern.slice(i))) refuse('lookaround');
    if (c === '.') {
      out += JS_DOT;
      i += 1;
      continue;
    }
    out += c;
    i += 1;
  }
  return out;
}

/** A RegExp-like matcher, as ajv's `code.regExp` option takes it: `test` and a `toString` unique to the pattern. */
export interface LinearMatcher {
  test(text: string): boolean;
  toString(): string;
}

/**
 * A linear-time matcher of `pattern` read as ECMAScript reads it with `flags` (only `u` and `i`
 * change anything here). Throws the native SyntaxError for a pattern ECMAScript rejects, and
 * NoLinearMatch for one RE2 cannot express.
 */
export function linearRegExp(pattern: string, flags: string): LinearMatcher {
  new RegExp(pattern, flags); // ECMAScript's verdict on the syntax (compiling never backtracks)
  const source = `/${pattern}/${flags}`;
  // exact only without the m flag, where ^ holds at the start of the text alone (ajv never sets it)
  const split = flags.includes('m') ? undefined : leadingLookaheads(pattern);
  if (split) {
    // each part matched at the start of the text: `^(?:A)`; the conjunction is exact (leadingLookaheads.ts)
    const parts = [...split.lookaheads.map((l) => ({ re: compileRe2(pattern, `^(?:${l.body})`, flags), wanted: !l.negated })), { re: compileRe2(pattern, `^(?:${split.rest})`, flags), wanted: true }];
    return { test: (text: string) => parts.every((part) => part.re.test(text) === part.wanted), toString: () => source };
  }
  const compiled = compileRe2(pattern, pattern, flags);
  return { test: (text: string) => compiled.test(text), toString: () => source };
}

/**
 * Where `pattern` first matches in a text (its index, -1 for none), found in linear time: for the
 * suite's own fixed patterns read over a server's answer (the `m` flag too: `^` after each line
 * break), where a backtracking RegExp tried from each of a million line breaks took hours.
 * Throws NoLinearMatch for a pattern RE2 cannot express.
 */
export function linearSearch(pattern: RegExp): (text: string) => number {
  const compiled = compileRe2(pattern.source, pattern.source, pattern.flags);
  return (text) => {
    const matcher = compiled.matcher(text);
    return matcher.find() ? matcher.start() : -1;
  };
}

/** `part` of `pattern` (the whole of it, or a piece it was split into) compiled by RE2 with ECMAScript's meaning; NoLinearMatch naming `pattern` when RE2 cannot. */
function compileRe2(pattern: string, part: string, flags: string): RE2JS {
  let translated: string;
  try {
    translated = toRe2Syntax(part, flags.includes('u'));
  } catch (error) {
    throw error instanceof NoLinearMatch && part !== pattern ? new NoLinearMatch(pattern, error.reason) : error;
  }
  try {
    return RE2JS.compile(translated, (flags.includes('i') ? RE2JS.CASE_INSENSITIVE : 0) | (flags.includes('m') ? RE2JS.MULTILINE : 0));
  } catch (error) {
    throw new NoLinearMatch(pattern, (error as Error).message.replace(/^error parsing regexp: /, ''));
  }
}

/** How long ECMAScript's engine may take to match one text against a pattern RE2 cannot express. */
export const NATIVE_MATCH_LIMIT_MS = 250;

/**
 * For a pattern RE2 cannot express (lookaround past the start, a backreference): ECMAScript's own
 * engine, on a worker thread and given NATIVE_MATCH_LIMIT_MS per text (nativeMatchWithin.ts), so
 * such a rule still checks what it says and no text can make it backtrack for ever. The first text
 * that takes longer leaves the pattern unchecked from then on, and `onGiveUp` is told, once, with
 * the line for people; `note` is the line said when the pattern is compiled.
 */
export function fallbackMatcher(error: NoLinearMatch, flags: string, onGiveUp: (note: string) => void = () => {}): { matcher: LinearMatcher; note: string } {
  const { pattern } = error;
  let gaveUp = false;
  const test = (text: string): boolean => {
    if (gaveUp) return true;
    const matched = nativeMatchWithin(pattern, flags, text, NATIVE_MATCH_LIMIT_MS);
    if (typeof matched === 'boolean') return matched;
    gaveUp = true;
    const why = matched === 'too slow' ? `took JavaScript's own engine longer than ${NATIVE_MATCH_LIMIT_MS} ms` : `could not be matched by JavaScript's own engine (its worker thread failed)`;
    onGiveUp(`${error.message}: a text of ${text.length.toLocaleString('en-US')} characters ${why}, so the pattern was not checked from then on`);
    return true;
  };
  return {
    matcher: { test, toString: () => `native:/${pattern}/${flags}` },
    note: `${error.message}: checked with JavaScript's own engine, given ${NATIVE_MATCH_LIMIT_MS} ms per text`,
  };
}

const readAsAjv = new Map<string, LinearMatcher | undefined>();

/**
 * A document's pattern as the foreign-mode ajv reads it (createAjv.ts): linear-time, with the `u`
 * flag or, where it is only valid without, without it; one RE2 cannot express as
 * `fallbackMatcher` reads it. Undefined for a pattern ECMAScript rejects either way. Cached.
 */
export function documentPattern(pattern: string): LinearMatcher | undefined {
  if (readAsAjv.has(pattern)) return readAsAjv.get(pattern);
  let matcher: LinearMatcher | undefined;
  for (const flags of ['u', '']) {
    try {
      matcher = linearRegExp(pattern, flags);
      break;
    } catch (error) {
      if (error instanceof NoLinearMatch) {
        matcher = fallbackMatcher(error, flags).matcher;
        break;
      }
    }
  }
  readAsAjv.set(pattern, matcher);
  return matcher;
}
