// A 3.1 document's leftover 3.0 boolean exclusive bound is read as 3.0 meant it (OpenAI's
// learning_rate_multiplier): it compiled nowhere under 2020-12, so its operations went untested.
import { describe, expect, it } from 'vitest';
import { numericExclusiveBounds } from '../../src/openapi/booleanExclusiveBounds.js';

describe('numericExclusiveBounds', () => {
  it('moves the bound into a true exclusiveMinimum/Maximum and drops a false one, on a copy', () => {
    const doc = { components: { schemas: { Rate: { type: 'number', minimum: 0, exclusiveMinimum: true, maximum: 2, exclusiveMaximum: false } } } };
    expect(numericExclusiveBounds(doc).components.schemas.Rate).toEqual({ type: 'number', exclusiveMinimum: 0, maximum: 2 });
    expect(doc.components.schemas.Rate.exclusiveMinimum).toBe(true);
  });

  it('leaves numeric bounds and examples alone, and returns the document itself when there is nothing to read', () => {
    const doc = { a: { type: 'number', exclusiveMinimum: 0 }, b: { type: 'object', example: { exclusiveMinimum: true } } };
    expect(numericExclusiveBounds(doc)).toBe(doc);
  });
});
