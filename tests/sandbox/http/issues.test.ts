// ajv errors → the field each is about (Layers' fieldErrors keys).
import { describe, expect, it } from 'vitest';
import { bodyIssues, toFieldErrors } from '../../../src/sandbox/http/issues.js';
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

  it("drops a combinator's message when the field has a precise one, keeps it otherwise", () => {
    expect(toFieldErrors(bodyIssues([e('/ageRange', 'type'), e('/ageRange', 'anyOf'), e('', 'oneOf')]))).toEqual({ ageRange: ['fails type'], body: ['fails oneOf'] });
  });
});
