import { describe, expect, it } from 'vitest';
import { response, rules } from './inlineDocument.js';

const invalid = (named: Record<string, unknown>) => response(400, { error: { details: { fieldErrors: named } } });
const declared = { api: { fieldErrors: '/error/details/fieldErrors' }, expect: { statuses: ['400'], fieldErrorKey: 'id' } };

describe('field-errors', () => {
  it('passes when the error body names the field the case broke', () => expect(rules(invalid({ id: ['bad'] }), declared)).toEqual([]));
  it('fails when it names another field', () => expect(rules(invalid({ other: ['bad'] }), declared)).toEqual(['field-errors']));
  it('applies only where the manifest declares the pointer, and only against a live target', () => {
    expect(rules(invalid({ other: ['bad'] }), { ...declared, api: {} })).toEqual([]);
    expect(rules(invalid({ other: ['bad'] }), { ...declared, target: 'mock' })).toEqual([]);
  });
});
