import { describe, expect, it } from 'vitest';
import { oversizedMinimum } from '../../src/openapi/oversizedMinimum.js';

const doc = {
  components: {
    schemas: {
      Huge: { type: 'array', minItems: 2_000_000, items: { type: 'integer' } },
      Tree: { type: 'object', properties: { children: { type: 'array', items: { $ref: '#/components/schemas/Tree' } } } },
    },
  },
};

describe('oversizedMinimum', () => {
  it('finds a bound past the limit in an optional property, through a $ref, naming where it is stated', () => {
    const schema = { type: 'object', properties: { list: { $ref: '#/components/schemas/Huge' } } };
    expect(oversizedMinimum(doc, schema, '#/body', 1_000_000)).toEqual({ keyword: 'minItems', bound: 2_000_000, pointer: '#/components/schemas/Huge/minItems' });
  });
  it.each([
    ['minLength', { allOf: [{ type: 'string' }, { minLength: 5_000_000 }] }],
    ['minProperties', { oneOf: [{ type: 'object', minProperties: 5_000_000 }] }],
    ['minContains', { type: 'array', contains: { type: 'integer' }, minContains: 5_000_000 }],
  ])('finds %s in the schemas a sample is built from', (keyword, schema) => {
    expect(oversizedMinimum(doc, schema, '#', 1_000_000)?.keyword).toBe(keyword);
  });
  it('leaves out what no sample holds (not, propertyNames) and bounds within the limit', () => {
    expect(oversizedMinimum(doc, { not: { minLength: 5_000_000 }, propertyNames: { minLength: 5_000_000 }, minLength: 1_000_000 }, '#', 1_000_000)).toBeUndefined();
  });
  it('reads a bound written beside a $ref (the sampler merges it into the target)', () => {
    expect(oversizedMinimum(doc, { $ref: '#/components/schemas/Tree', minItems: 3_000_000 }, '#/body', 1_000_000)).toEqual({ keyword: 'minItems', bound: 3_000_000, pointer: '#/body/minItems' });
  });
  it('multiplies nested bounds: 1,000 arrays of 1,000 strings of 2 characters ask for 2,000,000', () => {
    const nested = { type: 'array', minItems: 1_000, items: { type: 'array', minItems: 1_000, items: { type: 'string', minLength: 2 } } };
    expect(oversizedMinimum(doc, nested, '#', 1_000_000)).toEqual({ keyword: 'minLength', bound: 2, pointer: '#/items/items/minLength' });
    expect(oversizedMinimum(doc, { ...nested, minItems: 400 }, '#', 1_000_000)).toBeUndefined();
  });
  it('of a oneOf or anyOf, reads the first branch only, the one the sampler takes', () => {
    expect(oversizedMinimum(doc, { oneOf: [{ type: 'string' }, { type: 'array', minItems: 5_000_000 }] }, '#', 1_000_000)).toBeUndefined();
  });
  it('ends on a recursive schema', () => {
    expect(oversizedMinimum(doc, { $ref: '#/components/schemas/Tree' }, '#', 1_000_000)).toBeUndefined();
  });
});
