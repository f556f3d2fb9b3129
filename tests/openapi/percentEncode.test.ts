import { describe, expect, it } from 'vitest';
import { encodeComponent } from '../../src/openapi/percentEncode.js';

describe('encodeComponent', () => {
  it('encodes as encodeURIComponent does, a lone surrogate as U+FFFD instead of throwing URIError', () => {
    expect(encodeComponent('a b/é😀')).toBe(encodeURIComponent('a b/é😀'));
    expect(encodeComponent('x\uD800y')).toBe('x%EF%BF%BDy');
    expect(encodeComponent('\uDC00\uD83D')).toBe('%EF%BF%BD%EF%BF%BD');
  });
});
