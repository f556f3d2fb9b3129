import { describe, expect, it } from 'vitest';
import { createAjv, findExtensionKeywords } from '../../src/openapi/createAjv.js';

describe('createAjv', () => {
  it('accepts the OpenAPI schema keywords example, xml, discriminator and externalDocs', () => {
    const validate = createAjv().compile({
      type: 'object',
      properties: { kind: { type: 'string' } },
      example: { kind: 'a' },
      xml: { name: 'thing' },
      discriminator: { propertyName: 'kind' },
      externalDocs: { url: 'https://example.com' },
    });
    // Annotations only: they don't validate anything.
    expect(validate({ kind: 'b' })).toBe(true);
  });

  it('accepts the x- extensions found in the document, and only those', () => {
    const doc = { components: { schemas: { A: { type: 'string', 'x-order': 1 } } } };
    expect(() => createAjv(doc).compile({ type: 'string', 'x-order': 2 })).not.toThrow();
    expect(() => createAjv(doc).compile({ type: 'string', 'x-other': 2 })).toThrow('strict mode: unknown keyword: "x-other"');
  });

  it('still rejects a genuinely unknown keyword and an unknown format', () => {
    expect(() => createAjv().compile({ type: 'number', minimumm: 3 })).toThrow('strict mode: unknown keyword: "minimumm"');
    expect(() => createAjv().compile({ type: 'string', format: 'uuuid' })).toThrow('unknown format "uuuid"');
  });

  it('validates formats: uuid, date-time, email, uri', () => {
    const ajv = createAjv();
    const cases: [string, string, string][] = [
      ['uuid', '3fa85f64-5717-4562-b3fc-2c963f66afa6', '3fa85f64-5717-4562-b3fc'],
      ['date-time', '2024-02-29T08:30:00Z', '2024-02-29 08:30'],
      ['email', 'ava@example.com', 'ava.example.com'],
      ['uri', 'https://example.com/a?b=c', 'not a uri'],
    ];
    for (const [format, good, bad] of cases) {
      const validate = ajv.compile({ type: 'string', format });
      expect(validate(good), `${format}: ${good}`).toBe(true);
      expect(validate(bad), `${format}: ${bad}`).toBe(false);
    }
  });

  it('reports every error (allErrors)', () => {
    const validate = createAjv().compile({ type: 'object', required: ['a', 'b'], properties: { a: {}, b: {} } });
    expect(validate({})).toBe(false);
    expect(validate.errors?.map((e) => e.params.missingProperty)).toEqual(['a', 'b']);
  });

  it('gathers the errors of a $ref-ed schema by appending them: 30,000 invalid items give their 90,000 errors in one pass (strict and foreign)', () => {
    // ajv copies every error so far for each failing $ref call (vErrors.concat): quadratic, so a
    // 48 KB list answer of 16,000 empty items took 6.5 s, and a 10 MB one days.
    const schema = { $defs: { item: { type: 'object', required: ['a', 'b', 'c'], properties: { a: { $ref: '#/$defs/text' }, b: { type: 'string' }, c: { type: 'string' } } }, text: { type: 'string' } }, type: 'array', items: { $ref: '#/$defs/item' } };
    for (const ajv of [createAjv(), createAjv(undefined, { mode: 'foreign' })]) {
      const validate = ajv.compile(schema);
      expect(String(validate)).not.toContain('.concat(');
      expect(validate(Array.from({ length: 30_000 }, () => ({})))).toBe(false);
      expect(validate.errors).toHaveLength(90_000);
      expect(validate([{ a: 1, b: 'x', c: 'y' }, {}])).toBe(false);
      expect(validate.errors?.map((e) => `${e.instancePath} ${e.keyword}`)).toEqual(['/0/a type', '/1 required', '/1 required', '/1 required']);
    }
  });
  it('is fully strict: a `required` without `type: object`, or naming a property not defined beside it, does not compile', () => {
    const ajv = createAjv();
    ajv.addSchema({ $id: 'https://example.com/base', type: 'object', properties: { extra: { type: 'string' } } });
    expect(() => ajv.compile({ allOf: [{ $ref: 'https://example.com/base' }, { required: ['extra'] }] })).toThrow(/strictTypes|missing type/);
    expect(() => ajv.compile({ type: 'object', required: ['extra'] })).toThrow(/strictRequired/);
    const validate = ajv.compile({
      allOf: [{ $ref: 'https://example.com/base' }, { type: 'object', required: ['extra'], properties: { extra: { description: 'refined' } } }],
    });
    expect(validate({ extra: 'x' })).toBe(true);
    expect(validate({})).toBe(false);
    expect(ajv.compile({ type: ['string', 'null'] })(null)).toBe(true);
  });
});

describe('findExtensionKeywords', () => {
  it('finds x- keys at any depth, once each, skipping names ajv cannot register', () => {
    const doc = { 'x-top': 1, paths: { '/a': { get: { 'x-b': true, list: [{ 'x-c': 1 }, { 'x-b': 2 }] } } }, 'x-bad.name': 1, 'X-Upper': 1 };
    expect(findExtensionKeywords(doc)).toEqual(['x-b', 'x-c', 'x-top']);
  });
});
