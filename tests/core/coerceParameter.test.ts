// How a parameter string is read before it is validated: the sandbox and the suite share the rule.
import { describe, expect, it } from 'vitest';
import { coerceParameter } from '../../src/core/coerceParameter.js';

const integer = new Set(['integer']);
const number = new Set(['number']);

describe('coerceParameter', () => {
  it.each([
    ['20', 20],
    ['1.0', 1],
    ['1e1', 10],
    ['1.5e1', 15],
    ['-0', -0],
    ['120e-1', 12],
  ])('reads %s for an integer schema as the integer it denotes', (text, value) => {
    expect(coerceParameter(integer, text)).toBe(value);
  });

  it.each(['99.99999999999999999', '1.0000000000000001', '15e-1', '1e-400'])(
    'keeps %s, which denotes no integer, as text for an integer schema (a float would round it to one)',
    (text) => {
      expect(coerceParameter(integer, text)).toBe(text);
    },
  );

  it('reads any decimal for a number schema, and leaves other text alone', () => {
    expect(coerceParameter(number, '99.99999999999999999')).toBe(100);
    expect(coerceParameter(integer, ' 1')).toBe(' 1');
    expect(coerceParameter(new Set(['boolean']), 'true')).toBe(true);
    expect(coerceParameter(new Set(['string']), '1')).toBe('1');
  });
});
