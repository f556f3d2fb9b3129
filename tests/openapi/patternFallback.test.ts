// A foreign document's pattern RE2 cannot express (lookaround, backreference) still checks what it
// says where that is safe: a password rule of lookaheads refused every answer ajv let pass, and
// Prism, which checks it natively, refused the engine's requests ajv had called valid.
import { describe, expect, it } from 'vitest';
import { createAjv, type AjvWarning } from '../../src/openapi/createAjv.js';
import { NATIVE_TEXT_LIMIT } from '../../src/openapi/linearRegExp.js';

function validator(pattern: string) {
  const warnings: AjvWarning[] = [];
  const validate = createAjv(undefined, { mode: 'foreign', onWarning: (w) => warnings.push(w) }).compile({ type: 'string', pattern });
  return { validate: (text: string) => validate(text), warnings };
}

describe('a pattern RE2 cannot express, in a foreign document', () => {
  it('is matched by the native engine when no quantifier nests, and the note says up to what length', () => {
    const { validate, warnings } = validator('^(?=.*[a-z])(?=.*[0-9]).{8,}$');
    expect(validate('password1')).toBe(true);
    expect(validate('password')).toBe(false);
    expect(validate('12345678')).toBe(false);
    expect(warnings.map((w) => w.message)).toEqual([expect.stringMatching(/lookaround.*checked with JavaScript's own engine on texts of up to 1,000 characters/)]);
  });

  it('a backreference too', () => {
    const { validate } = validator('^(a|b)\\1$');
    expect(validate('aa')).toBe(true);
    expect(validate('ab')).toBe(false);
  });

  it('is not matched on a text past the limit, nor at all when a quantifier nests (no backtracking for ever)', () => {
    expect(validator('^(?=.*[0-9])').validate('x'.repeat(NATIVE_TEXT_LIMIT + 1))).toBe(true);
    const nested = validator('^(?=x)(x+)+$');
    expect(nested.validate(`${'x'.repeat(100_000)}!`)).toBe(true);
    expect(nested.warnings.map((w) => w.message)).toEqual([expect.stringMatching(/: not checked$/)]);
  });
});
