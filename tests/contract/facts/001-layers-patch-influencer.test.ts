// Seed page 001: PATCH /v1/influencers/:influencerId (strict partial update).
import { beforeAll, describe, expect, it } from 'vitest';
import { openContract, UUID, type Contract } from '../../support/contract.js';
import type { Operation } from '../../../src/openapi/operations.js';
import { layersError } from './layersErrors.js';
import { ASTRAL, expectPageExample, NOT_TIMESTAMPS, TIMESTAMPS } from './pageExamples.js';

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

  it('counts the 1-128 of name in characters (code points)', () => {
    expect(accepts({ name: ASTRAL })).toBe(true);
    expect(accepts({ name: ASTRAL.repeat(128) })).toBe(true);
    expect(accepts({ name: ASTRAL.repeat(129) })).toBe(false);
    expect(accepts({ name: null })).toBe(false);
  });

  it('takes the enums in their exact lower-case spelling only', () => {
    for (const body of [{ gender: 'Female' }, { gender: 'NON_BINARY' }, { gender: 'non-binary' }, { ageRange: 'Young_Adult' }, { ageRange: 'young-adult' }, { brandVoice: 'Casual' }]) expect(accepts(body), JSON.stringify(body)).toBe(false);
  });

  it('takes a language tag in any letter case (BCP 47 tags are case-insensitive)', () => {
    for (const language of ['EN', 'es-mx', 'ES-MX', 'zh-hans-cn', 'ZH-HANS-CN', 'sr-latn-RS']) expect(accepts({ language }), language).toBe(true);
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

  it('takes language as a BCP 47 tag (the full RFC 5646 lists are in language-tag.test.ts)', () => {
    for (const language of ['en', 'es-MX', 'zh-Hans-CN', 'pt-BR', 'es-419', 'sr-Latn-RS', 'de-CH-1901', 'en-US-u-islamcal', 'x-whatever', 'i-klingon']) expect(accepts({ language }), language).toBe(true);
    for (const language of ['english', 'e', 'en_US', 'en--US', 'en-', '']) expect(accepts({ language }), language).toBe(false);
    expect(String((contract.doc.components?.schemas as Record<string, { description?: string }>).LanguageTag?.description)).toContain('This contract assumes the primary language subtag has two or three letters');
  });

  it('is phase 1; the reference states no stability for it', () => {
    expect(op.raw['x-phase']).toBe(1);
    expect(op.raw['x-stability']).toBeUndefined();
  });

  it('encodes the request and every response example of the reference', () => {
    expectPageExample(contract, op, 'request', { brandVoice: 'casual', language: 'es-MX' });
    const patched = {
      influencerId: 'inf_4a8e1bc2-5d3f-4b6a-9c7e-1f2a3b4c5d6e',
      projectId: 'prj_01HXK7M2Q9RS4TV6WXYZ8ABCDE',
      name: 'Ava Chen',
      gender: 'female',
      ageRange: 'young_adult',
      brandVoice: 'casual',
      language: 'es-MX',
      status: 'ready',
      createdAt: '2026-04-01T14:22:10Z',
      updatedAt: '2026-04-18T09:18:44Z',
    };
    expect(patched.influencerId.startsWith('inf_4a8e1bc2') && patched.projectId.startsWith('prj_01HX')).toBe(true);
    expectPageExample(contract, op, '200', patched);
    const requestId = (op.namedExamples('422').invalidEnum as { error: { requestId: string } }).error.requestId;
    expectPageExample(contract, op, '422', { error: { code: 'VALIDATION', message: 'Invalid body.', requestId, details: { fieldErrors: { gender: ['Invalid enum value'] } } } });
    expectPageExample(contract, op, '404', { error: { code: 'NOT_FOUND', message: 'Influencer not found.', requestId } });
  });

  it('accepts both id shapes in the response: a uuid or a ULID-style suffix', () => {
    const schema = op.schemaPointer('200');
    const example = op.namedExamples('200').patched as Record<string, unknown>;
    for (const influencerId of ['inf_4a8e1bc2-5d3f-4b6a-9c7e-1f2a3b4c5d6e', 'inf_01HXZ9AB3CDEF4GHJK5MNPQRST']) {
      for (const projectId of ['prj_0b7d2c14-8e5a-4f39-a6d1-2c3e4f5a6b7c', 'prj_01HXK7M2Q9RS4TV6WXYZ8ABCDE']) expect(contract.accepts(schema, { ...example, influencerId, projectId })).toBe(true);
    }
    for (const projectId of ['prj_', 'prj_01HX ZZ', 'inf_01HXK7M2Q9RS4TV6WXYZ8ABCDE', '01HXK7M2Q9RS4TV6WXYZ8ABCDE']) expect(contract.accepts(schema, { ...example, projectId }), projectId).toBe(false);
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

  it('returns createdAt and updatedAt with or without a fraction, with Z or an offset', () => {
    const schema = op.schemaPointer('200');
    const example = op.namedExamples('200').patched as Record<string, unknown>;
    for (const at of TIMESTAMPS) expect(contract.accepts(schema, { ...example, createdAt: at, updatedAt: at }), at).toBe(true);
    for (const at of NOT_TIMESTAMPS) expect(contract.accepts(schema, { ...example, updatedAt: at }), at).toBe(false);
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
