// The request target is routed as the client wrote it: no normalisation that would make one
// path serve another's resource.
import { describe, expect, it } from 'vitest';
import { parseRequestTarget } from '../../../src/sandbox/http/requestTarget.js';

const pathOf = (target: string) => parseRequestTarget(target)?.pathname;

describe('parseRequestTarget', () => {
  it.each([
    ['/v1/influencers/inf_a/../inf_b', '/v1/influencers/inf_a/../inf_b'],
    ['/v1/influencers/%2e%2e/influencers', '/v1/influencers/%2e%2e/influencers'],
    ['/v1/x/./influencers', '/v1/x/./influencers'],
    ['//evil.example/v1/influencers', '//evil.example/v1/influencers'],
    ['/v1\\influencers', '/v1\\influencers'],
    ['/v1//influencers', '/v1//influencers'],
    ['/v1/influencers/', '/v1/influencers/'],
    ['/v1/influencers%2Finf_a', '/v1/influencers%2Finf_a'],
  ])('%s keeps its path as sent', (target, path) => {
    expect(pathOf(target)).toBe(path);
  });

  it('splits the query off and drops a fragment', () => {
    const t = parseRequestTarget('/v1/influencers?limit=1&limit=2&cursor=a%2Bb#frag');
    expect(t?.pathname).toBe('/v1/influencers');
    expect(t?.searchParams.getAll('limit')).toEqual(['1', '2']);
    expect(t?.searchParams.get('cursor')).toBe('a+b');
  });

  it('reads the path of an absolute-form target, its authority ignored', () => {
    expect(pathOf('http://api.layers.com/v1/influencers?limit=1')).toBe('/v1/influencers');
    expect(pathOf('http://api.layers.com/v1/../api/partners')).toBe('/v1/../api/partners');
    expect(pathOf('http://api.layers.com')).toBe('/');
    expect(pathOf('http://api.layers.com?x=1')).toBe('/');
  });

  it.each(['http://[', '*', 'v1/influencers', ''])('%j is no request target', (target) => {
    expect(parseRequestTarget(target)).toBeUndefined();
  });
});
