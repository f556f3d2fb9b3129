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
  const valid = { api: { fieldErrors: '/error/details/fieldErrors' }, expect: { statuses: ['2XX', '3XX', '4XX'], valid: true as const } };
  it('fails when a request the document says is valid is refused naming a field', () => expect(rules(invalid({ id: ['Too long'] }), valid)).toEqual(['field-errors']));
  it('passes a valid request refused without naming a field (an id not found, say)', () => expect(rules(response(400, { error: { code: 'NOT_FOUND' } }), valid)).toEqual([]));
});
