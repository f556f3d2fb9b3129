import { describe, expect, it } from 'vitest';
import { checkResponse } from '../../../src/conformance/checks/checkResponse.js';
import { ok, operation, response, rules, validator } from './inlineDocument.js';

describe('status-expected', () => {
  it('passes the status the case expects, and any documented one when it expects none', () => {
    expect(rules(response(200, ok), { expect: { statuses: ['200'] } })).toEqual([]);
    expect(rules(response(200, ok), { expect: { statuses: [] } })).toEqual([]);
  });
  it('fails another status', () => expect(rules(response(200, ok), { expect: { statuses: ['400'] } })).toEqual(['status-expected']));
  it('reads the target adapter’s statuses over the case’s', () => {
    expect(rules(response(400, {}), { expect: { statuses: ['400'] }, expectedStatuses: ['422'] })).toEqual(['status-expected']);
  });
  it("fails a status the target refuses though the expected ones admit it, with the target's reason", () => {
    const refusedStatuses = { statuses: ['401'], reason: 'the credentials were refused' };
    const failures = checkResponse({ operation, validator, expect: { statuses: [] }, expectedStatuses: ['2XX', '4XX'], refusedStatuses, target: 'live', response: response(401, {}) }).filter((f) => f.rule === 'status-expected');
    expect(failures.map((f) => f.message)).toEqual(['the credentials were refused, got 401']);
    expect(rules(response(400, {}), { expectedStatuses: ['2XX', '4XX'], refusedStatuses })).toEqual([]);
  });
});
