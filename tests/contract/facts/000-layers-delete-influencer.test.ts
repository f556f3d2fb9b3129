// Seed page 000: DELETE /v1/influencers/:influencerId (soft delete).
import { beforeAll, describe, expect, it } from 'vitest';
import { openContract, UUID, type Contract } from '../../support/contract.js';
import type { Operation } from '../../../src/openapi/operations.js';
import { CODE_BY_STATUS, DETAILS_BY_CODE, layersError } from './layersErrors.js';

let contract: Contract;
let op: Operation;
beforeAll(async () => {
  contract = await openContract('layers');
  op = contract.operation('delete', '/v1/influencers/{influencerId}');
});

describe('seed 000: soft-delete an influencer', () => {
  it('needs influencers:write through either the bearer or the X-Api-Key header', () => {
    expect(op.security()).toEqual([{ bearerAuth: ['influencers:write'] }, { apiKeyHeader: ['influencers:write'] }]);
    const schemes = (contract.doc.components?.securitySchemes ?? {}) as Record<string, Record<string, unknown>>;
    expect(schemes.apiKeyHeader).toMatchObject({ type: 'apiKey', in: 'header', name: 'X-Api-Key' });
    expect(schemes.bearerAuth).toMatchObject({ type: 'http', scheme: 'bearer' });
  });

  it('takes an optional strict body with a reason of at most 1024 characters', () => {
    const body = op.requestBody();
    expect(body?.value.required).toBe(false);
    const schema = op.schemaPointer('request');
    expect(contract.accepts(schema, {})).toBe(true);
    expect(contract.accepts(schema, { reason: 'Partner requested deletion.' })).toBe(true);
    expect(contract.accepts(schema, { reason: 'x'.repeat(1024) })).toBe(true);
    expect(contract.accepts(schema, { reason: 'x'.repeat(1025) })).toBe(false);
    expect(contract.accepts(schema, { reason: 42 })).toBe(false);
    expect(contract.accepts(schema, { reason: 'ok', hard: true })).toBe(false);
  });

  it('accepts the prefixed id and a bare uuid in the path, nothing else', () => {
    const schema = `${op.parameter('influencerId', 'path')?.pointer}/schema`;
    expect(contract.accepts(schema, `inf_${UUID}`)).toBe(true);
    expect(contract.accepts(schema, UUID)).toBe(true);
    expect(contract.accepts(schema, `sa_${UUID}`)).toBe(false);
    expect(contract.accepts(schema, 'inf_01HXZ9')).toBe(false);
    expect(contract.accepts(schema, 'not-an-id')).toBe(false);
  });

  it('answers 200 { influencerId, status: "deleted", deletedAt }', () => {
    const schema = op.schemaPointer('200');
    const ok = { influencerId: `inf_${UUID}`, status: 'deleted', deletedAt: '2026-04-18T09:21:00Z' };
    expect(contract.accepts(schema, ok)).toBe(true);
    expect(contract.accepts(schema, { ...ok, status: 'archived' })).toBe(false);
    expect(contract.accepts(schema, { ...ok, deletedAt: 'yesterday' })).toBe(false);
    for (const field of Object.keys(ok)) {
      const { [field]: _dropped, ...rest } = ok as Record<string, string>;
      expect(contract.accepts(schema, rest), `without ${field}`).toBe(false);
    }
  });

  it('declares the page errors and the house statuses, each with its code', () => {
    expect(op.statuses().sort()).toEqual(['200', '400', '401', '403', '404', '422', '429', '500', '503']);
    for (const status of op.statuses().filter((s) => s !== '200')) {
      const code = CODE_BY_STATUS[status] as string;
      expect(contract.accepts(op.schemaPointer(status), layersError(code, DETAILS_BY_CODE[code])), status).toBe(true);
      expect(contract.accepts(op.schemaPointer(status), layersError('INTERNAL' === code ? 'NOT_FOUND' : 'INTERNAL')), status).toBe(false);
    }
    expect(op.namedExamples('404')).toMatchObject({ notFound: { error: { code: 'NOT_FOUND', message: 'Influencer not found.' } } });
  });

  it('states the soft-delete semantics in the description', () => {
    const description = String(op.raw.description);
    for (const fact of ['is_archived', 'attributes.deletion', 'no hard delete', 'keeps working', '404']) expect(description).toContain(fact);
  });
});
