// The writes guard covers the provider-state endpoint: no setup or teardown off loopback without --allow-writes.
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../../src/core/boundedFetch.js';
import { loadProviderStateProtocol } from '../../../src/core/providerStates/protocol.js';
import { loadRegistry } from '../../../src/core/registry.js';
import { redactor } from '../../../src/conformance/run/redact.js';
import { runScenarios } from '../../../src/conformance/scenarios/runScenarios.js';
import { loadRegisteredApi } from '../../support/contract.js';
import { freePort } from '../../support/freePort.js';

async function context(allowWrites: boolean, grep?: RegExp, stateUrl = 'http://198.51.100.1/states') {
  const registry = loadRegistry();
  return {
    api: await loadRegisteredApi('hoko'),
    target: { kind: 'live' as const, baseUrl: 'http://127.0.0.1:9' },
    credentials: { apiKey: 'k-123456', apiKeyEnv: 'HOKO_API_KEY', extraHeaders: [] },
    protocol: loadProviderStateProtocol(registry),
    stateUrl,
    writesAllowed: true,
    allowWrites,
    limits: DEFAULT_LIMITS,
    redact: redactor([]),
    ...(grep ? { grep } : {}),
  };
}

describe('runScenarios', () => {
  it('skips every scenario, saying why, when the state URL is not on loopback and writes are not allowed', async () => {
    const { results } = await runScenarios(await context(false));
    expect(results.length).toBeGreaterThan(0);
    for (const r of results) {
      expect(r.outcome).toBe('skipped');
      expect(r.skipReason).toBe('provider-state setup and teardown at the non-loopback http://198.51.100.1/states need --allow-writes');
    }
  });

  it('uses a loopback state URL without --allow-writes (here a closed port: one transport failure saying so)', async () => {
    const port = await freePort();
    const { results } = await runScenarios(await context(false, /delete-exact-ids/, `http://127.0.0.1:${port}/states`));
    expect(results).toHaveLength(1);
    expect(results[0]?.failures).toEqual([{ rule: 'transport', message: "provider state 'partners exist' setup: no response: connection refused (ECONNREFUSED)" }]);
  });

  it('says how many scenarios --grep left out', async () => {
    const all = (await runScenarios(await context(false))).results.length;
    expect((await runScenarios(await context(false, /delete-exact-ids/))).notMatchingGrep).toBe(all - 1);
  });
});
