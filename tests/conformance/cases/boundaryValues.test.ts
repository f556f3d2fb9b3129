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
  it('writes a parameter bound as text', () => expect(boundaryValues([violation('minimum', 'minimum 1', '', '0')], '20', anything, { numeric: false }).map((b) => b.value)).toEqual(['1']));
  it('leaves out a value the schema rejects, the valid value itself, and the bounds a value cut short would meet', () => {
    expect(boundaryValues([violation('maximum', 'maximum 100', '', 101)], 5, (v) => v !== 100, { numeric: true })).toEqual([]);
    expect(boundaryValues([violation('maximum', 'maximum 100', '', 101)], 100, anything, { numeric: true })).toEqual([]);
    expect(boundaryValues([violation('minLength', 'minLength 1', '', '')], 'abc', anything, { numeric: false })).toEqual([]);
  });
});
