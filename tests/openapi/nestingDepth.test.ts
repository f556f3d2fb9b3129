import { describe, expect, it } from 'vitest';
import { nestingDepth } from '../../src/openapi/nestingDepth.js';

describe('nestingDepth', () => {
  it.each([
    ['1', 0],
    ['[]', 1],
    ['{"a":[{"b":[]}]}', 4],
    ['["[[[", "\\"{{"]', 1],
    [`${'['.repeat(100_000)}${']'.repeat(100_000)}`, 100_000],
  ])('%s nests %i deep (brackets in strings do not count)', (text, depth) => {
    expect(nestingDepth(text)).toBe(depth);
  });
});
