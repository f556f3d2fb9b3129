// ajv errors → the field each is about (Layers' fieldErrors keys).
import { describe, expect, it } from 'vitest';
import { bodyIssues, capIssues, MAX_ISSUES, nulFields, toFieldErrors, unpairedSurrogateFields } from '../../../src/sandbox/http/issues.js';
import type { SchemaError } from '../../../src/openapi/schemaValidator.js';

const e = (instancePath: string, keyword: string, params: Record<string, unknown> = {}, message = `fails ${keyword}`): SchemaError => ({ instancePath, keyword, params, message, schemaPath: '#' });

describe('bodyIssues', () => {
  it('names the top-level property from instancePath, missingProperty or additionalProperty, else body', () => {
    const issues = bodyIssues([
      e('/gender', 'enum', { allowedValues: ['male', 'female'] }),
      e('/tags/0', 'type'),
      e('/a~1b', 'type'),
      e('', 'required', { missingProperty: 'id' }),
      e('', 'additionalProperties', { additionalProperty: 'nickname' }),
      e('', 'minProperties', { limit: 1 }),
      e('', 'type'),
    ]);
    expect(toFieldErrors(issues)).toEqual({
      gender: ['Invalid enum value'],
      tags: ['fails type'],
      'a/b': ['fails type'],
      id: ['Required'],
      nickname: ['Unrecognized key'],
      body: ['At least one field is required', 'fails type'],
    });
  });

  it("words const and format errors as zod does, never ajv's own 'must be equal to constant' / 'must match format'", () => {
    const issues = bodyIssues([e('/deleteAllScheduled', 'const', { allowedValue: true }, 'must be equal to constant'), e('/0', 'format', { format: 'uuid' }, 'must match format "uuid"')]);
    expect(toFieldErrors(issues)).toEqual({ deleteAllScheduled: ['Invalid literal value, expected true'], '0': ['Invalid uuid'] });
  });

  it('tells a value of the wrong type only its type, not also the enum', () => {
    expect(toFieldErrors(bodyIssues([e('/gender', 'type', { type: 'string' }), e('/gender', 'enum', { allowedValues: ['male'] })], { gender: null }))).toEqual({ gender: ['Expected string, received null'] });
  });

  it('words length and bound errors as the named examples do', () => {
    const issues = bodyIssues([e('/reason', 'maxLength', { limit: 1024 }), e('/name', 'minLength', { limit: 1 }), e('/limit', 'maximum', { limit: 100 }), e('/page', 'minimum', { limit: 1 })]);
    expect(toFieldErrors(issues)).toEqual({
      reason: ['String must contain at most 1024 character(s)'],
      name: ['String must contain at least 1 character(s)'],
      limit: ['Number must be less than or equal to 100'],
      page: ['Number must be greater than or equal to 1'],
    });
  });

  it('says which type was expected and which was received, when given the value', () => {
    expect(toFieldErrors(bodyIssues([e('/gender', 'type', { type: 'string' })], { gender: null }))).toEqual({ gender: ['Expected string, received null'] });
    expect(toFieldErrors(bodyIssues([e('', 'type', { type: 'object' })], []))).toEqual({ body: ['Expected object, received array'] });
  });

  it('a value one branch of an anyOf takes by type is told what that branch says, not the other branches\' types', () => {
    // ageRange: anyOf [AgeRange (a string enum), null], as ajv reports it.
    const errors = (value: unknown) =>
      typeof value === 'string'
        ? [e('/ageRange', 'enum', { allowedValues: ['teen', 'adult'] }), e('/ageRange', 'type', { type: 'null' }), e('/ageRange', 'anyOf')]
        : [e('/ageRange', 'type', { type: 'string' }), e('/ageRange', 'enum', { allowedValues: ['teen', 'adult'] }), e('/ageRange', 'type', { type: 'null' }), e('/ageRange', 'anyOf')];
    expect(toFieldErrors(bodyIssues(errors('old'), { ageRange: 'old' }))).toEqual({ ageRange: ['Invalid enum value'] });
    expect(toFieldErrors(bodyIssues(errors(5), { ageRange: 5 }))).toEqual({ ageRange: ['Expected string or null, received number'] });
    // A string keyword (pattern, length) fires only on a string: the other branch's type is noise.
    expect(toFieldErrors(bodyIssues([e('/tag', 'maxLength', { limit: 3 }), e('/tag', 'type', { type: 'integer' }), e('/tag', 'anyOf')], { tag: 'abcd' }))).toEqual({ tag: ['String must contain at most 3 character(s)'] });
  });

  it('words pattern and item-count errors without the pattern or ajv\'s phrasing', () => {
    const issues = bodyIssues([e('/language', 'pattern', { pattern: '^(?:[A-Za-z]{2,3})$' }, 'must match pattern "^(?:[A-Za-z]{2,3})$"'), e('/bulk', 'minItems', { limit: 1 }), e('/ids', 'maxItems', { limit: 10000 })], { language: 'english', bulk: [], ids: [] });
    expect(toFieldErrors(issues)).toEqual({ language: ['Invalid format'], bulk: ['Array must contain at least 1 element(s)'], ids: ['Array must contain at most 10000 element(s)'] });
  });

  it("drops a combinator's message when the field has a precise one, keeps it otherwise", () => {
    expect(toFieldErrors(bodyIssues([e('/ageRange', 'type'), e('/ageRange', 'anyOf'), e('', 'oneOf')]))).toEqual({ ageRange: ['fails type'], body: ['fails oneOf'] });
  });
});

