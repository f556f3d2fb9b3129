// Slow clients on a real socket (slowloris): a body that stops arriving, or trickles in for ever,
// and headers that never end. Each is answered within the server's limits (the API's own body
// error for a body, the neutral 408 for headers), the connection is closed, and nothing changes.
// The limits are made small here; the test waits for the answer, never for a time.
import { connect, type Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import type { ListeningSandbox } from '../../../src/sandbox/http/createSandboxServer.js';
import { type Harness, useListeningHarness } from './harness.js';

let h: Harness;
let server: ListeningSandbox;
useListeningHarness(
  (harness, listening) => {
    h = harness;
    server = listening;
  },
  { bodyTimeouts: { idleMs: 300, totalMs: 1500 }, headersTimeoutMs: 1000 },
);

/** Writes `head` (and then, if given, one byte of `trickle` every 50 ms), resolving with all the server wrote once it closes. */
function slowExchange(head: string, trickle?: string): Promise<{ status: number; head: string; body: string }> {
  return new Promise((resolve, reject) => {
    let timer: NodeJS.Timeout | undefined;
    const socket: Socket = connect(server.port, '127.0.0.1', () => {
      socket.write(head);
      if (trickle === undefined) return;
      let i = 0;
      // At most the trickle's length in bytes: the loop is bounded whatever the server does.
      timer = setInterval(() => (i < trickle.length && socket.writable ? socket.write(trickle[i++] as string) : clearInterval(timer)), 50);
    });
    const chunks: Buffer[] = [];
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('close', () => {
      clearInterval(timer);
      const text = Buffer.concat(chunks).toString('utf8');
      const [headText = '', ...rest] = text.split('\r\n\r\n');
      resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(headText)?.[1] ?? 0), head: headText, body: rest.join('\r\n\r\n') });
    });
    socket.on('error', (error: NodeJS.ErrnoException) => (error.code === 'ECONNRESET' || error.code === 'EPIPE' ? undefined : reject(error)));
  });
}

describe('slow clients', () => {
  it('a Hoko body that stops arriving: Hoko 400 in its envelope, the connection closed, nothing deleted', async () => {
    const { ids } = await h.store.hoko.states.createPartners(h.demo.hoko.workspaceId, 1);
    const answer = await slowExchange(
      `DELETE /api/partners HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${h.demo.hoko.apiKey}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n["${ids[0]}`,
    );
    expect(answer.status).toBe(400);
    expect(answer.head).toMatch(/\r\nconnection: close/i);
    expect(JSON.parse(answer.body)).toEqual({ error: { en: 'Invalid request', ar: 'طلب غير صالح' } });
    expect((await h.store.hoko.deletePartners(h.demo.hoko.workspaceId, ids)).kind).toBe('deleted');
  });

  it('a Layers PATCH body that stops arriving: 422 VALIDATION on body saying so, nothing stored', async () => {
    const before = (await h.store.layers.getInfluencer(h.demo.layers.organizationId, h.demo.layers.influencerId))?.name;
    const answer = await slowExchange(
      `PATCH /v1/influencers/inf_${h.demo.layers.influencerId} HTTP/1.1\r\nHost: x\r\nX-Api-Key: ${h.demo.layers.apiKey}\r\nContent-Type: application/json\r\nContent-Length: 40\r\n\r\n{"name":"Sl`,
    );
    expect(answer.status).toBe(422);
    const body = JSON.parse(answer.body) as { error: { code: string; details: { fieldErrors: Record<string, string[]> } } };
    expect(body.error.code).toBe('VALIDATION');
    expect(body.error.details.fieldErrors.body).toEqual(['The body stopped arriving: no byte for 0.3 s']);
    expect((await h.store.layers.getInfluencer(h.demo.layers.organizationId, h.demo.layers.influencerId))?.name).toBe(before);
  });

  it('a body trickled a byte at a time (slowloris): answered when its whole-body limit runs out, the connection closed', async () => {
    const trickle = JSON.stringify({ deleteAllScheduled: true, pad: 'x'.repeat(200) });
    const answer = await slowExchange(
      `DELETE /api/post HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${h.demo.ayrshare.apiKey}\r\nContent-Type: application/json\r\nContent-Length: ${trickle.length}\r\n\r\n`,
      trickle,
    );
    expect(answer.status).toBe(400);
    expect(answer.head).toMatch(/\r\nconnection: close/i);
    expect(JSON.parse(answer.body)).toMatchObject({ action: 'delete', status: 'error', code: 101 });
  });

  it('headers that never end: the neutral 408, and the server goes on', async () => {
    const answer = await slowExchange(`GET /v1/influencers HTTP/1.1\r\nHost: x\r\nX-Api-Key: ${h.demo.layers.apiKey}\r\nX-Slow: `);
    expect(answer.status).toBe(408);
    expect(JSON.parse(answer.body)).toEqual({ error: 'request_timeout', message: 'The request did not arrive in time' });
    expect((await fetch(`${server.baseUrl}/v1/influencers`, { headers: { 'X-Api-Key': h.demo.layers.apiKey } })).status).toBe(200);
  });
});
