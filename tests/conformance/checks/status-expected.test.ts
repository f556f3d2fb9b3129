import { describe, expect, it } from 'vitest';
import { ok, response, rules } from './inlineDocument.js';

describe('status-expected', () => {
  it('passes the status the case expects, and any documented one when it expects none', () => {
    expect(rules(response(200, ok), { expect: { statuses: ['200'] } })).toEqual([]);
    expect(rules(response(200, ok), { expect: { statuses: [] } })).toEqual([]);
  });
  it('fails another status', () => expect(rules(response(200, ok), { expect: { statuses: ['400'] } })).toEqual(['status-expected']));
  it('reads the target adapter’s statuses over the case’s', () => {
    expect(rules(response(400, {}), { expect: { statuses: ['400'] }, expectedStatuses: ['422'] })).toEqual(['status-expected']);
  });
});
