import { describe, expect, it } from 'vitest';
import { templatePattern } from '../../src/openapi/pathTemplate.js';

describe('templatePattern', () => {
  it('turns each {param} into one segment and escapes the rest', () => {
    const { pattern, paramNames } = templatePattern('/v1/a.b/{x}/c/{y}');
    expect(paramNames).toEqual(['x', 'y']);
    expect(pattern.exec('/v1/a.b/1/c/2')?.slice(1)).toEqual(['1', '2']);
    expect(pattern.test('/v1/aXb/1/c/2')).toBe(false);
    expect(pattern.test('/v1/a.b/1/2/c/3')).toBe(false);
    expect(pattern.test('/v1/a.b//c/3')).toBe(false);
  });
});
