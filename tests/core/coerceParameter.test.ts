// How a parameter string is read before it is validated: the sandbox and the suite share the rule.
import { describe, expect, it } from 'vitest';
import { coerceParameter } from '../../src/core/coerceParameter.js';

const integer = new Set(['integer']);
const number = new Set(['number']);

describe('coerceParameter', () => {
  it.each([
    ['20', 20],
    ['0', 0],
    ['-7', -7],
    ['-0', 0],
  ])('reads %s, an integer numeral, for an integer schema as that integer', (text, value) => {
    expect(coerceParameter(integer, text)).toBe(value);
  });

  it.each(['1.0', '1e1', '1.5e1', '120e-1', '99.99999999999999999', '1.0000000000000001', '15e-1', '1e-400', '05', '+5', '0x10', ' 1', '1 ', ''])(
    'keeps %j, whose text is no integer numeral, as text for an integer schema (refused as no integer, whatever number it denotes)',
    (text) => {
      expect(coerceParameter(integer, text)).toBe(text);
    },
  );

  it('reads decimals in exponent form for a number schema', () => {
    expect(coerceParameter(number, '1e1')).toBe(10);
    expect(coerceParameter(number, '1.5')).toBe(1.5);
    expect(coerceParameter(new Set(['integer', 'number']), '1.0')).toBe(1);
  });

  it('reads any decimal for a number schema, and leaves other text alone', () => {
    expect(coerceParameter(number, '99.99999999999999999')).toBe(100);
    expect(coerceParameter(integer, ' 1')).toBe(' 1');
    expect(coerceParameter(new Set(['boolean']), 'true')).toBe(true);
    expect(coerceParameter(new Set(['string']), '1')).toBe('1');
  });
});
