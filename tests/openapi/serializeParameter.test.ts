import { describe, expect, it } from 'vitest';
import { cookieHeader, queryString, serializeParameter, type ParameterSpec } from '../../src/openapi/serializeParameter.js';

// The table of OpenAPI 3.1 §4.8.12.4 "Style Examples": color = "blue", ["blue","black","brown"],
// { R: 100, G: 200, B: 150 }.
const primitive = 'blue';
const array = ['blue', 'black', 'brown'];
const object = { R: 100, G: 200, B: 150 };

const path = (style: string, explode: boolean, value: unknown) =>
  serializeParameter({ name: 'color', in: 'path', style, explode }, value);
const query = (spec: Partial<ParameterSpec>, value: unknown) =>
  queryString([serializeParameter({ name: 'color', in: 'query', ...spec }, value) as never]);

describe('serializeParameter', () => {
  it('serialises path parameters as the specification table shows', () => {
    const rows: [string, boolean, unknown, string][] = [
      ['matrix', false, primitive, ';color=blue'],
      ['matrix', false, array, ';color=blue,black,brown'],
      ['matrix', true, array, ';color=blue;color=black;color=brown'],
      ['matrix', false, object, ';color=R,100,G,200,B,150'],
      ['matrix', true, object, ';R=100;G=200;B=150'],
      ['label', false, primitive, '.blue'],
      ['label', false, array, '.blue,black,brown'],
      ['label', true, array, '.blue.black.brown'],
      ['label', false, object, '.R,100,G,200,B,150'],
      ['label', true, object, '.R=100.G=200.B=150'],
      ['simple', false, primitive, 'blue'],
      ['simple', false, array, 'blue,black,brown'],
      ['simple', false, object, 'R,100,G,200,B,150'],
      ['simple', true, object, 'R=100,G=200,B=150'],
    ];
    for (const [style, explode, value, expected] of rows) {
      expect(path(style, explode, value), `${style} explode=${explode} ${JSON.stringify(value)}`).toEqual({ in: 'path', value: expected });
    }
  });

  it('percent-encodes path values', () => {
    expect(serializeParameter({ name: 'id', in: 'path' }, 'a/b c')).toEqual({ in: 'path', value: 'a%2Fb%20c' });
  });

  it('serialises query parameters: form (the default, exploded), delimited styles and deepObject', () => {
    expect(query({}, primitive)).toBe('color=blue');
    expect(query({}, array)).toBe('color=blue&color=black&color=brown');
    expect(query({ explode: false }, array)).toBe('color=blue%2Cblack%2Cbrown');
    expect(query({}, object)).toBe('R=100&G=200&B=150');
    expect(query({ explode: false }, object)).toBe('color=R%2C100%2CG%2C200%2CB%2C150');
    expect(query({ style: 'spaceDelimited', explode: false }, array)).toBe('color=blue%20black%20brown');
    expect(query({ style: 'pipeDelimited', explode: false }, array)).toBe('color=blue%7Cblack%7Cbrown');
    expect(query({ style: 'deepObject', explode: true }, object)).toBe('color%5BR%5D=100&color%5BG%5D=200&color%5BB%5D=150');
  });

  it('keeps reserved characters with allowReserved', () => {
    expect(query({ allowReserved: true }, 'a/b?c')).toBe('color=a/b?c');
    expect(query({}, 'a/b?c')).toBe('color=a%2Fb%3Fc');
  });

  it('serialises headers as simple and cookies as form', () => {
    expect(serializeParameter({ name: 'X-Ids', in: 'header' }, [1, 2])).toEqual({ in: 'header', value: '1,2' });
    expect(serializeParameter({ name: 'X-O', in: 'header', explode: true }, object)).toEqual({ in: 'header', value: 'R=100,G=200,B=150' });
    const cookie = serializeParameter({ name: 'ids', in: 'cookie', explode: false }, [1, 2]);
    expect(cookie).toEqual({ in: 'cookie', pairs: [['ids', '1,2']] });
    expect(cookieHeader([cookie as never])).toBe('ids=1%2C2');
  });

  it('refuses a style the location does not allow, and values a style cannot express', () => {
    expect(() => serializeParameter({ name: 'p', in: 'path', style: 'form' }, 'x')).toThrow('parameter path:p: style "form" is not allowed in path');
    expect(() => serializeParameter({ name: 'q', in: 'query', style: 'deepObject' }, [1])).toThrow('needs an object value');
    expect(() => serializeParameter({ name: 'q', in: 'query', style: 'pipeDelimited' }, object)).toThrow("can't serialise an object");
  });
});
