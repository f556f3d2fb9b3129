// POST /__states from a web page open in a browser on the same machine: a page may send a "simple"
// cross-origin POST (Content-Type text/plain, no preflight) to the loopback sandbox, or reach it
// through a name it rebinds to 127.0.0.1 (DNS rebinding: Host is then the page's name). Either
// would let any site flip kill switches, arm faults or make keys in the developer's sandbox; each
// is refused and sets up nothing. The suite's own requests (JSON, a loopback Host, no Origin) pass.
import { request as httpRequest } from 'node:http';
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
  { providerStates: true },
);

const setup = JSON.stringify({ action: 'setup', api: 'hoko', state: 'partners exist', params: { count: 1 } });

/** A POST of `body` to /__states with exactly `headers` (Host included, when given). */
function postStates(body: string, headers: Record<string, string>, path = '/__states'): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port: server.port, path, method: 'POST', headers: { 'Content-Length': Buffer.byteLength(body), ...headers }, setHost: !('Host' in headers) }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const partners = async () => Number((await h.db.query<{ n: number }>('SELECT count(*)::int AS n FROM hoko_partners')).rows[0]?.n);

describe('provider states refuse what a web page could send', () => {
  it.each([
    ['text/plain;charset=UTF-8'],
    ['application/x-www-form-urlencoded'],
    ['multipart/form-data; boundary=x'],
  ])('a body declared %s (a simple request, sent without a preflight): 400, nothing set up', async (contentType) => {
    const before = await partners();
    const r = await postStates(setup, { 'Content-Type': contentType });
    expect(r.status).toBe(400);
    expect(JSON.parse(r.body).error).toMatch(/application\/json/);
    expect(await partners()).toBe(before);
  });

  it('a body with no Content-Type: 400, nothing set up', async () => {
    const before = await partners();
    expect((await postStates(setup, {})).status).toBe(400);
    expect(await partners()).toBe(before);
  });

  it('a Host that is no loopback name (a rebound DNS name): not served, nothing set up', async () => {
    const before = await partners();
    const r = await postStates(setup, { 'Content-Type': 'application/json', Host: `rebound.example:${server.port}` });
    expect(r.status).toBe(404);
    expect(await partners()).toBe(before);
  });

  it('an absolute-form target naming another host, whose authority replaces Host (RFC 9112 §3.2.2): not served, nothing set up', async () => {
    const before = await partners();
    const r = await postStates(setup, { 'Content-Type': 'application/json' }, 'http://rebound.example/__states');
    expect(r.status).toBe(404);
    expect(await partners()).toBe(before);
    expect((await postStates(setup, { 'Content-Type': 'application/json' }, `http://127.0.0.1:${server.port}/__states`)).status).toBe(200);
  });

  it('an Origin that is no loopback origin: not served, nothing set up', async () => {
    const before = await partners();
    const r = await postStates(setup, { 'Content-Type': 'application/json', Origin: 'https://attacker.example' });
    expect(r.status).toBe(404);
    expect(await partners()).toBe(before);
  });

  it('the suite\'s request (JSON, a loopback Host, no Origin) and a page of this machine (a loopback Origin) are served', async () => {
    const before = await partners();
    expect((await postStates(setup, { 'Content-Type': 'application/json' })).status).toBe(200);
    expect((await postStates(setup, { 'Content-Type': 'application/json', Host: `localhost:${server.port}` })).status).toBe(200);
    expect((await postStates(setup, { 'Content-Type': 'application/json', Host: `[::1]:${server.port}`, Origin: 'http://127.0.0.1:3000' })).status).toBe(200);
    expect(await partners()).toBe(before + 3);
  });
});
