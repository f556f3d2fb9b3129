import { beforeAll, describe, expect, it } from 'vitest';
import { deriveCases } from '../../src/conformance/cases/deriveCases.js';
import type { TestCase } from '../../src/conformance/model.js';
import { isLoopbackUrl } from '../../src/conformance/run/isLoopback.js';
import { selectCases } from '../../src/conformance/run/selectCases.js';
import { openContract } from '../support/contract.js';

let layers: TestCase[];
beforeAll(async () => {
  const { doc, validator } = await openContract('layers');
  layers = deriveCases('layers', doc, validator);
});

describe('isLoopbackUrl', () => {
  it.each(['http://localhost:3000', 'http://127.0.0.1:1', 'http://127.9.9.9', 'http://[::1]:8080', 'http://api.localhost'])('%s is loopback', (url) => expect(isLoopbackUrl(url)).toBe(true));
  it.each(['http://10.0.0.1', 'http://192.168.1.2', 'https://api.layers.com', 'http://128.0.0.1', 'http://localhost.example.com'])('%s is not', (url) => expect(isLoopbackUrl(url)).toBe(false));
});

describe('the writes guard', () => {
  it('sends only requests that cannot change data to a non-loopback target without --allow-writes, and says what it left out', () => {
    const { cases, leftOut, writesAllowed } = selectCases(layers, { kind: 'live', baseUrl: 'https://api.layers.example' }, { allowWrites: false });
    expect(writesAllowed).toBe(false);
    expect(cases.length).toBeGreaterThan(0);
    expect(cases.every((c) => c.method === 'GET')).toBe(true);
    const writes = layers.filter((c) => c.only !== 'mock' && c.writes).length;
    expect(leftOut).toEqual([{ reason: expect.stringContaining('--allow-writes'), count: writes }]);
  });

  it('sends everything with --allow-writes, and to loopback targets and mocks without it', () => {
    const live = layers.filter((c) => c.only !== 'mock').length;
    expect(selectCases(layers, { kind: 'live', baseUrl: 'https://api.layers.example' }, { allowWrites: true }).cases).toHaveLength(live);
    expect(selectCases(layers, { kind: 'live', baseUrl: 'http://127.0.0.1:4000' }, { allowWrites: false }).cases).toHaveLength(live);
    expect(selectCases(layers, { kind: 'mock', baseUrl: 'http://127.0.0.1:4000' }, { allowWrites: false }).cases).toHaveLength(layers.filter((c) => c.only !== 'live').length);
  });

  it('filters by --grep and counts the rest', () => {
    const { cases, leftOut } = selectCases(layers, { kind: 'mock', baseUrl: 'http://127.0.0.1:1' }, { allowWrites: false, grep: /revokeSocialAccount/ });
    expect(cases.length).toBeGreaterThan(0);
    expect(cases.every((c) => c.operationId === 'revokeSocialAccount')).toBe(true);
    expect(leftOut[0]?.reason).toMatch(/--grep/);
  });
});

describe('derived cases', () => {
  it('cover every documented status and named example of every operation against the mock', () => {
    const documented = layers.filter((c) => c.kind === 'documented-response').map((c) => c.id);
    expect(documented).toContain('layers patchInfluencer documented 422 invalidEnum');
    expect(documented).toContain('layers revokeSocialAccount documented 409 keyReused');
    expect(documented).toContain('layers listInfluencers documented 503 globalDisabled');
  });

  it('break exactly the rules the document states, each named', () => {
    const negative = layers.filter((c) => c.kind === 'negative').map((c) => c.brokenRule);
    for (const rule of ['credentials: missing', 'body: required', 'body.gender: null not allowed', 'path influencerId: pattern', 'query limit: maximum 100']) {
      expect(negative.some((r) => r?.startsWith(rule.split(':')[0] as string) && r.includes(rule.split(': ')[1]?.split(' ')[0] as string)), rule).toBe(true);
    }
  });

  it('accept what the pages say is accepted: both the bearer and the X-Api-Key header', () => {
    const auths = layers.filter((c) => c.kind === 'positive' && c.operationId === 'deleteInfluencer').map((c) => c.request.auth);
    expect(auths).toContainEqual({ kind: 'scheme', scheme: 'bearerAuth' });
    expect(auths).toContainEqual({ kind: 'scheme', scheme: 'apiKeyHeader' });
  });
});
