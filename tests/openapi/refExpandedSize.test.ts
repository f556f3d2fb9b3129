// The size of a document with its $refs expanded: what Prism's dereferencing walks.
import { describe, expect, it } from 'vitest';
import { refExpandedSize } from '../../src/openapi/refExpandedSize.js';

/** `depth` schemas, each naming the next twice: 2^depth leaves once expanded. */
const doubling = (depth: number) => ({
  components: { schemas: { ...Object.fromEntries(Array.from({ length: depth }, (_, i) => [`S${i}`, { properties: { a: { $ref: `#/components/schemas/S${i + 1}` }, b: { $ref: `#/components/schemas/S${i + 1}` } } }])), [`S${depth}`]: { type: 'string' } } },
});

describe('refExpandedSize', () => {
  it('counts a shared schema once per path that reaches it', () => {
    expect(refExpandedSize({ a: { $ref: '#/s' }, b: { $ref: '#/s' }, s: { type: 'string' } }, 1e6)).toBe(1 + 2 + 2 + 2);
  });

  it('counts past a billion for forty doubling schemas without walking them, stopping at the limit', () => {
    expect(refExpandedSize(doubling(40), 1e9)).toBe(1e9 + 1);
  });

  it('counts a cycle once, and a $ref to itself or round in a ring ends', () => {
    expect(refExpandedSize({ s: { properties: { self: { $ref: '#/s' } } } }, 1e6)).toBeLessThan(10);
    expect(refExpandedSize({ a: { $ref: '#/b' }, b: { $ref: '#/a' }, c: { $ref: '#/c' } }, 1e6)).toBeLessThan(10);
  });
});
