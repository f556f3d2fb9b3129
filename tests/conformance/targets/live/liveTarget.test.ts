// The live adapter: a valid request may get any documented status but a 5xx, and one sent with
// the credentials the suite was given may not get a 401 (those credentials were refused on that
// way in); anonymous and negative cases are not held to it.
import { describe, expect, it } from 'vitest';
import { liveTarget } from '../../../../src/conformance/targets/live/liveTarget.js';
import type { TestCase } from '../../../../src/conformance/model.js';

const testCase = (kind: TestCase['kind'], auth: TestCase['request']['auth']): TestCase =>
  ({ id: 'x', api: 'x', kind, title: 'x', operation: {} as TestCase['operation'], writes: false, expect: { statuses: ['401'] }, request: { method: 'GET', pathTemplate: '/x', pathParams: {}, query: {}, headers: {}, auth } }) as TestCase;

describe('the live target', () => {
  it('refuses a 401 to a valid request sent with credentials, naming the way in', () => {
    expect(liveTarget.refusedStatuses?.(testCase('positive', { kind: 'scheme', scheme: 'apiKeyHeader' }))).toMatchObject({ statuses: ['401'], reason: expect.stringMatching(/apiKeyHeader/) });
    expect(liveTarget.refusedStatuses?.(testCase('positive', { kind: 'requirement', schemes: ['a', 'b'] }))?.statuses).toEqual(['401']);
  });

  it('holds no anonymous valid request nor a negative case to it', () => {
    expect(liveTarget.refusedStatuses?.(testCase('positive', { kind: 'none' }))).toBeUndefined();
    expect(liveTarget.refusedStatuses?.(testCase('negative', { kind: 'unknown', schemes: ['a'] }))).toBeUndefined();
  });
});
