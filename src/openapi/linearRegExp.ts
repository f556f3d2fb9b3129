/**
 * A document's `pattern` matched in time linear in the text (RE2, through re2js), with the meaning
 * ECMAScript gives it. A backtracking RegExp takes exponential time on `^(a+)+$` against
 * `aaaa…!`, so a document and a server together could hang the suite; RE2 cannot.
 *
 * The pattern is first compiled as a native RegExp (so what is valid and what throws stays
 * ECMAScript's, the `u` flag included), then translated where RE2's syntax or meaning differs:
 * `\uXXXX` and `\u{X}` escapes, `\cX`, `\s`/`\S` (ECMAScript's takes Unicode spaces, RE2's only
 * ASCII ones) and `.` (ECMAScript's stops at CR, LS and PS too). A pattern RE2 cannot express
 * (lookaround, backreferences) gets no linear-time matcher: `linearRegExp` says so and the
 * caller decides (createAjv's foreign mode checks nothing for it and says so once).
 */
import { RE2JS } from 're2js';
import safeRegex from 'safe-regex2';

/** ECMAScript's WhiteSpace and LineTerminator code points, as class members in RE2 syntax. */
const JS_SPACE = '\\t\\n\\x{0B}\\f\\r \\x{A0}\\x{1680}\\x{2000}-\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}\\x{FEFF}';
/** ECMAScript's `.` without the `s` flag: anything but a line terminator. */
const JS_DOT = '[^\\n\\r\\x{2028}\\x{2029}]';

/** What a pattern RE2 cannot express was refused for. */
export class NoLinearMatch extends Error {
  constructor(readonly pattern: string, reason: string) {
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
  const unicode = flags.includes('u');
  let compiled: RE2JS;
  try {
    compiled = RE2JS.compile(toRe2Syntax(pattern, unicode), flags.includes('i') ? RE2JS.CASE_INSENSITIVE : 0);
  } catch (error) {
    if (error instanceof NoLinearMatch) throw error;
    throw new NoLinearMatch(pattern, (error as Error).message.replace(/^error parsing regexp: /, ''));
  }
  const source = `/${pattern}/${flags}`;
  return { test: (text: string) => compiled.test(text), toString: () => source };
}

/** The longest text a pattern RE2 cannot express is matched on with the native engine. */
export const NATIVE_TEXT_LIMIT = 1_000;

/**
 * For a pattern RE2 cannot express (lookaround, backreference): ECMAScript's own engine where
 * safe-regex2 finds no nested quantifier (the cause of exponential backtracking), on texts up to
 * NATIVE_TEXT_LIMIT characters, so a password rule like `(?=.*[a-z])(?=.*[0-9])` still checks what
 * it says; a longer text, or any text of a pattern with a nested quantifier, is not checked.
 * `checked` says which; `note` is the line for people.
 */
export function fallbackMatcher(error: NoLinearMatch, flags: string): { matcher: LinearMatcher; note: string } {
  const { pattern } = error;
  let native: RegExp | undefined;
  try {
    const candidate = new RegExp(pattern, flags);
    if (safeRegex(candidate)) native = candidate;
  } catch {
    // safe-regex2's parser does not read every ECMAScript pattern (lookbehind): not checked
  }
  if (native === undefined) return { matcher: { test: () => true, toString: () => `unchecked:/${pattern}/${flags}` }, note: `${error.message}: not checked` };
  const regExp = native;
  return {
    matcher: { test: (text: string) => text.length > NATIVE_TEXT_LIMIT || regExp.test(text), toString: () => `native:/${pattern}/${flags}` },
    note: `${error.message}: checked with JavaScript's own engine on texts of up to ${NATIVE_TEXT_LIMIT.toLocaleString('en-US')} characters, longer ones not checked`,
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
