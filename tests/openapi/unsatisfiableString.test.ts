// A string schema whose length bounds, pattern and format leave no length: no value satisfies it,
// so a body failing it is the document's defect (Adyen's TerminalAPI CardStatusWords: base64 in
// exactly two characters).
import { describe, expect, it } from 'vitest';
import { unsatisfiableString } from '../../src/openapi/unsatisfiableString.js';

describe('unsatisfiableString', () => {
  it("says why format byte with pattern ^.{2,2}$ admits no value (base64 is a multiple of 4 characters)", () => {
    expect(unsatisfiableString([{ type: 'string', format: 'byte', pattern: '^.{2,2}$' }])).toBe('format byte (base64) takes a multiple of 4 characters, and pattern ^.{2,2}$ exactly 2');
  });

  it('reads the bounds of every schema at the spot together, with minLength and maxLength', () => {
    expect(unsatisfiableString([{ format: 'uuid' }, { maxLength: 20 }])).toBe('format uuid takes exactly 36 characters, and maxLength 20 at most 20');
    expect(unsatisfiableString([{ minLength: 5, maxLength: 3 }])).toBe('minLength 5 takes at least 5 characters, and maxLength 3 at most 3');
    expect(unsatisfiableString([{ pattern: '^[0-9]{3}$' }, { minLength: 4 }])).toBe('minLength 4 takes at least 4 characters, and pattern ^[0-9]{3}$ exactly 3');
  });

  it('says nothing of a schema some length satisfies, nor of a pattern not anchored at both ends', () => {
    expect(unsatisfiableString([{ format: 'byte', pattern: '^.+$' }])).toBeUndefined();
    expect(unsatisfiableString([{ format: 'byte', pattern: '^.{2,8}$' }])).toBeUndefined();
    expect(unsatisfiableString([{ format: 'byte', pattern: '.{2}' }])).toBeUndefined();
    expect(unsatisfiableString([{ format: 'byte', pattern: '^.{2}' }])).toBeUndefined();
    expect(unsatisfiableString([{ type: 'string', minLength: 3, maxLength: 3 }])).toBeUndefined();
    expect(unsatisfiableString([{ format: 'byte', pattern: '^(ab|abcd)$' }])).toBeUndefined();
    expect(unsatisfiableString([{ format: 'byte', pattern: '(^' }])).toBeUndefined();
  });
});
