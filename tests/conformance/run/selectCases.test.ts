import { beforeAll, describe, expect, it } from 'vitest';
import { deriveCases } from '../../../src/conformance/cases/deriveCases.js';
import type { TestCase } from '../../../src/conformance/model.js';
import { selectCases } from '../../../src/conformance/run/selectCases.js';
import { mockTarget } from '../../../src/conformance/targets/mock/mockTarget.js';
import { loadRegisteredApi } from '../../support/contract.js';

let layers: TestCase[];
let documented: TestCase[];
beforeAll(async () => {
  const api = await loadRegisteredApi('layers');
  layers = deriveCases(api);
  documented = mockTarget.extraCases(api);
});

describe('the writes guard', () => {
  it('sends only requests that cannot change data to a non-loopback target without --allow-writes, and says what it left out', () => {
    const { cases, leftOut, writesAllowed } = selectCases(layers, { kind: 'live', baseUrl: 'https://api.layers.example' }, { allowWrites: false });
    expect(writesAllowed).toBe(false);
    expect(cases.length).toBeGreaterThan(0);
    expect(cases.every((c) => c.operation.method === 'get')).toBe(true);
    expect(leftOut).toEqual([{ reason: expect.stringContaining('--allow-writes'), count: layers.filter((c) => c.writes).length }]);
  });

  it('sends everything with --allow-writes, and to loopback targets and mocks without it', () => {
    expect(selectCases(layers, { kind: 'live', baseUrl: 'https://api.layers.example' }, { allowWrites: true }).cases).toHaveLength(layers.length);
    expect(selectCases(layers, { kind: 'live', baseUrl: 'http://127.0.0.1:4000' }, { allowWrites: false }).cases).toHaveLength(layers.length);
    expect(selectCases(layers, { kind: 'mock', baseUrl: 'http://127.0.0.1:4000' }, { allowWrites: false }).cases).toHaveLength(layers.length);
  });

  it('filters by --grep and counts the rest', () => {
    const { cases, leftOut } = selectCases(layers, { kind: 'mock', baseUrl: 'http://127.0.0.1:1' }, { allowWrites: false, grep: /revokeSocialAccount/ });
    expect(cases.length).toBeGreaterThan(0);
    expect(cases.every((c) => c.operation.operationId === 'revokeSocialAccount')).toBe(true);
    expect(leftOut[0]?.reason).toMatch(/--grep/);
  });
});

describe('derived cases', () => {
  it('the mock adapter covers every documented status and named example of every operation', () => {
    const ids = documented.map((c) => c.id);
    expect(ids).toContain('layers patchInfluencer documented 422 invalidEnum');
    expect(ids).toContain('layers revokeSocialAccount documented 409 keyReused');
    expect(ids).toContain('layers listInfluencers documented 503 globalDisabled');
  });

  it('break exactly the rules the document states, each named', () => {
    const negative = layers.filter((c) => c.kind === 'negative').map((c) => c.brokenRule);
    for (const rule of ['credentials: missing', 'body: required', 'body.gender: null not allowed', 'path influencerId: pattern', 'query limit: maximum 100']) {
      expect(negative.some((r) => r?.startsWith(rule.split(':')[0] as string) && r.includes(rule.split(': ')[1]?.split(' ')[0] as string)), rule).toBe(true);
    }
  });

  it('accept what the pages say is accepted: both the bearer and the X-Api-Key header', () => {
    const auths = layers.filter((c) => c.kind === 'positive' && c.operation.operationId === 'deleteInfluencer').map((c) => c.request.auth);
    expect(auths).toContainEqual({ kind: 'scheme', scheme: 'bearerAuth' });
    expect(auths).toContainEqual({ kind: 'scheme', scheme: 'apiKeyHeader' });
  });
});
