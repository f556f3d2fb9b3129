import { describe, expect, it } from 'vitest';
import { ok, response, rules } from './inlineDocument.js';

describe('content-type', () => {
  it('passes a documented media type, parameters and case aside', () => {
    expect(rules(response(200, ok, { 'content-type': 'Application/JSON; charset=utf-8' }))).toEqual([]);
  });
  it('fails an undocumented one, and a missing one', () => {
    expect(rules({ status: 200, headers: { 'content-type': 'text/html' }, bodyText: '<p>' })).toEqual(['content-type']);
    expect(rules({ status: 200, headers: {}, bodyText: '{}' })).toEqual(['content-type']);
  });
});
