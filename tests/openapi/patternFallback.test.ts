// A foreign document's pattern RE2 cannot express (a backreference, lookaround past the start)
// still checks what it says: a password rule of lookaheads refused every answer ajv let pass, and
// Prism, which checks it natively, refused the engine's requests ajv had called valid. No text may
// make such a pattern backtrack for ever: ECMAScript's engine gets a time limit per text.
import { describe, expect, it } from 'vitest';
import { createAjv, type AjvWarning } from '../../src/openapi/createAjv.js';
import { NATIVE_MATCH_LIMIT_MS } from '../../src/openapi/linearRegExp.js';

function validator(pattern: string) {
  const warnings: AjvWarning[] = [];
  const validate = createAjv(undefined, { mode: 'foreign', onWarning: (w) => warnings.push(w) }).compile({ type: 'string', pattern });
  return { validate: (text: string) => validate(text), warnings };
}

describe('a pattern RE2 cannot express, in a foreign document', () => {
  it('a backreference is matched by ECMAScript\'s own engine, and the note says with what limit', () => {
    const { validate, warnings } = validator('^(a|b)\\1$');
    expect(validate('aa')).toBe(true);
    expect(validate('ab')).toBe(false);
    expect(warnings.map((w) => w.message)).toEqual([expect.stringMatching(new RegExp(`backreference.*checked with JavaScript's own engine, given ${NATIVE_MATCH_LIMIT_MS} ms per text`))]);
  });

  it('a lookahead past the start too, on a text of any length', () => {
    const { validate } = validator('^a+(?=b)');
    expect(validate(`${'a'.repeat(5_000)}b`)).toBe(true);
    expect(validate(`${'a'.repeat(5_000)}c`)).toBe(false);
  });

  it('a text that backtracks past the limit leaves the pattern unchecked from then on, and says so once', () => {
    const { validate, warnings } = validator('^(x+)+\\1$');
    expect(validate('xx')).toBe(true);
    expect(validate('xxx!')).toBe(false);
    expect(validate(`${'x'.repeat(10_000)}!`)).toBe(true);
    expect(validate('xxx!')).toBe(true);
    expect(validate(`${'x'.repeat(10_000)}?`)).toBe(true);
    expect(warnings.map((w) => w.message)).toEqual([
      expect.stringMatching(/checked with JavaScript's own engine/),
      expect.stringMatching(new RegExp(`a text of 10,001 characters took JavaScript's own engine longer than ${NATIVE_MATCH_LIMIT_MS} ms, so the pattern was not checked from then on$`)),
    ]);
  });

  it('lookaheads at the start of an anchored pattern need no fallback: no note, exact on a long text', () => {
    const { validate, warnings } = validator('^(?=.*[a-z])(?=.*[0-9]).{8,}$');
    expect(validate('password1')).toBe(true);
    expect(validate('password')).toBe(false);
    expect(validate('12345678')).toBe(false);
    expect(validate(`${'x'.repeat(100_000)}1`)).toBe(true);
    expect(warnings).toEqual([]);
  });
});
