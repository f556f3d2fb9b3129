// Negative cases the schema of a query or header parameter states but the suite never sent:
// an empty value where the schema forbids one (minLength ≥ 1; for a query, OpenAPI's
// allowEmptyValue defaults to false), and an object parameter broken one property at a time
// (a required property left out, a property of the wrong type or outside its enum), serialised
// in its style. Against Prism the empty values are skipped: it reads them as the parameter left out.
import { describe, expect, it } from 'vitest';
import { deriveCases } from '../../../src/conformance/cases/deriveCases.js';
import { mockTarget } from '../../../src/conformance/targets/mock/mockTarget.js';
import { foreignApi, ok } from './foreignDocument.js';

const invalid = { '400': { description: 'invalid', content: { 'application/json': { schema: { type: 'object' } } } } };
const api = (parameters: unknown[]) => foreignApi({ paths: { '/x': { get: { parameters, responses: { ...ok, ...invalid } } } } });
const negatives = async (parameters: unknown[]) => deriveCases(await api(parameters)).filter((c) => c.kind === 'negative');

describe('empty parameter values', () => {
  it('are sent where minLength forbids them, in a query and in a header, skipped on Prism', async () => {
    const cases = await negatives([
      { name: 'q', in: 'query', schema: { type: 'string', minLength: 1 }, example: 'tea' },
      { name: 'X-Trace', in: 'header', schema: { type: 'string', minLength: 1 }, example: 't-1' },
    ]);
    const query = cases.find((c) => c.brokenRule === 'query q: minLength 1');
    const header = cases.find((c) => c.brokenRule === 'header X-Trace: minLength 1');
    expect(query?.request.query.q).toBe('');
    expect(header?.request.headers['X-Trace']).toBe('');
    expect(mockTarget.skipReason(query!)).toMatch(/^Prism reads an empty query or header value as the parameter left out/);
  });

  it('are not sent for a query parameter that allows them', async () => {
    const cases = await negatives([{ name: 'q', in: 'query', allowEmptyValue: true, schema: { type: 'string', minLength: 1 }, example: 'tea' }]);
    expect(cases.filter((c) => c.request.query.q === '')).toEqual([]);
  });
});

describe('object parameters', () => {
  const filter = {
    name: 'filter',
    in: 'query',
    style: 'form',
    explode: true,
    schema: { type: 'object', required: ['status'], properties: { status: { type: 'string', enum: ['open', 'closed'] }, limit: { type: 'integer' } } },
    example: { status: 'open', limit: 10 },
  };

  it('are broken one property at a time, serialised in their style', async () => {
    const cases = await negatives([filter]);
    const byRule = Object.fromEntries(cases.map((c) => [c.brokenRule, c.request.queryPairs]));
    expect(byRule['query filter.status: enum (open|closed)']).toEqual([['status', 'not_in_enum'], ['limit', '10']]);
    expect(byRule['query filter.limit: type integer→string']).toEqual([['status', 'open'], ['limit', 'x']]);
    expect(byRule['query filter.status: required status']).toEqual([['limit', '10']]);
  });
});
