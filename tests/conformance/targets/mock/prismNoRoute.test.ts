// A path template Prism's router cannot match (a parameter named `x.y`, which OpenAPI allows: a
// template expression's name is anything but braces): Prism answers every request of it with its
// own 404 NO_PATH_MATCHED_ERROR. Each such case failed "expected status 200, got 404" against a
// correct mock; it is skipped, saying why. The operations Prism routes are still checked.
import { beforeAll, describe, expect, it } from 'vitest';
import type { CaseResult } from '../../../../src/conformance/model.js';
import { unroutableByPrism } from '../../../../src/conformance/targets/mock/prismNoRoute.js';
import { runInlineSpec } from '../../../support/runInlineSpec.js';
import { failedCases } from '../../../support/failedCases.js';

const ok = { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'object' }, example: {} } } } };
const document = {
  openapi: '3.1.0',
  info: { title: 'no route', version: '1' },
  paths: {
    '/c/{x.y}': { get: { operationId: 'dotted', parameters: [{ name: 'x.y', in: 'path', required: true, schema: { type: 'string' } }], responses: ok } },
    '/plain/{id}': { get: { operationId: 'plain', parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }], responses: ok } },
  },
};

describe('a path template Prism does not route, on the mock', () => {
  let results: CaseResult[];
  beforeAll(async () => {
    results = await runInlineSpec('nr', document);
  }, 120_000);

  it('skips its cases naming Prism\'s 404, fails nothing, and checks the other operation', () => {
    expect(failedCases(results)).toEqual([]);
    const dotted = results.filter((r) => r.testCase.operation.operationId === 'dotted');
    expect(dotted.length).toBeGreaterThan(0);
    for (const r of dotted) expect(r).toMatchObject({ outcome: 'skipped', skipReason: expect.stringMatching(/^Prism found no route for \/c\/[^ ]+ \(NO_PATH_MATCHED_ERROR\), though the document declares \/c\/\{x\.y\}: its router does not match this path template; Prism's doing, not the document's$/) });
    expect(results.filter((r) => r.testCase.operation.operationId === 'plain' && r.outcome === 'passed').length).toBeGreaterThan(0);
  });
});

describe('which templates Prism may fail to route', () => {
  it.each([
    ['/c/{x.y}', true],
    ['//evil.example/x', true],
    ['/a//b', true],
    ['/things/{thing_id}/parts/{part-id}', false],
    ['/plain', false],
  ])('%s: %s (only then is its NO_PATH_MATCHED_ERROR excused; elsewhere it means the suite built a wrong URL)', (template, expected) => {
    expect(unroutableByPrism(template)).toBe(expected);
  });
});
