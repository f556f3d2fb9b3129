import { describe, expect, it } from 'vitest';
import { response, rules } from './inlineDocument.js';

describe('header-required', () => {
  it('passes when the required header is there', () => expect(rules(response(429, {}, { 'retry-after': '30' }))).toEqual([]));
  it('fails when it is missing', () => expect(rules(response(429, {}))).toEqual(['header-required']));
});
