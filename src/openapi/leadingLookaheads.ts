/**
 * A pattern made of lookaheads at its start, `^(?=A)(?!B)R`, read as the conjunction it is: the
 * text matches when `^A` matches, `^B` does not and `^R` does. That is exact under ECMAScript's
 * rules without the `m` flag: `^` holds at position 0 only, and a lookahead is zero-width and
 * atomic, so each one only asks whether its body matches at the start. Password rules are written
 * this way (`^(?=.*[a-z])(?=.*\d).{8,}$`), and each part is then a pattern RE2 can match in
 * linear time (linearRegExp.ts).
 *
 * Only that shape is read: a `|` at the top level (`^(?=a)b|c` is `(^(?=a)b)|c`), a lookahead
 * after the first other atom, a quantified lookahead, or no anchor leaves the pattern as it is
 * (undefined). `(?=^A)` first anchors the pattern too.
 */

export interface LeadingLookaheads {
  /** Each lookahead's body, and whether it is negative (`(?!…)`). */
  lookaheads: { body: string; negated: boolean }[];
  /** What follows them, to be matched at the start of the text. */
  rest: string;
}

/** The index just past the group opening at `start` (`pattern[start] === '('`), or -1 when it does not close. */
function groupEnd(pattern: string, start: number): number {
  let depth = 0;
  let inClass = false;
  for (let i = start; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') i += 1;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth += 1;
    else if (c === ')' && --depth === 0) return i + 1;
  }
  return -1;
}

/** Whether `pattern` has a `|` outside every group and class. */
export function hasTopLevelAlternation(pattern: string): boolean {
  let depth = 0;
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') i += 1;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth += 1;
    else if (c === ')') depth -= 1;
    else if (c === '|' && depth === 0) return true;
  }
  return false;
}

const QUANTIFIER = /^[*+?{]/;

/** The lookaheads `pattern` starts with and the rest, when it has the shape above; otherwise undefined. */
export function leadingLookaheads(pattern: string): LeadingLookaheads | undefined {
  if (hasTopLevelAlternation(pattern)) return undefined;
  let i = pattern.startsWith('^') ? 1 : 0;
  const lookaheads: LeadingLookaheads['lookaheads'] = [];
  while (pattern.startsWith('(?=', i) || pattern.startsWith('(?!', i)) {
    const end = groupEnd(pattern, i);
    if (end < 0 || QUANTIFIER.test(pattern.slice(end))) return undefined;
    lookaheads.push({ body: pattern.slice(i + 3, end - 1), negated: pattern[i + 2] === '!' });
    i = end;
  }
  if (lookaheads.length === 0) return undefined;
  const first = lookaheads[0] as LeadingLookaheads['lookaheads'][number];
  const anchored = pattern.startsWith('^') || (!first.negated && first.body.startsWith('^') && !hasTopLevelAlternation(first.body));
  return anchored ? { lookaheads, rest: pattern.slice(i) } : undefined;
}
