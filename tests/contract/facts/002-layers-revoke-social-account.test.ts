// Seed page 002: DELETE /v1/social-accounts/:socialAccountId (revoke; cancels queued posts atomically).
import { beforeAll, describe, expect, it } from 'vitest';
import { openContract, UUID, type Contract } from '../../support/contract.js';
import type { Operation } from '../../../src/openapi/operations.js';
import { CODE_BY_STATUS, DETAILS_BY_CODE, layersError } from './layersErrors.js';
import { expectPageExample, expectParameterExample, NOT_TIMESTAMPS, TIMESTAMPS, ULID } from './pageExamples.js';

let contract: Contract;
let op: Operation;
beforeAll(async () => {
  contract = await openContract('layers');
  op = contract.operation('delete', '/v1/social-accounts/{socialAccountId}');
});

describe('seed 002: revoke a social account', () => {
  it('needs social:write, takes no body and an optional Idempotency-Key header', () => {
    expect(op.security()).toEqual([{ bearerAuth: ['social:write'] }, { apiKeyHeader: ['social:write'] }]);
    expect(op.requestBody()).toBeUndefined();
    expect(op.parameter('Idempotency-Key', 'header')?.value.required).toBe(false);
  });

  it('accepts sa_ with a uuid or a ULID-style suffix as the path id; the prefix is required', () => {
    const schema = `${op.parameter('socialAccountId', 'path')?.pointer}/schema`;
    for (const id of ['sa_9c1e42a0-b7f3-4e5d-a2c1-8b4f5e6c7d8e', `sa_${ULID}`]) expect(contract.accepts(schema, id), id).toBe(true);
    for (const id of [UUID, ULID, `inf_${UUID}`, 'sa_', 'sa_12-34', `sa_ ${ULID}`, `sa_${ULID.toLowerCase()}`, `sa-${UUID}`]) expect(contract.accepts(schema, id), id).toBe(false);
    expect(String(op.parameter('socialAccountId', 'path')?.value.description)).toMatch(/vendor's pages show both id shapes/);
    // The page's 400 row says "not a sa_<uuid> shape"; the document's choice to take the ULID-style suffix too is stated.
    const described = String(op.parameter('socialAccountId', 'path')?.value.description).replace(/\s+/g, ' ');
    expect(described).toContain('describes a malformed id as one not of the `sa_<uuid>` shape');
    expect(op.namedExamples('400').malformedId).toMatchObject({ error: { code: 'VALIDATION', details: { fieldErrors: { socialAccountId: ['Expected sa_…'] } } } });
  });

  it('sends as a valid revoke only the sa_<uuid> shape the revoke reference calls well-formed: a server refusing a ULID-style suffix with 400, as that reference says, is not failed', () => {
    const parameter = op.parameter('socialAccountId', 'path');
    const examples = Object.values((parameter?.value.examples ?? {}) as Record<string, { value?: unknown }>).map((e) => e.value);
    expect(examples.length).toBeGreaterThan(0);
    for (const id of examples) expect(String(id), 'a documented example is sent as a valid request by the suite').toMatch(/^sa_[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/);
    // The schema still takes the ULID-style suffix (narrowing a request parameter would break clients), and says a server may answer either way.
    expect(contract.accepts(`${parameter?.pointer}/schema`, `sa_${ULID}`)).toBe(true);
    const described = String(parameter?.value.description).replace(/\s+/g, ' ');
    expect(described).toContain('either looks it up (404 when there is no such account) or refuses it with 400 `VALIDATION`, as the revoke reference says');
    // The schema of the id (also the 200's socialAccountId) does not claim the vendor shows an sa_ id with a ULID-style suffix: it shows none.
    const schema = String((contract.doc.components?.schemas as Record<string, { description?: string }>).SocialAccountId?.description).replace(/\s+/g, ' ');
    expect(schema).toContain('The vendor shows `sa_` ids with a uuid suffix');
    expect(String(op.response('400')?.value.description).replace(/\s+/g, ' ')).toContain('an `sa_` id whose suffix is not a uuid');
  });

  it('is phase 1 and stable', () => {
    expect(op.raw).toMatchObject({ 'x-phase': 1, 'x-stability': 'stable' });
  });

  it('takes an Idempotency-Key of at most 255 characters (an assumption), and documents the longer key as a cause of 400', () => {
    const header = op.parameter('Idempotency-Key', 'header');
    expect(contract.accepts(`${header?.pointer}/schema`, 'k'.repeat(255))).toBe(true);
    expect(contract.accepts(`${header?.pointer}/schema`, 'k'.repeat(256))).toBe(false);
    expect(String(header?.value.description)).toContain('this contract assumes 1 to 255 characters');
    expect(String(op.response('400')?.value.description)).toMatch(/`Idempotency-Key` header is longer than 255 characters/);
    expect(op.namedExamples('400').idempotencyKeyTooLong).toMatchObject({ error: { code: 'VALIDATION', details: { fieldErrors: { 'Idempotency-Key': [expect.any(String)] } } } });
  });

  it('documents an empty Idempotency-Key as a cause of 400 too (the assumed 1 to 255 characters start at one), with a named example', () => {
    // The schema refuses it and the suite sends it as a negative case expecting this 400, so the 400 must say so.
    const header = op.parameter('Idempotency-Key', 'header');
    expect(contract.accepts(`${header?.pointer}/schema`, '')).toBe(false);
    expect(contract.accepts(`${header?.pointer}/schema`, 'k')).toBe(true);
    expect(String(header?.value.description).replace(/\s+/g, ' ')).toContain('a longer or empty key is a 400 `VALIDATION`');
    expect(String(op.response('400')?.value.description).replace(/\s+/g, ' ')).toContain('the `Idempotency-Key` header is longer than 255 characters or empty');
    const empty = op.namedExamples('400').idempotencyKeyEmpty;
    expect(empty).toMatchObject({ error: { code: 'VALIDATION', details: { fieldErrors: { 'Idempotency-Key': [expect.any(String)] } } } });
    expect(contract.accepts(op.schemaPointer('400'), empty)).toBe(true);
  });

  it('encodes the example request (its URL id) and the 200 of the reference', () => {
    expectParameterExample(contract, op, 'socialAccountId', 'sa_9c1e42a0-b7f3-4e5d-a2c1-8b4f5e6c7d8e');
    expectPageExample(contract, op, '200', {
      socialAccountId: 'sa_9c1e42a0-b7f3-4e5d-a2c1-8b4f5e6c7d8e',
      status: 'disconnected',
      disconnectedReason: 'revoked_by_partner',
      canceledScheduledPosts: 4,
      disconnectedAt: '2026-04-18T19:15:02Z',
    });
  });

  it('answers 200 with the page example: disconnected, revoked_by_partner, canceledScheduledPosts', () => {
    const schema = op.schemaPointer('200');
    const example = op.namedExamples('200').revoked as Record<string, unknown>;
    expect(example).toEqual({
      socialAccountId: 'sa_9c1e42a0-b7f3-4e5d-a2c1-8b4f5e6c7d8e',
      status: 'disconnected',
      disconnectedReason: 'revoked_by_partner',
      canceledScheduledPosts: 4,
      disconnectedAt: '2026-04-18T19:15:02Z',
    });
    expect(contract.accepts(schema, example)).toBe(true);
    expect(contract.accepts(schema, { ...example, canceledScheduledPosts: -1 })).toBe(false);
    expect(contract.accepts(schema, { ...example, canceledScheduledPosts: 1.5 })).toBe(false);
    expect(contract.accepts(schema, { ...example, disconnectedReason: 'user' })).toBe(false);
    expect(contract.accepts(schema, { ...example, status: 'connected' })).toBe(false);
  });

  it('counts zero canceled posts too, and takes disconnectedAt with or without a fraction, with Z or an offset', () => {
    const schema = op.schemaPointer('200');
    const example = op.namedExamples('200').revoked as Record<string, unknown>;
    expect(contract.accepts(schema, { ...example, canceledScheduledPosts: 0 })).toBe(true);
    expect(contract.accepts(schema, { ...example, canceledScheduledPosts: '4' })).toBe(false);
    for (const disconnectedAt of TIMESTAMPS) expect(contract.accepts(schema, { ...example, disconnectedAt }), disconnectedAt).toBe(true);
    for (const disconnectedAt of NOT_TIMESTAMPS) expect(contract.accepts(schema, { ...example, disconnectedAt }), disconnectedAt).toBe(false);
  });

  it('takes the uuid of sa_ in either letter case (uuids are case-insensitive on input)', () => {
    const schema = `${op.parameter('socialAccountId', 'path')?.pointer}/schema`;
    for (const id of ['sa_9C1E42A0-B7F3-4E5D-A2C1-8B4F5E6C7D8E', 'sa_9c1e42a0-B7F3-4e5d-a2c1-8b4f5e6c7d8e']) expect(contract.accepts(schema, id), id).toBe(true);
  });

  it('declares every status of the page table with its code', () => {
    expect(op.statuses().sort()).toEqual(['200', '400', '401', '403', '404', '409', '429', '500', '503']);
    for (const status of op.statuses().filter((s) => s !== '200')) {
      const code = CODE_BY_STATUS[status] as string;
      expect(contract.accepts(op.schemaPointer(status), layersError(code, DETAILS_BY_CODE[code])), status).toBe(true);
      expect(contract.accepts(op.schemaPointer(status), layersError(code === 'INTERNAL' ? 'NOT_FOUND' : 'INTERNAL')), status).toBe(false);
    }
  });

  it('requires details.requiredScope on 403 and details.scope (key|organization|global) on 503', () => {
    expect(contract.accepts(op.schemaPointer('403'), layersError('FORBIDDEN_SCOPE'))).toBe(false);
    expect(op.namedExamples('403').missingScope).toMatchObject({ error: { details: { requiredScope: 'social:write' } } });
    for (const scope of ['key', 'organization', 'global']) expect(contract.accepts(op.schemaPointer('503'), layersError('KILL_SWITCH', { scope }))).toBe(true);
    expect(contract.accepts(op.schemaPointer('503'), layersError('KILL_SWITCH', { scope: 'project' }))).toBe(false);
    expect(contract.accepts(op.schemaPointer('503'), layersError('KILL_SWITCH'))).toBe(false);
  });

  it('sends Retry-After with 429', () => {
    const header = op.responseHeaders('429')['Retry-After'];
    expect(header?.value.required).toBe(true);
    expect(contract.accepts(`${header?.pointer}/schema`, 30)).toBe(true);
    expect(contract.accepts(`${header?.pointer}/schema`, -1)).toBe(false);
  });

  it('names the 429 a per-key write budget, as the reference does, and the reads limited with it or apart as an assumption', () => {
    const described = String(op.response('429')?.value.description).replace(/\s+/g, ' ');
    expect(described).toContain('The per-key write budget is exhausted');
    expect(described).toContain('this contract assumes the reads are limited per key as well, by the same budget or one of their own');
  });

  it('names the delay-seconds form of Retry-After as an assumption (the page says only to honour it)', () => {
    const header = op.responseHeaders('429')['Retry-After'];
    expect(contract.accepts(`${header?.pointer}/schema`, 0)).toBe(true);
    expect(contract.accepts(`${header?.pointer}/schema`, 1.5)).toBe(false);
    expect(String(header?.value.description).replace(/\s+/g, ' ')).toContain('this contract assumes the delay in seconds');
  });

  it('names fieldErrors on every VALIDATION, with `body` for a body that is not JSON or is empty, as an assumption', () => {
    const described = String((contract.doc.components?.schemas as Record<string, { description?: string }>).ValidationError?.description).replace(/\s+/g, ' ');
    expect(described).toContain('this contract assumes that every `VALIDATION` error carries `details.fieldErrors`');
    expect(described).toContain('`body`');
    expect(contract.accepts(op.schemaPointer('400'), layersError('VALIDATION', { fieldErrors: { body: ['Malformed JSON'] } }))).toBe(true);
  });

  it('every error carries a requestId', () => {
    expect(contract.accepts(op.schemaPointer('500'), { error: { code: 'INTERNAL', message: 'x' } })).toBe(false);
    expect(contract.accepts(op.schemaPointer('500'), { error: { code: 'INTERNAL', message: 'x', requestId: 'abc' } })).toBe(false);
  });

  it('states atomicity, upstream content, cross-org 404 and leased accounts in the description', () => {
    const description = String(op.raw.description);
    for (const fact of ['single transaction', 'nothing changed', 'does not delete upstream', 'not a 403', 'leased-accounts', 'canceledScheduledPosts', 'does not release the lease']) {
      expect(description).toContain(fact);
    }
    expect(String(op.response('404')?.value.description)).toMatch(/not 403/);
  });

  it('states the use cases and the recorded cancellation reason in the description', () => {
    const description = String(op.raw.description);
    expect(description).toContain('when the end customer asks to disconnect, or as part of offboarding a customer');
    expect(description).toContain('The cancellation reason of each canceled post is recorded internally as `revoked_by_partner`');
    expect(description).toContain('disconnectedReason = "revoked_by_partner"');
  });

  it('names as assumptions what the page does not say: a replay under the same Idempotency-Key, and a 500 of the influencer writes changing nothing', () => {
    const flat = (text: unknown) => String(text).replace(/\s+/g, ' ');
    // The page says only that the 409 surfaces when a key is reused across different socialAccountId paths.
    expect(flat(op.parameter('Idempotency-Key', 'header')?.value.description)).toContain('this contract assumes that replaying the same key with the same request returns the first result');
    // "The cancellation is atomic ... Safe to retry" is the revoke page's 500 only.
    const internal = flat(op.response('500')?.value.description);
    expect(internal).toContain('The revoke reference says its 500 is atomic (nothing changed) and safe to retry; this contract assumes the same of every write');
    expect(internal).not.toMatch(/^Server-side failure\. Writes are transactional/);
  });
});
