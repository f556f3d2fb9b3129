// The Layers reads the seed pages rely on, and the rules every Layers operation follows.
import { beforeAll, describe, expect, it } from 'vitest';
import { openContract, UUID, type Contract } from '../../support/contract.js';
import { listOperations } from '../../../src/openapi/operations.js';

let contract: Contract;
beforeAll(async () => {
  contract = await openContract('layers');
});

describe('Layers reads and house rules', () => {
  it('serves https://api.layers.com with exactly the five operations', () => {
    expect((contract.doc.servers as { url: string }[])[0]?.url).toBe('https://api.layers.com');
    expect(listOperations(contract.doc).map((o) => `${o.method.toUpperCase()} ${o.path}`).sort()).toEqual([
      'DELETE /v1/influencers/{influencerId}',
      'DELETE /v1/social-accounts/{socialAccountId}',
      'GET /v1/influencers',
      'GET /v1/influencers/{influencerId}',
      'PATCH /v1/influencers/{influencerId}',
    ]);
  });

  it('lists influencers as { items, nextCursor } with cursor and limit', () => {
    const list = contract.operation('get', '/v1/influencers');
    expect(list.parameter('cursor', 'query')).toBeDefined();
    const limit = `${list.parameter('limit', 'query')?.pointer}/schema`;
    expect(contract.accepts(limit, 1) && contract.accepts(limit, 100)).toBe(true);
    expect(contract.accepts(limit, 0) || contract.accepts(limit, 101)).toBe(false);
    const page = list.schemaPointer('200');
    expect(contract.accepts(page, { items: [], nextCursor: null })).toBe(true);
    expect(contract.accepts(page, { items: [] })).toBe(false);
    expect(String(list.raw.description)).toContain('never appear');
  });

  it('gets one influencer, 404 when archived or in another organization', () => {
    const get = contract.operation('get', '/v1/influencers/{influencerId}');
    expect(get.statuses()).toContain('404');
    expect(String(get.raw.description)).toMatch(/deleted \(archived\)[\s\S]*404/);
    expect(get.security()).toEqual([{ bearerAuth: ['influencers:write'] }, { apiKeyHeader: ['influencers:write'] }]);
  });

  it('every operation declares 401, 403, 429 (with Retry-After), 500 and 503; those on one resource also 400 and 404', () => {
    for (const op of listOperations(contract.doc)) {
      expect(op.statuses(), op.operationId).toEqual(expect.arrayContaining(['401', '403', '429', '500', '503']));
      expect(op.responseHeaders('429')['Retry-After'], op.operationId).toBeDefined();
      if (op.path.includes('{')) expect(op.statuses(), op.operationId).toEqual(expect.arrayContaining(['400', '404']));
      if (op.requestBody()) expect(op.statuses(), op.operationId).toContain('422');
    }
  });

  it('returns prefixed ids in responses', () => {
    const influencer = '#/components/schemas/Influencer';
    const example = contract.operation('get', '/v1/influencers/{influencerId}').namedExamples('200').influencer as Record<string, unknown>;
    expect(contract.accepts(influencer, example)).toBe(true);
    expect(contract.accepts(influencer, { ...example, influencerId: UUID })).toBe(false);
    expect(contract.accepts(influencer, { ...example, projectId: UUID })).toBe(false);
  });

  it('uses one error envelope whose code comes from the catalog', () => {
    const envelope = '#/components/schemas/LayersError';
    expect(contract.accepts(envelope, { error: { code: 'NOT_FOUND', message: 'x', requestId: 'req_1' } })).toBe(true);
    expect(contract.accepts(envelope, { error: { code: 'GONE', message: 'x', requestId: 'req_1' } })).toBe(false);
    const codes = (contract.doc.components?.schemas as Record<string, { enum?: string[] }>).LayersErrorCode?.enum;
    expect(codes?.sort()).toEqual(['FORBIDDEN_SCOPE', 'IDEMPOTENCY_CONFLICT', 'INTERNAL', 'KILL_SWITCH', 'NOT_FOUND', 'RATE_LIMITED', 'UNAUTHENTICATED', 'VALIDATION']);
  });
});
