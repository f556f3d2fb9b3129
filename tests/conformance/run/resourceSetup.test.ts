// A server that looks the resource up before it validates the body answers a negative body case
// on an unknown id with 404. With --state-url, the suite sets up the path's resource first (the
// API's `creates:` in provider-states.yaml), so such a server passes; without it, it fails.
import { describe, expect, it } from 'vitest';
import { runSuite } from '../../../src/conformance/run/runSuite.js';
import { startSandboxProxy, type Breakage } from '../../fixtures/conformance/sandboxProxy.js';
import { registry } from '../../support/sandboxDatabase.js';
import { useStatefulSandbox } from '../../support/statefulSandbox.js';

/** PATCH and DELETE of an influencer look it up first (a GET with the same key): unknown is 404, whatever the body. */
function looksUpFirst(upstream: () => string): Breakage {
  return {
    async intercept({ method, path, headers }) {
      const m = /^\/v1\/influencers\/([^/?]+)$/.exec(path);
      if (!m || (method !== 'PATCH' && method !== 'DELETE')) return undefined;
      const found = await fetch(`${upstream()}${path}`, { headers: { authorization: headers.authorization ?? '', 'x-api-key': headers['x-api-key'] ?? '' } });
      if (found.status !== 404) return undefined;
      return { status: 404, headers: { 'content-type': 'application/json' }, text: await found.text() };
    },
  };
}

describe('negative body cases on a resource path', () => {
  const sandbox = useStatefulSandbox();

  const run = async (withStates: boolean) => {
    const proxy = await startSandboxProxy(sandbox.baseUrl, looksUpFirst(() => sandbox.baseUrl));
    try {
      const report = await runSuite({
        registry,
        apis: ['layers'],
        targets: { layers: proxy.baseUrl },
        env: { [registry.get('layers').credentials.apiKey.env]: sandbox.demo.layers.apiKey },
        allowWrites: false,
        grep: /(patchInfluencer|deleteInfluencer) negative body/,
        ...(withStates ? { stateUrl: `${proxy.baseUrl}/__states` } : {}),
      });
      return report.apis[0]!.results;
    } finally {
      await proxy.close();
    }
  };

  it('sets up the resource first with --state-url, so the body is what the server judges', async () => {
    const results = await run(true);
    expect(results.length).toBeGreaterThan(5);
    expect(results.filter((r) => r.outcome !== 'passed').map((r) => `${r.testCase.id}: ${r.failures.map((f) => f.message).join('; ')}`)).toEqual([]);
  });

  it('without provider states the same server is failed with the 404 it gives (the check can fail)', async () => {
    const results = await run(false);
    const failed = results.filter((r) => r.outcome === 'failed');
    expect(failed.length).toBeGreaterThan(5);
    expect(failed.every((r) => r.failures.some((f) => f.rule === 'status-expected' && f.actual === '404'))).toBe(true);
  });
});
