// Seed page 000: DELETE /v1/influencers/:influencerId (soft delete).
import { beforeAll, describe, expect, it } from 'vitest';
import { openContract, UUID, type Contract } from '../../support/contract.js';
import type { Operation } from '../../../src/openapi/operations.js';
import { CODE_BY_STATUS, DETAILS_BY_CODE, layersError } from './layersErrors.js';
import { ASTRAL, expectPageExample, NOT_TIMESTAMPS, TIMESTAMPS, ULID } from './pageExamples.js';

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

  it('accepts both prefixed id shapes and a bare uuid in the path, nothing else', () => {
    const schema = `${op.parameter('influencerId', 'path')?.pointer}/schema`;
    for (const id of [`inf_${UUID}`, `inf_${UUID.toUpperCase()}`, `inf_${ULID}`, 'inf_01HXZ9ABCDEFGHJKMNPQRSTV', 'inf_01HXZ9', UUID]) expect(contract.accepts(schema, id), id).toBe(true);
    for (const id of ['inf_', `sa_${UUID}`, `prj_${ULID}`, `inf_ ${ULID}`, `inf_${ULID} `, `inf_${ULID.toLowerCase()}`, 'inf_01HXZ9I', `inf_${UUID.slice(0, 8)}`, 'not-an-id', '']) {
      expect(contract.accepts(schema, id), id).toBe(false);
    }
    expect(String(op.parameter('influencerId', 'path')?.value.description)).toMatch(/vendor's pages show all of these, and\s+all are accepted/);
  });

  it('counts the 1024 of reason in characters (code points), takes an empty reason, never null', () => {
    const schema = op.schemaPointer('request');
    expect(contract.accepts(schema, { reason: ASTRAL.repeat(1024) })).toBe(true);
    expect(contract.accepts(schema, { reason: ASTRAL.repeat(1025) })).toBe(false);
    expect(contract.accepts(schema, { reason: '' })).toBe(true);
    expect(contract.accepts(schema, { reason: null })).toBe(false);
  });

  it('takes the uuid suffix and the bare uuid in either letter case (uuids are case-insensitive on input)', () => {
    const schema = `${op.parameter('influencerId', 'path')?.pointer}/schema`;
    for (const id of [UUID.toUpperCase(), `inf_${UUID.toUpperCase()}`, `inf_${UUID.slice(0, 8).toUpperCase()}${UUID.slice(8)}`]) expect(contract.accepts(schema, id), id).toBe(true);
  });

  it('takes deletedAt with or without a fraction, with Z or an offset', () => {
    const schema = op.schemaPointer('200');
    const ok = { influencerId: `inf_${ULID}`, status: 'deleted' };
    for (const deletedAt of TIMESTAMPS) expect(contract.accepts(schema, { ...ok, deletedAt }), deletedAt).toBe(true);
    for (const deletedAt of NOT_TIMESTAMPS) expect(contract.accepts(schema, { ...ok, deletedAt }), deletedAt).toBe(false);
  });

  it('is phase 1; the reference states no stability for it', () => {
    expect(op.raw['x-phase']).toBe(1);
    expect(op.raw['x-stability']).toBeUndefined();
  });

  it("encodes every example of the reference: the three request bodies, the 200 and the 404", () => {
    for (const reason of ['Partner requested deletion.', 'Customer requested removal.', 'No longer needed.']) expectPageExample(contract, op, 'request', { reason });
    expectPageExample(contract, op, '200', { influencerId: `inf_${ULID}`, status: 'deleted', deletedAt: '2026-04-18T09:21:00Z' });
    expect(`inf_${ULID}`.startsWith('inf_01HXZ9')).toBe(true);
    const notFound = op.namedExamples('404').notFound as { error: { requestId: string } };
    expect(notFound.error.requestId).toMatch(/^req_/);
    expectPageExample(contract, op, '404', { error: { code: 'NOT_FOUND', message: 'Influencer not found.', requestId: notFound.error.requestId } });
  });

  it('says that timestamps may carry a fraction or an offset, though the pages show UTC without one', () => {
    const described = String((contract.doc.components?.schemas as Record<string, { description?: string }>).Timestamp?.description).replace(/\s+/g, ' ');
    expect(described).toContain('a fraction of a second and a numeric offset are accepted as well');
  });

  it('answers 200 { influencerId, status: "deleted", deletedAt }', () => {
    const schema = op.schemaPointer('200');
    const ok = { influencerId: `inf_${UUID}`, status: 'deleted', deletedAt: '2026-04-18T09:21:00Z' };
    expect(contract.accepts(schema, { ...ok, influencerId: `inf_${ULID}` })).toBe(true);
    expect(contract.accepts(schema, { ...ok, influencerId: UUID })).toBe(false);
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

  it('names the rejection of unknown body properties as an assumption (the page lists only reason and says only that the body must match), with its own 422 example', () => {
    const described = String((contract.doc.components?.schemas as Record<string, { description?: string }>).InfluencerDeleteRequest?.description).replace(/\s+/g, ' ');
    expect(described).toContain('this contract assumes the body is strict');
    expect(String(op.response('422')?.value.description)).toContain('a property other than `reason`');
    const unknown = op.namedExamples('422').unknownField as { error: { details: { fieldErrors: Record<string, string[]> } } } | undefined;
    expect(unknown?.error.details.fieldErrors).toEqual({ hard: ['Unrecognized key'] });
    expect(contract.accepts(op.schemaPointer('422'), unknown)).toBe(true);
  });

  it('names 422 for a malformed body as an assumption: the page gives VALIDATION for it but no status (422 is what PATCH gives body validation)', () => {
    expect(op.statuses()).toContain('422');
    expect(String(op.response('422')?.value.description).replace(/\s+/g, ' ')).toContain('The delete reference names the code of a malformed body, `VALIDATION`, but not its status; this contract assumes 422, the status body validation has on PATCH');
  });

  it('states the soft-delete semantics in the description', () => {
    const description = String(op.raw.description);
    for (const fact of ['is_archived', 'attributes.deletion', 'no hard delete', 'no undelete', 'invisible to every partner read', 'keeps working', 'audit trail', '404']) expect(description).toContain(fact);
  });
});
