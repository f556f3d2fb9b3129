import { describe, expect, it } from 'vitest';
import { response, rules } from './inlineDocument.js';

describe('header-schema', () => {
  it('reads an integer header as a number', () => expect(rules(response(429, {}, { 'retry-after': '0' }))).toEqual([]));
  it('fails a value its schema rejects', () => {
    expect(rules(response(429, {}, { 'retry-after': 'soon' }))).toEqual(['header-schema']);
    expect(rules(response(429, {}, { 'retry-after': '-5' }))).toEqual(['header-schema']);
  });
});
