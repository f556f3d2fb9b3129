// What runApi counts and times: --grep's "left out" includes the scenarios; the run has a wall time.
import { createServer } from 'node:http';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { deriveCases } from '../../../src/conformance/cases/deriveCases.js';
import { runApi } from '../../../src/conformance/run/runApi.js';
import { liveTarget } from '../../../src/conformance/targets/live/liveTarget.js';
import { mockTarget } from '../../../src/conformance/targets/mock/mockTarget.js';
import { foreignApi, ok } from '../cases/foreignDocument.js';
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

describe('runApi against a mock of a foreign document that gives no answer in time', () => {
  it("skips the case as the mock's doing instead of failing it; a live target's silence still fails", async () => {
    const api = await foreignApi({ paths: { '/slow': { get: { operationId: 'getSlow', responses: ok } } } });
    const silent = createServer(() => {}); // accepts, never answers
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const baseUrl = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
      const run = (adapter: typeof mockTarget, kind: 'mock' | 'live') =>
        runApi({ api, adapter, target: { kind, baseUrl }, credentials: { apiKey: 'k', apiKeyEnv: 'K', extraHeaders: [] }, allowWrites: true, limits: { timeoutMs: 300, maxBodyBytes: 1024 } });
      const onMock = await run(mockTarget, 'mock');
      expect(onMock.results.map((r) => r.outcome)).toEqual(['skipped', 'skipped']);
      expect(onMock.results[0]?.skipReason).toMatch(/^Prism gave no complete answer in time \(no complete answer within 0\.3 s \(--timeout\)\).*Prism's doing, not the document's/);
      const onLive = await run(liveTarget, 'live');
      expect(onLive.results.every((r) => r.outcome === 'failed' && r.failures[0]?.rule === 'transport')).toBe(true);
    } finally {
      silent.closeAllConnections();
      await new Promise((resolve) => silent.close(resolve));
    }
  });
});

describe('runApi against a mock of a foreign document that answers with invalid HTTP', () => {
  it("skips the case as Prism's defect (Content-Length beside Transfer-Encoding); a live target's still fails", async () => {
    const api = await foreignApi({ paths: { '/speech': { get: { operationId: 'speech', responses: { '200': { description: 'audio', content: { 'audio/mpeg': { schema: { type: 'string', format: 'binary' } } } } } } } } });
    const broken = createNetServer((socket) => socket.on('data', () => socket.end('HTTP/1.1 200 OK\r\nContent-Type: audio/mpeg\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nok\r\n0\r\n\r\n')));
    await new Promise<void>((resolve) => broken.listen(0, '127.0.0.1', resolve));
    try {
      const baseUrl = `http://127.0.0.1:${(broken.address() as AddressInfo).port}`;
      const run = (adapter: typeof mockTarget, kind: 'mock' | 'live') =>
        runApi({ api, adapter, target: { kind, baseUrl }, credentials: { apiKey: 'k', apiKeyEnv: 'K', extraHeaders: [] }, allowWrites: true });
      const onMock = await run(mockTarget, 'mock');
      expect(onMock.results.length).toBeGreaterThan(0);
      for (const result of onMock.results) {
        expect(result.outcome).toBe('skipped');
        expect(result.skipReason).toMatch(/^Prism sent an answer that is not valid HTTP \(.*\(HPE_UNEXPECTED_CONTENT_LENGTH\)\): a defect of Prism, not of the document$/);
      }
      const onLive = await run(liveTarget, 'live');
      expect(onLive.results.every((r) => r.outcome === 'failed' && r.failures[0]?.rule === 'transport')).toBe(true);
    } finally {
      await new Promise((resolve) => broken.close(resolve));
    }
  });
});