describe('toFieldErrors', () => {
  it('keeps fields named like built-in object members as fields', () => {
    const fields = toFieldErrors(['constructor', '__proto__', 'toString', 'hasOwnProperty'].map((field) => ({ field, message: 'Unrecognized key' })));
    expect(JSON.parse(JSON.stringify(fields))).toEqual(JSON.parse('{"constructor":["Unrecognized key"],"__proto__":["Unrecognized key"],"toString":["Unrecognized key"],"hasOwnProperty":["Unrecognized key"]}'));
  });
});

describe('capIssues', () => {
  it(`lists at most ${MAX_ISSUES} issues, and says how many more there were`, () => {
    const issues = Array.from({ length: 50_000 }, (_, i) => ({ field: `k${i}`, message: 'Unrecognized key' }));
    const capped = capIssues(issues);
    expect(capped).toHaveLength(MAX_ISSUES + 1);
    expect(capped.at(-1)).toEqual({ field: 'body', message: '…and 49900 more problems, not listed' });
    expect(capIssues(issues.slice(0, 3))).toEqual(issues.slice(0, 3));
  });
});

describe('nulFields', () => {
  it('names each top-level field holding NUL in a string or a key, at any depth', () => {
    expect(nulFields({ name: 'a\u0000b', ok: 'fine', deep: [{ x: ['\u0000'] }], keyed: { 'k\u0000': 1 } }).sort()).toEqual(['deep', 'keyed', 'name']);
    expect(nulFields(['ok', 'n\u0000'])).toEqual(['body']);
    expect(nulFields('\u0000')).toEqual(['body']);
    expect(nulFields({ name: 'clean' })).toEqual([]);
  });

  it('walks a deeply nested value without overflowing the stack', () => {
    const deep = JSON.parse(`${'['.repeat(200_000)}"\\u0000"${']'.repeat(200_000)}`) as unknown;
    expect(nulFields(deep)).toEqual(['body']);
  });
});

describe('unpairedSurrogateFields', () => {
  it('names each top-level field holding a surrogate without its pair, in a string or a key; pairs are characters', () => {
    expect(unpairedSurrogateFields({ a: 'x\ud800', b: '\udc00y', c: ['\ud83d\ude80'], d: { 'k\udbff': 1 }, e: '\ude80\ud83d' }).sort()).toEqual(['a', 'b', 'd', 'e']);
    expect(unpairedSurrogateFields(['ok', '\ud800'])).toEqual(['body']);
    expect(unpairedSurrogateFields({ name: 'Ava 🚀 أفا' })).toEqual([]);
  });
});
