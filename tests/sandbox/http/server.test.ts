// The sandbox on a real socket, over the real store (PGlite): body sizes (a 10,000-uuid Hoko body
// passes; past the limit is the API's own 400), headers, clean close. The WHOLE conformance suite
// against a listening sandbox runs in realStore.test.ts, on PGlite and on PostgreSQL.
import { randomUUID } from 'node:crypto';
import { connect } from 'node:net';
import { describe, expect, it, vi } from 'vitest';
import type { ListeningSandbox } from '../../../src/sandbox/http/createSandboxServer.js';
import { type Harness, useListeningHarness } from './harness.js';

let h: Harness;
let server: ListeningSandbox;
useListeningHarness((harness, listening) => {
  h = harness;
  server = listening;
}, { providerStates: true });

const hoko = (body: string) =>
  fetch(`${server.baseUrl}/api/partners`, { method: 'DELETE', headers: { Authorization: `Bearer ${h.demo.hoko.apiKey}`, 'Content-Type': 'application/json' }, body });

describe('on a socket', () => {
  it('accepts a 10,000-id Hoko body (about 390 KB)', async () => {
    const { ids } = await h.store.hoko.states.createPartners(h.demo.hoko.workspaceId, 10_000);
    const body = JSON.stringify(ids);
    expect(body.length).toBeGreaterThan(350_000);
    const r = await hoko(body);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(((await r.json()) as { deletedIds: string[] }).deletedIds).toHaveLength(10_000);
  });

  it('answers a body over 2 MB with the API envelope (Hoko: 400), not a reset connection', async () => {
    const big = JSON.stringify(Array.from({ length: 60_000 }, () => randomUUID()));
    expect(big.length).toBeGreaterThan(2 * 1024 * 1024);
    const r = await hoko(big);
    expect(r.status).toBe(400);
    expect(await r.json()).toEqual({ error: { en: 'Invalid request', ar: 'طلب غير صالح' } });
  });

  it('answers a 20 MB body (past the 16 MB it drains) with the API envelope, not a reset connection', async () => {
    const r = await hoko(JSON.stringify(['x'.repeat(20 * 1024 * 1024)]));
    expect(r.status).toBe(400);
    expect(await r.json()).toEqual({ error: { en: 'Invalid request', ar: 'طلب غير صالح' } });
  });

  it('answers a chunked body that goes on past 16 MB with the API envelope while it is still being sent', async () => {
    let sent = 0;
    const chunk = new TextEncoder().encode(`"${'a'.repeat(1024 * 1024 - 3)}",`);
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('['));
      },
      pull(controller) {
        // Endless unless the server answers: the answer must come while this still sends.
        sent += chunk.length;
        if (sent > 64 * 1024 * 1024) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const r = await fetch(`${server.baseUrl}/api/partners`, {
      method: 'DELETE',
      headers: { Authorization: `Bearer ${h.demo.hoko.apiKey}`, 'Content-Type': 'application/json' },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(r.status).toBe(400);
    expect(await r.json()).toEqual({ error: { en: 'Invalid request', ar: 'طلب غير صالح' } });
  });

  it('answers a body over 2 MB to Layers with 422 VALIDATION under body', async () => {
    const r = await fetch(`${server.baseUrl}/v1/influencers/${h.demo.layers.influencerId}`, {
      method: 'PATCH',
      headers: { 'X-Api-Key': h.demo.layers.apiKey, 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'x'.repeat(3 * 1024 * 1024) }),
    });
    expect(r.status).toBe(422);
    expect(((await r.json()) as { error: { details: { fieldErrors: Record<string, unknown> } } }).error.details.fieldErrors).toHaveProperty('body');
  });
});

/** Sends `text` on a raw socket and resolves with everything the server wrote back before closing. */
function rawExchange(text: string, { end = true } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(server.port, '127.0.0.1', () => (end ? socket.end(text) : socket.write(text)));
    let answer = '';
    socket.on('data', (c: Buffer) => (answer += c.toString()));
    socket.on('close', () => resolve(answer));
    socket.on('error', reject);
  });
}

describe('hostile clients on a socket', () => {
  it('an absolute request target that is no URL: the neutral 400, no internal message', async () => {
    const answer = await rawExchange('GET http://[ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    expect(answer).toContain('"error":"bad_request"');
    expect(answer).not.toMatch(/Invalid URL/);
  });

  it('a client that goes away before its body ends: one line in the log, no stack trace', async () => {
    const before = h.logs.length;
    await new Promise<void>((resolve, reject) => {
      const socket = connect(server.port, '127.0.0.1', () => {
        socket.write(`DELETE /api/partners HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${h.demo.hoko.apiKey}\r\nContent-Length: 1000\r\n\r\n["`);
        setTimeout(() => socket.destroy(), 50);
      });
      socket.on('close', () => resolve());
      socket.on('error', reject);
    });
    // The server learns of the close on its own schedule: wait for the line, not for a time.
    await vi.waitFor(() => expect(h.logs.length).toBeGreaterThan(before), { timeout: 15_000, interval: 20 });
    const lines = h.logs.slice(before);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^DELETE "\/api\/partners": the client closed the connection before the body ended( \(\w+\))?$/);
  });
});
