// Seed page 001: PATCH /v1/influencers/:influencerId (strict partial update).
import { beforeAll, describe, expect, it } from 'vitest';
import { openContract, UUID, type Contract } from '../../support/contract.js';
import type { Operation } from '../../../src/openapi/operations.js';
import { layersError } from './layersErrors.js';

let contract: Contract;
let op: Operation;
let body: string | undefined;
beforeAll(async () => {
  contract = await openContract('layers');
  op = contract.operation('patch', '/v1/influencers/{influencerId}');
  body = op.schemaPointer('request');
});

const accepts = (value: unknown) => contract.accepts(body, value);

describe('seed 001: strict PATCH of an influencer', () => {
  it('requires a body with at least one field and rejects unknown fields', () => {
    expect(op.requestBody()?.value.required).toBe(true);
    expect(accepts({})).toBe(false);
    expect(accepts({ nickname: 'Ava' })).toBe(false);
    expect(accepts({ name: 'Ava', nickname: 'Ava' })).toBe(false);
    expect(accepts({ brandVoice: 'casual', language: 'es-MX' })).toBe(true);
  });

  it('bounds name to 1..128 characters', () => {
    expect(accepts({ name: '' })).toBe(false);
    expect(accepts({ name: 'a' })).toBe(true);
    expect(accepts({ name: 'a'.repeat(128) })).toBe(true);
    expect(accepts({ name: 'a'.repeat(129) })).toBe(false);
    expect(accepts({ name: 7 })).toBe(false);
  });

  it('takes gender from its enum and never null', () => {
    for (const gender of ['male', 'female', 'non_binary']) expect(accepts({ gender })).toBe(true);
    expect(accepts({ gender: 'other' })).toBe(false);
    expect(accepts({ gender: null })).toBe(false);
  });

  it('takes ageRange from its six values, or null to clear', () => {
    for (const ageRange of ['teen', 'young_adult', 'adult', 'mid_adult', 'mature', 'senior', null]) expect(accepts({ ageRange })).toBe(true);
    expect(accepts({ ageRange: 'child' })).toBe(false);
  });

  it('takes brandVoice from its six values', () => {
    for (const brandVoice of ['authentic', 'witty', 'professional', 'warm', 'casual', 'educational']) expect(accepts({ brandVoice })).toBe(true);
    expect(accepts({ brandVoice: 'sarcastic' })).toBe(false);
    expect(accepts({ brandVoice: null })).toBe(false);
  });

  it('takes language as a BCP 47 tag', () => {
    for (const language of ['en', 'es-MX', 'zh-Hans-CN', 'pt-BR', 'es-419']) expect(accepts({ language }), language).toBe(true);
    for (const language of ['english', 'e', 'en_US', 'en-', '']) expect(accepts({ language }), language).toBe(false);
  });

  it('returns the full influencer, the ten fields of the page, ageRange nullable and gender not', () => {
    const schema = op.schemaPointer('200');
    expect(schema).toBeDefined();
    const example = op.namedExamples('200').patched as Record<string, unknown>;
    expect(Object.keys(example).sort()).toEqual(
      ['ageRange', 'brandVoice', 'createdAt', 'gender', 'influencerId', 'language', 'name', 'projectId', 'status', 'updatedAt'],
    );
    expect(example).toMatchObject({ name: 'Ava Chen', gender: 'female', ageRange: 'young_adult', brandVoice: 'casual', language: 'es-MX', status: 'ready' });
    expect(contract.accepts(schema, example)).toBe(true);
    expect(contract.accepts(schema, { ...example, ageRange: null })).toBe(true);
    expect(contract.accepts(schema, { ...example, gender: null })).toBe(false);
    for (const field of Object.keys(example)) {
      const { [field]: _dropped, ...rest } = example;
      expect(contract.accepts(schema, rest), `without ${field}`).toBe(false);
    }
    // Same shape as GET.
    expect(schema && contract.operation('get', '/v1/influencers/{influencerId}').schemaPointer('200')).toBeDefined();
    expect(contract.operation('get', '/v1/influencers/{influencerId}').raw.responses).toMatchObject({ '200': { content: { 'application/json': { schema: { $ref: '#/components/schemas/Influencer' } } } } });
  });

  it('answers body validation with 422 VALIDATION naming the field in fieldErrors (the page example)', () => {
    expect(op.statuses().sort()).toEqual(['200', '400', '401', '403', '404', '422', '429', '500', '503']);
    const schema = op.schemaPointer('422');
    expect(op.namedExamples('422').invalidEnum).toEqual({
      error: { code: 'VALIDATION', message: 'Invalid body.', requestId: expect.stringMatching(/^req_/), details: { fieldErrors: { gender: ['Invalid enum value'] } } },
    });
    expect(contract.accepts(schema, layersError('VALIDATION', { fieldErrors: { gender: ['Invalid enum value'] } }))).toBe(true);
    expect(contract.accepts(schema, layersError('VALIDATION'))).toBe(false);
    expect(contract.accepts(schema, layersError('NOT_FOUND', { fieldErrors: { gender: ['x'] } }))).toBe(false);
    expect(contract.accepts(op.schemaPointer('404'), layersError('NOT_FOUND'))).toBe(true);
  });

  it('states the strictness, the gender rule and the 422/400 split in the description', () => {
    const description = String(op.raw.description);
    for (const fact of ['at least one field', 'rejected', 'ageRange: null', 'gender', 'same shape as GET', '422', '400']) expect(description).toContain(fact);
  });
});
