// Prism's bundler gives up on a $ref once twenty targets share its last segment (`items`,
// `items_2` … `items_20`, then "Keys items_2 through items_20 already taken"); the schema it then
// compiles cannot be opened, and its validator, catching that, accepts any body of the operation
// (Xero's BatchPayments: `{"BatchPayments": 5}` answered 200). Negative cases there proved nothing
// and failed as "Prism did not report the violation"; they are skipped as Prism's defect, and every
// other operation of the document is still validated.
import { beforeAll, describe, expect, it } from 'vitest';
import type { CaseResult, TestCase } from '../../../../src/conformance/model.js';
import { blindSpotReason, findPrismBlindSpots } from '../../../../src/conformance/targets/mock/prismBlindSpots.js';
import { runInlineSpec } from '../../../support/runInlineSpec.js';
import { failedCases } from '../../../support/failedCases.js';

const COUNT = 22;
const json = (schema: object) => ({ content: { 'application/json': { schema } } });
const answers = { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'object' }, example: {} } } }, '400': { description: 'invalid', content: { 'application/json': { schema: { type: 'object' }, example: {} } } } };
const range = Array.from({ length: COUNT }, (_, i) => i + 1);

/** Each `E<i>` holds itself, so Prism turns each list's items into a cycle `$ref` ending in `/items`: 22 of one name. */
const document = {
  openapi: '3.1.0',
  info: { title: 'twenty-two recursive lists', version: '1' },
  paths: {
    '/lists': { put: { operationId: 'putLists', requestBody: json({ $ref: '#/components/schemas/Lists' }), responses: answers } },
    '/counts': { put: { operationId: 'putCounts', requestBody: json({ type: 'object', required: ['count'], properties: { count: { type: 'integer' } } }), responses: answers } },
  },
  components: {
    schemas: {
      Lists: { type: 'object', properties: Object.fromEntries(range.map((i) => [`list${i}`, { type: 'array', items: { $ref: `#/components/schemas/E${i}` } }])) },
      ...Object.fromEntries(range.map((i) => [`E${i}`, { type: 'object', properties: { name: { type: 'string' }, self: { $ref: `#/components/schemas/E${i}` } } }])),
    },
  },
};

describe('an operation whose request body Prism cannot compile', () => {
  let results: CaseResult[];
  beforeAll(async () => {
    results = await runInlineSpec('blind', document);
  }, 120_000);

  it("has its body's negative cases skipped as Prism's defect, naming the $ref its bundler left", () => {
    const lists = results.filter((r) => r.testCase.operation.operationId === 'putLists' && r.testCase.expect.violationAt?.[1] === 'body');
    expect(lists.length).toBeGreaterThan(0);
    for (const r of lists) {
      expect(r.outcome).toBe('skipped');
      expect(r.skipReason).toMatch(/^Prism cannot validate this operation's request body \(its bundler left the \$ref #\/paths\/~1lists\/put\/requestBody\/\S+\/items unresolved: Keys items_2 through items_20 already taken\.\), so it accepts any body: Prism's defect, not the document's/);
    }
  });

  it('fails nothing, and the other operation is still proven by Prism', () => {
    expect(failedCases(results)).toEqual([]);
    const counts = results.filter((r) => r.testCase.id === 'blind putCounts negative body.count type');
    expect(counts.map((r) => r.outcome)).toEqual(['passed']);
  });
});

describe('findPrismBlindSpots', () => {
  const operation = (request: object) => ({ method: 'get', path: '/things/{id}', request, responses: [], __bundled__: { Thing: { type: 'string' } } });

  it('names each location whose schema holds a $ref Prism cannot open, and none whose $refs open', () => {
    const spots = findPrismBlindSpots([
      operation({ query: [{ name: 'ok', schema: { $ref: '#/__bundled__/Thing' } }, { name: 'bad', schema: { $ref: '#/paths/~1x/get' } }], path: [{ name: 'id', schema: { type: 'string' } }] }),
      operation({ headers: [{ name: 'x', schema: { properties: { a: { $ref: '#' }, b: { $ref: '#/properties/a' } } } }] }),
    ]);
    expect(spots).toEqual([{ method: 'get', path: '/things/{id}', locations: ['query'], why: 'its bundler left the $ref #/paths/~1x/get unresolved' }]);
  });

  it('skips only negative cases whose violation is in a blind location of that operation', () => {
    const spots = [{ method: 'put', path: '/a', locations: ['body'], why: 'w' }];
    const testCase = (method: string, path: string, violationAt: string[]) => ({ kind: 'negative', operation: { method, path }, expect: { statuses: [], violationAt } }) as unknown as TestCase;
    expect(blindSpotReason(spots, testCase('put', '/a', ['request', 'body', 'x']))).toMatch(/request body \(w\)/);
    expect(blindSpotReason(spots, testCase('put', '/a', ['request', 'query', 'x']))).toBeUndefined();
    expect(blindSpotReason(spots, testCase('post', '/a', ['request', 'body']))).toBeUndefined();
    expect(blindSpotReason(spots, testCase('put', '/a', ['request']))).toBeUndefined();
  });
});
