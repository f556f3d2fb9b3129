import { describe, expect, it } from 'vitest';
import { repeatedMember } from '../../../src/conformance/checks/body-unique-keys.js';
import { ok, response, rules } from './inlineDocument.js';

describe('body-unique-keys', () => {
  it('passes a body whose objects each name a member once (the same name in two objects is fine)', () => {
    expect(rules(response(200, { ...ok, nested: { id: 'x' } }))).toEqual([]);
  });
  it('fails a body that repeats a member, though the value JSON.parse keeps is valid', () => {
    expect(rules(response(200, '{"id":"t1","count":"three","count":3}'))).toEqual(['body-unique-keys']);
  });
  it('names the object that repeats it, at any depth', () => {
    expect(repeatedMember('{"a":[{"b":1},{"c/d":{"e":1,"e":2}}]}')).toEqual({ pointer: '/a/1/c~1d', name: 'e' });
    expect(repeatedMember('{"e":1,"x":{"e":2}}')).toBeUndefined();
  });
  it('reads a body nested 100,000 deep, which JSON.parse accepts, without overflowing the stack', () => {
    const deep = `{"x":${'['.repeat(100_000)}${']'.repeat(100_000)},"x":1}`;
    expect(repeatedMember(deep)).toEqual({ pointer: '', name: 'x' });
  });
  it('is not run on a body that does not parse (body-json reports it)', () => {
    expect(rules(response(200, '{"id":"t1","id":'))).toEqual(['body-json']);
  });
});
