import { describe, expect, it } from 'vitest';
import { ok, response, rules } from './inlineDocument.js';

describe('body-json', () => {
  it('passes a body that parses', () => expect(rules(response(200, ok))).toEqual([]));
  it('fails a JSON body that does not parse, once', () => expect(rules(response(200, '{"id":'))).toEqual(['body-json']));
  it('fails a JSON body whose bytes were not UTF-8 (RFC 8259 §8.1), though it parses', () => {
    expect(rules({ ...response(200, { id: 'caf\ufffd', count: 1 }), invalidUtf8: true })).toEqual(['body-json']);
  });
  it('fails a JSON body that starts with a byte order mark', () => expect(rules(response(200, `\ufeff${JSON.stringify(ok)}`))).toEqual(['body-json']));
  it('reads +json media types as JSON', () => {
    expect(rules({ status: 404, headers: { 'content-type': 'application/problem+json' }, bodyText: '{"title":' })).toEqual(['body-json']);
  });
});
