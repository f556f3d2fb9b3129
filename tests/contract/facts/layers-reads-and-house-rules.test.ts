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
  });

  it('lets both reads through with influencers:read or influencers:write (scopes this contract assumes), and names influencers:read in the 403', () => {
    for (const op of [contract.operation('get', '/v1/influencers/{influencerId}'), contract.operation('get', '/v1/influencers')]) {
      expect(op.security(), op.operationId).toEqual([
        { bearerAuth: ['influencers:read'] },
        { bearerAuth: ['influencers:write'] },
        { apiKeyHeader: ['influencers:read'] },
        { apiKeyHeader: ['influencers:write'] },
      ]);
      expect(String(op.raw.description).replace(/\s+/g, ' '), op.operationId).toContain('this contract assumes that a key with `influencers:read` or `influencers:write` may read');
      expect(op.namedExamples('403').missingScope, op.operationId).toMatchObject({ error: { code: 'FORBIDDEN_SCOPE', details: { requiredScope: 'influencers:read' } } });
    }
  });

  it('names the list bounds as an assumption and documents a limit outside them as the cause of its 400', () => {
    const list = contract.operation('get', '/v1/influencers');
    expect(String(list.parameter('limit', 'query')?.value.description)).toContain('this contract assumes 1 to 100');
    expect(String(list.response('400')?.value.description)).toContain('a `limit` outside 1 to 100');
    expect(list.namedExamples('400').limitTooLarge).toMatchObject({ error: { details: { fieldErrors: { limit: [expect.any(String)] } } } });
  });

  it('states the phase and stability only where the vendor does (x-phase, x-stability)', () => {
    const phases = Object.fromEntries(listOperations(contract.doc).map((o) => [o.operationId, [o.raw['x-phase'], o.raw['x-stability']]]));
    expect(phases).toEqual({
      listInfluencers: [undefined, undefined],
      getInfluencer: [undefined, undefined],
      patchInfluencer: [1, undefined],
      deleteInfluencer: [1, undefined],
      revokeSocialAccount: [1, 'stable'],
    });
  });

  it('every operation declares 401, 403, 429 (with Retry-After), 500 and 503; those on one resource also 400 and 404', () => {
    for (const op of listOperations(contract.doc)) {
      expect(op.statuses(), op.operationId).toEqual(expect.arrayContaining(['401', '403', '429', '500', '503']));
      expect(op.responseHeaders('429')['Retry-After'], op.operationId).toBeDefined();
      if (op.path.includes('{')) expect(op.statuses(), op.operationId).toEqual(expect.arrayContaining(['400', '404']));
      if (op.requestBody()) expect(op.statuses(), op.operationId).toContain('422');
    }
  });

  it('returns prefixed ids in responses, in either shape the vendor shows (uuid or ULID-style suffix)', () => {
    const influencer = '#/components/schemas/Influencer';
    const example = contract.operation('get', '/v1/influencers/{influencerId}').namedExamples('200').influencer as Record<string, unknown>;
    expect(contract.accepts(influencer, example)).toBe(true);
    expect(contract.accepts(influencer, { ...example, influencerId: 'inf_01HXZ9ABCDEFGHJKMNPQRSTV', projectId: 'prj_01HXK7M2Q9RS4TV6WXYZ8ABCDE' })).toBe(true);
    expect(contract.accepts(influencer, { ...example, influencerId: UUID })).toBe(false);
    expect(contract.accepts(influencer, { ...example, projectId: UUID })).toBe(false);
    expect(contract.accepts(influencer, { ...example, influencerId: 'inf_' })).toBe(false);
    expect(String(contract.doc.info?.description)).toMatch(/The vendor's pages show both, and both are\s+accepted wherever an id appears/);
  });

  it('uses one error envelope whose code comes from the catalog', () => {
    const envelope = '#/components/schemas/LayersError';
    expect(contract.accepts(envelope, { error: { code: 'NOT_FOUND', message: 'x', requestId: 'req_1' } })).toBe(true);
    expect(contract.accepts(envelope, { error: { code: 'GONE', message: 'x', requestId: 'req_1' } })).toBe(false);
    const codes = (contract.doc.components?.schemas as Record<string, { enum?: string[] }>).LayersErrorCode?.enum;
    expect(codes?.sort()).toEqual(['FORBIDDEN_SCOPE', 'IDEMPOTENCY_CONFLICT', 'INTERNAL', 'KILL_SWITCH', 'NOT_FOUND', 'RATE_LIMITED', 'UNAUTHENTICATED', 'VALIDATION']);
  });

  it('takes requestId as req_ and a token, and names the token\'s alphabet as an assumption (the pages show only `req_...`)', () => {
    const envelope = '#/components/schemas/LayersError';
    const withId = (requestId: unknown) => ({ error: { code: 'NOT_FOUND', message: 'Influencer not found.', requestId } });
    for (const id of ['req_7Hq2Lm9XcV4b', 'req_01HXZ9AB3CDEF4GHJK5MNPQRST', `req_${UUID}`, 'req_a_b-c']) expect(contract.accepts(envelope, withId(id)), id).toBe(true);
    for (const id of ['req_', 'req', '7Hq2Lm9XcV4b', 'REQ_abc', 'req_a b', ' req_abc', 'req_abc\n', 42, null]) expect(contract.accepts(envelope, withId(id)), String(id)).toBe(false);
    const schema = (contract.doc.components?.schemas as Record<string, { properties: { error: { properties: Record<string, { description?: string }> } } }>).LayersError;
    expect(String(schema?.properties.error.properties.requestId?.description).replace(/\s+/g, ' ')).toContain('this contract assumes letters, digits, `_` and `-`');
  });

  // The delete and PATCH references list only NOT_FOUND, VALIDATION of the body and FORBIDDEN_SCOPE ("Key lacks
  // influencers:write"); only the revoke reference gives a 400 for a malformed path id and names the scope in
  // details.requiredScope. Both are enforced on the influencer operations, so both are named as assumptions.
  it('names the 400 for a malformed influencer id as an assumption (no influencer reference lists one), on every operation of that path', () => {
    const squash = (text: unknown) => String(text).replace(/\s+/g, ' ');
    for (const [method, path] of [['get', '/v1/influencers/{influencerId}'], ['patch', '/v1/influencers/{influencerId}'], ['delete', '/v1/influencers/{influencerId}']] as const) {
      const op = contract.operation(method, path);
      expect(squash(op.response('400')?.value.description), op.operationId).toContain('The vendor lists no error for a malformed influencer id; this contract assumes this 400 `VALIDATION`, the answer the revoke reference gives to a malformed path id');
      expect(squash(op.parameter('influencerId', 'path')?.value.description), op.operationId).toContain('is a 400 `VALIDATION`, as this contract assumes');
      expect(contract.accepts(`${op.parameter('influencerId', 'path')?.pointer}/schema`, 'not-an-id'), op.operationId).toBe(false);
    }
  });

  it('names details.requiredScope on the influencer writes\' 403 as an assumption (their references say only that the key lacks influencers:write)', () => {
    for (const method of ['patch', 'delete'] as const) {
      const op = contract.operation(method, '/v1/influencers/{influencerId}');
      expect(String(op.response('403')?.value.description).replace(/\s+/g, ' '), op.operationId).toContain('The revoke reference names the missing scope in `details.requiredScope`; this contract assumes the influencer writes do the same');
      expect(contract.accepts(op.schemaPointer('403'), { error: { code: 'FORBIDDEN_SCOPE', message: 'x', requestId: 'req_1' } }), op.operationId).toBe(false);
    }
  });
});
