import { describe, expect, it } from 'vitest';
import { createAjv, type AjvWarning } from '../../src/openapi/createAjv.js';

function foreign() {
  const warnings: AjvWarning[] = [];
  return { ajv: createAjv(undefined, { mode: 'foreign', onWarning: (w) => warnings.push(w) }), warnings };
}

describe('createAjv in foreign mode', () => {
  it('ignores an unknown format and reports it once, however often it is used', () => {
    const { ajv, warnings } = foreign();
    const validate = ajv.compile({ type: 'object', properties: { a: { type: 'string', format: 'customer-id' }, b: { type: 'string', format: 'customer-id' } } });
    ajv.compile({ type: 'string', format: 'customer-id' });
    expect(validate({ a: 'anything', b: 'at all' })).toBe(true);
    expect(warnings).toEqual([{ kind: 'unknown-format', format: 'customer-id', message: 'unknown format "customer-id" ignored' }]);
  });

  it('knows OpenAPI formats and checks the integer widths', () => {
    const { ajv, warnings } = foreign();
    const cases: [string, unknown, unknown][] = [
      ['int32', 2147483647, 2147483648],
      ['int64', 9007199254740991, 1.5],
      ['uint8', 255, 256],
      ['uint32', 4294967295, -1],
      ['int16', -32768, 40000],
      ['char', 'é', 'ab'],
    ];
    for (const [format, good, bad] of cases) {
      const validate = ajv.compile({ format });
      expect(validate(good), `${format}: ${String(good)}`).toBe(true);
      expect(validate(bad), `${format}: ${String(bad)}`).toBe(false);
    }
    for (const format of ['float', 'double', 'byte', 'binary', 'password', 'decimal', 'html']) ajv.compile({ format });
    expect(warnings).toEqual([]);
  });

  it('accepts properties/required without type: object, and unknown keywords', () => {
    const { ajv } = foreign();
    const validate = ajv.compile({ required: ['a'], properties: { a: { type: 'integer' } }, 'made-up': true });
    expect(validate({ a: 1 })).toBe(true);
    expect(validate({ a: 'x' })).toBe(false);
    expect(validate({})).toBe(false);
  });

  it('compiles a pattern that is invalid under the u flag without it, and says so once', () => {
    const { ajv, warnings } = foreign();
    const validate = ajv.compile({ type: 'string', pattern: '^[\\w-.]+$' });
    expect(validate('a-b.c')).toBe(true);
    expect(validate('a b')).toBe(false);
    expect(warnings.map((w) => w.kind)).toEqual(['non-unicode-pattern']);
  });

  it('still throws for a pattern that is not a regular expression at all', () => {
    expect(() => foreign().ajv.compile({ type: 'string', pattern: '(' })).toThrow('Invalid regular expression');
  });

  it('leaves the default strict mode as it was', () => {
    expect(() => createAjv().compile({ type: 'string', format: 'uint32' })).toThrow('unknown format "uint32"');
    expect(() => createAjv().compile({ type: 'string', pattern: '^[\\w-.]+$' })).toThrow('Invalid regular expression');
  });
});
