// A document with very large arrays (an enum of 200,000 values) loads and yields its cases: no
// walk of the document spreads an array into a call's arguments (which overflows the stack).
import { describe, expect, it } from 'vitest';
import { checkResponse } from '../../../src/conformance/checks/checkResponse.js';
import { deriveCases } from '../../../src/conformance/cases/deriveCases.js';
import { foreignApi, json } from './foreignDocument.js';

const codes = Array.from({ length: 200_000 }, (_, i) => i);

describe('a document holding an enum of 200,000 values', () => {
  it('loads, derives its cases (the enum broken by a value past its largest) and checks a response', async () => {
    const api = await foreignApi({
      paths: {
        '/codes': {
          get: {
            operationId: 'getCode',
            parameters: [{ name: 'code', in: 'query', required: true, schema: { type: 'integer', enum: codes } }],
            responses: { '200': { description: 'ok', content: json({ type: 'object', properties: { code: { type: 'integer', enum: codes }, secret: { type: 'string', writeOnly: true } } }) }, '400': { description: 'the code is not one of the enum' } },
          },
        },
      },
    });
    const cases = deriveCases(api);
    expect(cases.some((c) => c.request.query?.code === '200000')).toBe(true);
    const operation = api.operations[0]!;
    const failures = checkResponse({ operation, doc: api.doc, validator: api.validator, expect: { statuses: ['200'] }, target: 'live', response: { status: 200, headers: { 'content-type': 'application/json' }, bodyText: '{"code":-1}' } });
    expect(failures.map((f) => f.rule)).toEqual(['body-schema']);
  });
});
