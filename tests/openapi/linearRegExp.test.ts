// Document patterns keep ECMAScript's meaning when matched by the linear-time engine.
import { describe, expect, it } from 'vitest';
import { linearRegExp, linearSearch, NoLinearMatch } from '../../src/openapi/linearRegExp.js';

describe('linearRegExp', () => {
  it.each([
    ['^\\s$', '\u00a0', true],
    ['^\\s$', '\u2028', true],
    ['^\\S$', '\u00a0', false],
    ['^[\\s,]+$', ' ,\u3000', true],
    ['^.$', '\r', false],
    ['^.$', '😀', true],
    ['^\\u00e9$', 'é', true],
    ['^\\u{1F600}$', '😀', true],
    ['^\\uD83D\\uDE00$', '😀', true],
    ['^\\cA$', '\u0001', true],
    ['^[^]$', '\n', true],
    ['^a[]$', 'a', false],
    ['^(?<year>\\d{4})$', '2026', true],
    ['^\\d+$', '٣', false],
    ['^[\\w-]+$', 'a-b_C', true],
    ['abc', 'xxabcxx', true],
  ])('%s on %j is %s, as ECMAScript says', (pattern, text, expected) => {
    expect(new RegExp(pattern, 'u').test(text)).toBe(expected);
    expect(linearRegExp(pattern, 'u').test(text)).toBe(expected);
  });

  it('matches a backtracking pattern against a long failing text', () => {
    expect(linearRegExp('^(a+)+$', 'u').test(`${'a'.repeat(100_000)}!`)).toBe(false);
    expect(linearRegExp('^(a|a)*$', 'u').test('a'.repeat(100_000))).toBe(true);
  });

  it('honours the i flag', () => {
    expect(linearRegExp('^abc$', 'iu').test('ABC')).toBe(true);
    expect(linearRegExp('^abc$', 'u').test('ABC')).toBe(false);
  });

  it('matches lookaheads at the start of an anchored pattern as ECMAScript does, on texts a differential run picks', () => {
    const patterns = ['^(?=.*[a-z])(?=.*\\d)[a-z\\d]{3,6}$', '^(?!.*ab)(?=a).*b$', '(?=^.{2,4}$)(?!x)\\w*', '^(?=(a|b)c)(?!.*d$).', '^(?=.*A)(?=.*\\.).+$'];
    const alphabet = ['a', 'b', 'c', 'd', 'x', 'A', '1', '.', '\n'];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (const pattern of patterns) {
      for (const flags of ['u', 'iu']) {
        const native = new RegExp(pattern, flags);
        const linear = linearRegExp(pattern, flags);
        for (let n = 0; n < 400; n++) {
          const text = Array.from({ length: next() % 8 }, () => alphabet[next() % alphabet.length]).join('');
          expect(linear.test(text), `${pattern} /${flags} on ${JSON.stringify(text)}`).toBe(native.test(text));
        }
      }
    }
  });

  it('a lookahead-led pattern stays linear: the nested quantifier of ^(?=x)(x+)+$ on a long failing text', () => {
    expect(linearRegExp('^(?=x)(x+)+$', 'u').test(`${'x'.repeat(100_000)}!`)).toBe(false);
  });

  it.each([['(?=a)a'], ['(?!a)b'], ['^(?=a)b|c'], ['^(?=(?<=a)b)'], ['(?<=a)b'], ['(?<!a)b'], ['(a)\\1'], ['(?<n>a)\\k<n>'], ['a{5000}']])('%s: NoLinearMatch, naming the pattern', (pattern) => {
    expect(() => linearRegExp(pattern, 'u')).toThrow(NoLinearMatch);
    expect(() => linearRegExp(pattern, 'u')).toThrow(JSON.stringify(pattern));
  });

  it('a pattern ECMAScript rejects throws its SyntaxError', () => {
    expect(() => linearRegExp('[\\w-.]', 'u')).toThrow(SyntaxError);
  });

  it('toString is unique to the pattern and flags (ajv caches compiled patterns by it)', () => {
    expect(String(linearRegExp('a', 'u'))).not.toBe(String(linearRegExp('a', 'iu')));
    expect(String(linearRegExp('a', 'u'))).not.toBe(String(linearRegExp('b', 'u')));
  });
});

describe('linearSearch', () => {
  it('gives the index of the first match as String.prototype.search does, the m flag and non-ASCII text included', () => {
    for (const [pattern, text] of [[/^\s*at \w+/m, 'é😀 x\n  at f\n'], [/b+/, 'aab'], [/^x/m, 'a\nb'], [/A/i, 'é a']] as const) {
      expect(linearSearch(pattern)(text), String(pattern)).toBe(text.search(pattern));
    }
  });
  it('finds nothing in a million line breaks against ^\\s*x under m, in one pass', () => {
    expect(linearSearch(/^\s*x/m)('\n'.repeat(1_000_000))).toBe(-1);
  });
});
