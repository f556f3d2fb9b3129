import { describe, expect, it } from 'vitest';
import {
  childPointer, decodePointer, encodePointer, escapeToken, getAtPointer, refToPointer, resolveRef, unescapeToken,
} from '../../src/openapi/jsonPointer.js';

describe('escapeToken / unescapeToken', () => {
  it('escapes ~ as ~0 and / as ~1', () => {
    expect(escapeToken('a/b~c')).toBe('a~1b~0c');
    expect(escapeToken('~1')).toBe('~01');
  });

  it('unescapes ~1 before ~0, so ~01 stays the literal "~1"', () => {
    expect(unescapeToken('a~1b~0c')).toBe('a/b~c');
    expect(unescapeToken('~01')).toBe('~1');
  });
});

describe('encodePointer / decodePointer', () => {
  const tokens = ['paths', '/v1/users/{id}', 'a~b', '~1', '~01', '', '50%', 'application/problem+json', '0'];

  it('round-trips tokens with / and ~ through a pointer', () => {
    const pointer = encodePointer(tokens);
    expect(pointer).toBe('#/paths/~1v1~1users~1{id}/a~0b/~01/~001//50%/application~1problem+json/0');
    expect(decodePointer(pointer)).toEqual(tokens);
  });

  it('round-trips a pointer through tokens', () => {
    const pointer = '#/components/schemas/a~1b~0c/properties/~0~1';
    expect(encodePointer(decodePointer(pointer))).toBe(pointer);
    expect(decodePointer(pointer)).toEqual(['components', 'schemas', 'a/b~c', 'properties', '~/']);
  });

  it('accepts the bare RFC 6901 form and the whole-document pointers', () => {
    expect(decodePointer('/a~1b/c')).toEqual(['a/b', 'c']);
    expect(decodePointer('#')).toEqual([]);
    expect(decodePointer('')).toEqual([]);
    expect(encodePointer([])).toBe('#');
  });

  it('rejects a string that is not a pointer', () => {
    expect(() => decodePointer('#components')).toThrow('Not a JSON pointer: "#components"');
  });

  it('appends escaped tokens with childPointer', () => {
    expect(childPointer('#/paths', '/v1/x', 'get')).toBe('#/paths/~1v1~1x/get');
  });
});

describe('getAtPointer', () => {
  const doc = { a: { 'b/c': [10, { 'd~e': null }] }, '': 'empty key' };

  it('walks objects, escaped keys and array indexes', () => {
    expect(getAtPointer(doc, '#/a/b~1c/0')).toBe(10);
    expect(getAtPointer(doc, '#/a/b~1c/1/d~0e')).toBeNull();
    expect(getAtPointer(doc, '#/')).toBe('empty key');
    expect(getAtPointer(doc, '#')).toBe(doc);
  });

  it('returns undefined for what is not there, including inherited properties', () => {
    expect(getAtPointer(doc, '#/a/missing')).toBeUndefined();
    expect(getAtPointer(doc, '#/a/b~1c/2')).toBeUndefined();
    expect(getAtPointer(doc, '#/a/b~1c/01')).toBeUndefined();
    expect(getAtPointer(doc, '#/a/constructor')).toBeUndefined();
  });
});

describe('resolveRef', () => {
  const doc = {
    components: {
      responses: { Alias: { $ref: '#/components/responses/Real' }, Real: { description: 'ok' }, Loop: { $ref: '#/components/responses/Loop2' }, Loop2: { $ref: '#/components/responses/Loop' } },
      schemas: { 'With Space': { type: 'string' } },
    },
  };

  it('returns a value that is not a $ref as it is, with its own pointer', () => {
    const value = { description: 'inline' };
    expect(resolveRef(doc, value, '#/paths/~1x/get/responses/200')).toEqual({ value, pointer: '#/paths/~1x/get/responses/200' });
  });

  it('follows a chain of $refs to the final target', () => {
    expect(resolveRef(doc, { $ref: '#/components/responses/Alias' }, '#/paths/~1x/get/responses/200')).toEqual({
      value: { description: 'ok' },
      pointer: '#/components/responses/Real',
    });
  });

  it('percent-decodes the $ref, which is a URI fragment', () => {
    expect(refToPointer('#/components/schemas/With%20Space')).toBe('#/components/schemas/With Space');
    expect(resolveRef(doc, { $ref: '#/components/schemas/With%20Space' }, '#/x').value).toEqual({ type: 'string' });
  });

  it('throws naming a dangling $ref and where it was found', () => {
    expect(() => resolveRef(doc, { $ref: '#/components/responses/Nope' }, '#/paths/~1x/get/responses/404')).toThrow(
      'Unresolvable $ref "#/components/responses/Nope" at #/paths/~1x/get/responses/404',
    );
  });

  it('names the intermediate place of a dangling $ref met along a chain', () => {
    const broken = { components: { responses: { Alias: { $ref: '#/components/responses/Gone' } } } };
    expect(() => resolveRef(broken, { $ref: '#/components/responses/Alias' }, '#/paths/~1x/get/responses/200')).toThrow(
      'Unresolvable $ref "#/components/responses/Gone" at #/components/responses/Alias',
    );
  });

  it('throws on circular and on external $refs', () => {
    expect(() => resolveRef(doc, { $ref: '#/components/responses/Loop' }, '#/x')).toThrow(/Circular \$ref/);
    expect(() => resolveRef(doc, { $ref: 'other.json#/components/responses/Real' }, '#/x')).toThrow(
      /Cannot resolve \$ref "other.json#\/components\/responses\/Real" at #\/x: Only internal \$refs/,
    );
    expect(() => resolveRef(doc, { $ref: '#anchor' }, '#/x')).toThrow('Cannot resolve $ref "#anchor" at #/x: an anchor name, which no schema');
  });
});

describe('getAtPointer on a plain-name fragment', () => {
  it('finds nothing at an anchor name instead of throwing (an $anchor under a nested $id stays as written)', () => {
    expect(getAtPointer({ components: {} }, '#label')).toBeUndefined();
  });
});
