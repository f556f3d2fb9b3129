// Negative body cases come from every named example of the body, not only the first: a constraint
// that only another example's form holds (an anyOf branch, a list the first example leaves out) is
// broken too, each (place, keyword) once and no body twice.
import { describe, expect, it } from 'vitest';
import { deriveCases } from '../../../src/conformance/cases/deriveCases.js';
import { foreignApi, json, ok } from './foreignDocument.js';

const invalid = { '400': { description: 'invalid', content: json({ type: 'object' }) } };
const byIdOrBulk = {
  anyOf: [
    { type: 'object', required: ['id'], properties: { id: { type: 'string', minLength: 1 } } },
    { type: 'object', required: ['bulk'], properties: { bulk: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } } } },
  ],
};

describe('negative body cases from every named example', () => {
  it("breaks what only a later example holds (bulk's minItems and items), each once, no body twice", async () => {
    const examples = { byId: { value: { id: 'p1' } }, bulk: { value: { bulk: ['p1', 'p2'] } }, bulkAgain: { value: { bulk: ['p3'] } } };
    const api = await foreignApi({ paths: { '/posts': { delete: { requestBody: { required: true, content: json(byIdOrBulk, { examples }) }, responses: { ...ok, ...invalid } } } } });
    const negative = deriveCases(api).filter((c) => c.kind === 'negative' && c.id.includes('negative body.'));
    const rules = negative.map((c) => c.brokenRule);
    expect(rules).toContain('body.id: minLength 1');
    expect(rules).toContain('body.bulk: minItems 1');
    expect(rules.some((r) => r?.startsWith('body.bulk.0:'))).toBe(true);
    expect(new Set(negative.map((c) => c.id)).size).toBe(negative.length);
    const bodies = negative.map((c) => JSON.stringify(c.request.body));
    expect(new Set(bodies).size).toBe(bodies.length);
  });
});
