import { describe, expect, it } from 'vitest';
import { hasTopLevelAlternation, leadingLookaheads } from '../../src/openapi/leadingLookaheads.js';

describe('leadingLookaheads', () => {
  it('splits an anchored pattern into its lookaheads and the rest', () => {
    expect(leadingLookaheads('^(?=.*[a-z])(?!.*(pass|word))[\\w)]{8,}$')).toEqual({
      lookaheads: [{ body: '.*[a-z]', negated: false }, { body: '.*(pass|word)', negated: true }],
      rest: '[\\w)]{8,}$',
    });
  });
  it('a first positive lookahead starting with ^ anchors the pattern', () => {
    expect(leadingLookaheads('(?=^.{8,}$)(?=.*\\d).*')).toEqual({ lookaheads: [{ body: '^.{8,}$', negated: false }, { body: '.*\\d', negated: false }], rest: '.*' });
  });
  it('reads escapes and classes: a ) inside them does not close the lookahead', () => {
    expect(leadingLookaheads('^(?=[)]\\))x')).toEqual({ lookaheads: [{ body: '[)]\\)', negated: false }], rest: 'x' });
  });
  it.each([
    ['(?=.*\\d).{8}', 'not anchored: the lookahead may hold at any position'],
    ['(?!^a).*', 'anchored only by a negative lookahead'],
    ['(?=^a|b)c', 'the anchor is one branch of the lookahead'],
    ['^(?=a)b|c', 'a top-level alternation: the lookahead is one branch'],
    ['^(?=a)?b', 'a quantified lookahead'],
    ['^a(?=b)', 'the lookahead comes after another atom'],
    ['^(?=a', 'the lookahead does not close'],
    ['^abc', 'no lookahead'],
  ])('%s is left as it is (%s)', (pattern) => {
    expect(leadingLookaheads(pattern)).toBeUndefined();
  });
  it('finds a top-level | only outside groups, classes and escapes', () => {
    expect(hasTopLevelAlternation('a|b')).toBe(true);
    expect(hasTopLevelAlternation('(a|b)[|]\\|')).toBe(false);
  });
});
