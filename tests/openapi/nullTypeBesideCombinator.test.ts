// `{ type: 'null', oneOf: [string, number] }` holds no value under 2020-12; it is read as
// "one of these, or null", as its author meant. A schema that can hold a value is left alone.
import { describe, expect, it } from 'vitest';
import { nullTypeIntoCombinator } from '../../src/openapi/nullTypeBesideCombinator.js';

describe('nullTypeIntoCombinator', () => {
  it('moves a type null that empties a oneOf into it, following $refs to typed branches', () => {
    const doc = { components: { schemas: { Value: { type: 'null', oneOf: [{ type: 'string' }, { $ref: '#/components/schemas/List' }] }, List: { type: 'array', items: { $ref: '#/components/schemas/Value' } } } } };
    const read = nullTypeIntoCombinator(doc);
    expect(read.components.schemas.Value).toEqual({ oneOf: [{ type: 'string' }, { $ref: '#/components/schemas/List' }, { type: 'null' }] });
    expect(doc.components.schemas.Value.type).toBe('null'); // the input is not modified
  });

  it('leaves alone a combinator with a branch that takes null or whose type is not stated, and values', () => {
    const doc = {
      a: { type: 'null', anyOf: [{ type: 'string' }, { type: ['number', 'null'] }] },
      b: { type: 'null', oneOf: [{ type: 'string' }, { minLength: 1 }] },
      c: { type: 'string', oneOf: [{ type: 'string' }] },
      d: { example: { type: 'null', oneOf: [{ type: 'string' }] } },
    };
    expect(nullTypeIntoCombinator(doc)).toBe(doc);
  });
});
