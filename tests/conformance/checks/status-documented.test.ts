import { describe, expect, it } from 'vitest';
import { ok, response, rules } from './inlineDocument.js';

describe('status-documented', () => {
  it('passes a documented status, exactly or by its range', () => {
    expect(rules(response(200, ok))).toEqual([]);
    expect(rules({ status: 418, headers: { 'content-type': 'application/problem+json' }, bodyText: '{"title":"teapot"}' })).toEqual([]);
  });
  it('fails a status the operation does not document', () => expect(rules(response(503, {}))).toEqual(['status-documented']));
});
