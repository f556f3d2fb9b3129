// A patternProperties name is matched against a body's member names as ajv matches it: in linear
// time, and a pattern only valid without the `u` flag is read without it, not thrown.
import { describe, expect, it } from 'vitest';
import { deriveCases } from '../../../src/conformance/cases/deriveCases.js';
import { foreignApi, json, ok } from './foreignDocument.js';

const invalid = { '400': { description: 'invalid', content: json({ type: 'object' }) } };
const documentWith = (pattern: string, name: string) => ({
  paths: {
    '/things': {
      post: {
        operationId: 'createThing',
        requestBody: { required: true, content: json({ type: 'object', patternProperties: { [pattern]: { type: 'string', maxLength: 3 } } }, { example: { [name]: 'abc' } }) },
        responses: { ...ok, ...invalid },
      },
    },
  },
});

describe('patternProperties against member names', () => {
  it('a backtracking pattern against a long member name derives the cases (it hung before)', async () => {
    const api = await foreignApi(documentWith('^(a+)+$', `${'a'.repeat(60)}!`));
    expect(deriveCases(api).some((c) => c.id.startsWith('inline createThing valid'))).toBe(true);
  });

  it('a pattern invalid under the u flag is read without it (it threw before)', async () => {
    const api = await foreignApi(documentWith('^[\\w-.]+$', 'a-b'));
    const broken = deriveCases(api).filter((c) => c.kind === 'negative').map((c) => c.brokenRule);
    expect(broken.some((rule) => rule?.includes('maxLength 3'))).toBe(true);
  });
});
