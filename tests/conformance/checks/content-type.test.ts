import { describe, expect, it } from 'vitest';
import { checkResponse } from '../../../src/conformance/checks/checkResponse.js';
import { ok, operation, response, rules, validator } from './inlineDocument.js';

describe('content-type', () => {
  it('passes a documented media type, parameters and case aside', () => {
    expect(rules(response(200, ok, { 'content-type': 'Application/JSON; charset=utf-8' }))).toEqual([]);
  });
  it('fails an undocumented one, and a missing one', () => {
    expect(rules({ status: 200, headers: { 'content-type': 'text/html' }, bodyText: '<p>' })).toEqual(['content-type']);
    expect(rules({ status: 200, headers: {}, bodyText: '{}' })).toEqual(['content-type']);
  });
  it('fails a JSON answer that declares a charset other than UTF-8 (RFC 8259 §8.1), whatever the bytes', () => {
    for (const declared of ['application/json; charset=iso-8859-1', 'application/json;charset="windows-1252"', 'application/problem+json; charset=utf-16']) {
      const failures = checkResponse({ operation, validator, expect: { statuses: [] }, target: 'live', response: response(declared.includes('problem') ? 404 : 200, declared.includes('problem') ? { title: 't' } : ok, { 'content-type': declared }) }).filter((f) => f.rule === 'content-type');
      expect(failures, declared).toHaveLength(1);
      expect(failures[0]?.message).toMatch(/charset=.*RFC 8259 §8\.1/);
    }
  });
  it('passes charset=utf-8 in any spelling, and a charset on a type that is not JSON', () => {
    for (const declared of ['application/json; charset=UTF-8', 'application/json; charset="utf-8"', 'application/json; Charset=utf8']) expect(rules(response(200, ok, { 'content-type': declared })), declared).toEqual([]);
  });
});
