// A documented 1xx or 407 cannot be received as an answer (a 1xx is interim; fetch turns a 407
// into a network error): its documented-response case is skipped, saying why, and on the mock a
// request that gets no complete answer from an operation documenting one is Prism's doing. Before,
// each failed as "no response".
import { beforeAll, describe, expect, it } from 'vitest';
import type { CaseResult } from '../../../src/conformance/model.js';
import { unreceivableStatus } from '../../../src/conformance/cases/unreceivableStatus.js';
import { runInlineSpec } from '../../support/runInlineSpec.js';

const only = (status: string) => ({ get: { operationId: `only${status}`, responses: { [status]: { description: status } } } });

describe('statuses no client can receive', () => {
  it('are the 1xx and 407, and nothing else', () => {
    for (const status of ['100', '103', '1XX', '407']) expect(unreceivableStatus(status), status).toBeDefined();
    for (const status of ['200', '204', '401', '408', '4XX', 'default']) expect(unreceivableStatus(status), status).toBeUndefined();
  });

  let results: CaseResult[];
  beforeAll(async () => {
    results = await runInlineSpec('interim', { openapi: '3.1.0', info: { title: 'interim', version: '1' }, paths: { '/continue': only('100'), '/proxy': only('407'), '/ok': { get: { operationId: 'ok', responses: { '200': { description: 'ok' }, '407': { description: 'proxy' } } } } } });
  }, 120_000);

  it('skips their documented-response cases, and fails nothing on the mock', () => {
    const documented = (id: string) => results.find((r) => r.testCase.id === id);
    expect(documented('interim only100 documented 100')).toMatchObject({ outcome: 'skipped', skipReason: expect.stringMatching(/^100 is an interim status/) });
    expect(documented('interim only407 documented 407')).toMatchObject({ outcome: 'skipped', skipReason: expect.stringMatching(/^407 \(Proxy Authentication Required\)/) });
    expect(documented('interim ok documented 200')?.outcome).toBe('passed');
    // Prism would answer the interim status and the request would wait for a final answer that never comes: not sent.
    expect(documented('interim only100 valid')).toMatchObject({ outcome: 'skipped', skipReason: expect.stringMatching(/^only100 documents only statuses no client can receive/) });
    expect(results.filter((r) => r.outcome === 'failed').map((r) => `${r.testCase.id}: ${r.failures[0]?.message}`)).toEqual([]);
  });
});
