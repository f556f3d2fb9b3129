import { describe, expect, it } from 'vitest';
import { boundaryValues } from '../../../src/conformance/cases/boundaryValues.js';
import type { Violation } from '../../../src/conformance/cases/deriveSchemaViolations.js';

const violation = (keyword: string, rule: string, instancePath: string, value: unknown): Violation => ({ keyword, rule, instancePath, field: '', value });
const anything = () => true;

describe('boundaryValues', () => {
  it('gives the value just inside each bound a violation broke', () => {
    const valid = { reason: 'ok', ids: ['a'], limit: 20 };
    const found = boundaryValues(
      [
        violation('maxLength', 'maxLength 3', '/reason', { ...valid, reason: 'okxx' }),
        violation('maxItems', 'maxItems 2', '/ids', { ...valid, ids: ['a', 'b', 'c'] }),
        violation('maximum', 'maximum 100', '/limit', { ...valid, limit: 101 }),
        violation('exclusiveMinimum', 'exclusiveMinimum 0', '/limit', { ...valid, limit: 0 }),
      ],
      valid,
      anything,
      { numeric: true },
    );
    expect(found.map((b) => b.value)).toEqual([{ ...valid, reason: 'okx' }, { ...valid, ids: ['a', 'b'] }, { ...valid, limit: 100 }, { ...valid, limit: 1 }]);
  });
  it('gives a body text at maxLength in characters beyond ASCII too (one character each, four UTF-8 bytes, two UTF-16 units), only where asked and valid', () => {
    const valid = { name: 'Ava' };
    const broken = [violation('maxLength', 'maxLength 5', '/name', { name: 'Avaxxx' })];
    const found = boundaryValues(broken, valid, anything, { numeric: true, beyondAscii: true });
    expect(found.map((b) => [b.rule, b.value])).toEqual([
      ['maxLength 5', { name: 'Avaxx' }],
      ['maxLength 5 (characters beyond ASCII)', { name: 'Ava\u{1F600}\u{1F600}' }],
    ]);
    expect([...(found[1]!.value as { name: string }).name]).toHaveLength(5);
    expect(boundaryValues(broken, valid, anything, { numeric: true }).map((b) => b.rule)).toEqual(['maxLength 5']);
    // A property the valid body leaves out is given the bound's worth of them alone.
    expect(boundaryValues([violation('maxLength', 'maxLength 2', '/name', { other: 1, name: 'xxx' })], { other: 1 }, anything, { numeric: true, beyondAscii: true }).map((b) => b.value)).toEqual([{ other: 1, name: 'xx' }, { other: 1, name: '\u{1F600}\u{1F600}' }]);
    expect(boundaryValues(broken, valid, (v) => /^[ -~]*$/.test((v as { name: string }).name), { numeric: true, beyondAscii: true }).map((b) => b.rule)).toEqual(['maxLength 5']);
  });
  it('writes a parameter bound as text', () => expect(boundaryValues([violation('minimum', 'minimum 1', '', '0')], '20', anything, { numeric: false }).map((b) => b.value)).toEqual(['1']));
  it('leaves out a value the schema rejects, the valid value itself, and the bounds a value cut short would meet', () => {
    expect(boundaryValues([violation('maximum', 'maximum 100', '', 101)], 5, (v) => v !== 100, { numeric: true })).toEqual([]);
    expect(boundaryValues([violation('maximum', 'maximum 100', '', 101)], 100, anything, { numeric: true })).toEqual([]);
    expect(boundaryValues([violation('minLength', 'minLength 1', '', '')], 'abc', anything, { numeric: false })).toEqual([]);
  });
});
