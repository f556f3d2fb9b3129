// What runApi counts and times: --grep's "left out" includes the scenarios; the run has a wall time.
import { describe, expect, it } from 'vitest';
import { deriveCases } from '../../../src/conformance/cases/deriveCases.js';
import { runApi } from '../../../src/conformance/run/runApi.js';
import { liveTarget } from '../../../src/conformance/targets/live/liveTarget.js';
import { loadRegisteredApi } from '../../support/contract.js';

describe('runApi', () => {
  it("counts scenarios that do not match --grep with the cases it left out, under one reason", async () => {
    const api = await loadRegisteredApi('hoko');
    const grep = /matches-nothing/;
    const run = await runApi({
      api,
      adapter: liveTarget,
      target: { kind: 'live', baseUrl: 'http://127.0.0.1:9' },
      credentials: { apiKey: 'k-123456', apiKeyEnv: 'HOKO_API_KEY', extraHeaders: [] },
      allowWrites: false,
      grep,
      scenarios: async () => ({ results: [], notMatchingGrep: 3 }),
    });
    expect(run.results).toEqual([]);
    expect(run.leftOut).toEqual([{ reason: 'not matching --grep matches-nothing', count: deriveCases(api).length + 3 }]);
    expect(run.durationMs).toBeGreaterThanOrEqual(0);
  });
});
