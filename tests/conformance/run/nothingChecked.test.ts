// A run that checked nothing does not pass: every case left out by the writes guard or --grep, or
// only skips, makes the API "not verified" with the reason in one line, unless --allow-empty.
import { beforeAll, describe, expect, it } from 'vitest';
import type { LoadedApi } from '../../../src/core/loadApi.js';
import type { CaseResult } from '../../../src/conformance/model.js';
import { verdictOf } from '../../../src/conformance/report/verdict.js';
import { runApi, whyNothingChecked } from '../../../src/conformance/run/runApi.js';
import { liveTarget } from '../../../src/conformance/targets/live/liveTarget.js';
import { loadRegisteredApi } from '../../support/contract.js';

let hoko: LoadedApi;
beforeAll(async () => {
  hoko = await loadRegisteredApi('hoko');
});

const credentials = { apiKey: 'k-123456', apiKeyEnv: 'HOKO_API_KEY', extraHeaders: [] };
// TEST-NET-1: never contacted, since every case of this API writes and is left out.
const nonLoopback = { kind: 'live' as const, baseUrl: 'http://192.0.2.1:9' };

describe('a run that sent no request', () => {
  it('is not verified when the writes guard leaves out every case of a non-loopback target, naming the guard', async () => {
    const run = await runApi({ api: hoko, adapter: liveTarget, target: nonLoopback, credentials, allowWrites: false });
    expect(run.results).toEqual([]);
    expect(run.notVerified).toMatch(/^no answer was checked \(\d+ left out: requests that may change data, not sent to the non-loopback http:\/\/192\.0\.2\.1:9 \(pass --allow-writes to send them\)\)$/);
    expect(verdictOf({ apis: [run], startedAt: '', durationMs: 0 })).toEqual({ status: 'NOT VERIFIED', reasons: [expect.stringMatching(/^hoko not verified: no answer was checked .*--allow-empty/)] });
  });

  it('is not verified when --grep matches nothing', async () => {
    const run = await runApi({ api: hoko, adapter: liveTarget, target: nonLoopback, credentials, allowWrites: true, grep: /no case is called this/ });
    expect(run.notVerified).toMatch(/left out: not matching --grep no case is called this/);
  });

  it('is not verified when every case was skipped, naming the skip reason', () => {
    const skipped = { outcome: 'skipped', skipReason: 'needs a stateful target', failures: [], observed: [], durationMs: 0 } as unknown as CaseResult;
    expect(whyNothingChecked([skipped, skipped], [])).toBe('no answer was checked (2 skipped: needs a stateful target)');
  });

  it("says a document has no operations, rather than 'no cases', when it has none (paths: {}, webhooks only)", () => {
    expect(whyNothingChecked([], [], 0)).toBe('no answer was checked (the document has no operations)');
    expect(whyNothingChecked([], [], 2)).toBe('no answer was checked (no cases)');
  });

  it('passes with --allow-empty', async () => {
    const run = await runApi({ api: hoko, adapter: liveTarget, target: nonLoopback, credentials, allowWrites: false });
    expect(verdictOf({ apis: [run], startedAt: '', durationMs: 0, gate: { allowEmpty: true } })).toEqual({ status: 'PASSED', reasons: [] });
  });

  it('is verified as soon as one case was checked, passed or failed', () => {
    const checked = { outcome: 'failed', failures: [], observed: [], durationMs: 0 } as unknown as CaseResult;
    expect(whyNothingChecked([checked], [{ reason: 'not matching --grep x', count: 3 }])).toBeUndefined();
  });
});
