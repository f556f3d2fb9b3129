// A strict body (additionalProperties: false) refuses the fields its operation's answer carries and
// it does not take (an id, a status, timestamps: the record's read-only fields): each is a negative
// case of its own, with the value a documented answer gives it. Open bodies, and fields the body
// itself declares (readOnly ones included), get none.
import { describe, expect, it } from 'vitest';
import { deriveCases } from '../../../src/conformance/cases/deriveCases.js';
import { foreignApi, json } from './foreignDocument.js';

const record = {
  type: 'object',
  required: ['id', 'name', 'status', 'createdAt'],
  properties: { id: { type: 'string', pattern: '^th_[0-9]+$' }, name: { type: 'string' }, status: { type: 'string', enum: ['ready'] }, createdAt: { type: 'string', format: 'date-time' }, note: { type: 'string', readOnly: true } },
};
const answer = { id: 'th_1', name: 'A', status: 'ready', createdAt: '2026-04-01T14:22:10Z' };
const patchOf = (body: Record<string, unknown>) => ({
  paths: {
    '/things/{id}': {
      patch: {
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        requestBody: { required: true, content: json(body, { examples: { rename: { value: { name: 'B' } } } }) },
        responses: { '200': { description: 'ok', content: json(record, { examples: { renamed: { value: answer } } }) }, '422': { description: 'invalid', content: json({ type: 'object' }) } },
      },
    },
  },
});

describe("the answer's fields sent in a strict request body", () => {
  it('are each a negative case, with the documented value, expecting the body error and naming the field', async () => {
    const api = await foreignApi(patchOf({ type: 'object', additionalProperties: false, properties: { name: { type: 'string' }, note: { type: 'string', readOnly: true } } }));
    const cases = deriveCases(api).filter((c) => c.kind === 'negative' && /answer/.test(c.brokenRule ?? ''));
    expect(cases.map((c) => c.brokenRule).sort()).toEqual(['id', 'status', 'createdAt'].map((n) => `body.${n}: additionalProperties false (a field of the 200 answer, not of the body)`).sort());
    const id = cases.find((c) => c.brokenRule?.startsWith('body.id'));
    expect(id?.request.body).toEqual({ json: { name: 'B', id: 'th_1' } });
    expect(id?.expect).toMatchObject({ statuses: ['422'], fieldErrorKey: 'id' });
  });

  it('are not sent where the body takes unknown properties', async () => {
    const api = await foreignApi(patchOf({ type: 'object', properties: { name: { type: 'string' } } }));
    expect(deriveCases(api).filter((c) => /answer/.test(c.brokenRule ?? ''))).toEqual([]);
  });
});
