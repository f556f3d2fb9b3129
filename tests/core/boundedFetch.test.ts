// The suite's one transport: no redirect followed, a time limit, a body limit, failures in words.
import { createServer, type Server } from 'node:http';
import { createServer as createNetServer, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { boundedFetch, describeNetworkError, toResponse, TransportError } from '../../src/core/boundedFetch.js';
import { freePort } from '../support/freePort.js';

const LIMITS = { timeoutMs: 300, maxBodyBytes: 1024 * 1024 };
const open: { close(): void }[] = [];
afterEach(() => {
  for (const s of open.splice(0)) s.close();
});

async function serve(handler: Parameters<typeof createServer>[1]): Promise<{ url: string; hits: () => number }> {
  let hits = 0;
  const server: Server = createServer((req, res) => {
    hits += 1;
    handler?.(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  open.push({
    close: () => {
      server.closeAllConnections();
      server.close();
    },
  });
  return { url: `http://127.0.0.1:${(server.address() as { port: number }).port}`, hits: () => hits };
}

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected a TransportError');
    },
    (error: unknown) => {
      expect(error).toBeInstanceOf(TransportError);
      return (error as Error).message;
    },
  );

describe('boundedFetch', () => {
  it('answers a 3xx as it is and sends nothing to the Location', async () => {
    const elsewhere = await serve((_, res) => res.end('followed'));
    const target = await serve((_, res) => res.writeHead(302, { Location: `${elsewhere.url}/x` }).end());
    const answer = await boundedFetch(target.url, { method: 'POST', body: '{}' }, LIMITS);
    expect(answer.status).toBe(302);
    expect(answer.headers.location).toBe(`${elsewhere.url}/x`);
    expect(elsewhere.hits()).toBe(0);
  });

  it('stops a server that never answers at the time limit, saying so', async () => {
    const sockets: Socket[] = [];
    const silent = createNetServer((s) => sockets.push(s));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    open.push({
      close: () => {
        for (const s of sockets) s.destroy();
        silent.close();
      },
    });
    const message = await failure(boundedFetch(`http://127.0.0.1:${(silent.address() as { port: number }).port}/`, { method: 'GET' }, LIMITS));
    expect(message).toBe('no complete answer within 0.3 s (--timeout)');
  });

  it('stops reading a streamed body past the limit, naming it', async () => {
    const endless = await serve((_, res) => {
      res.writeHead(200);
      const chunk = Buffer.alloc(64 * 1024, 0x61);
      const pump = () => {
        while (!res.destroyed && res.write(chunk));
        if (!res.destroyed) res.once('drain', pump);
      };
      pump();
    });
    expect(await failure(boundedFetch(endless.url, { method: 'GET' }, { timeoutMs: 10_000, maxBodyBytes: 256 * 1024 }))).toBe('the response body is larger than the 0.25 MiB limit (--max-body)');
  });

  it('refuses a declared Content-Length past the limit before reading', async () => {
    const big = await serve((_, res) => {
      res.writeHead(200, { 'Content-Length': String(2 * 1024 * 1024) });
      res.write('x');
    });
    expect(await failure(boundedFetch(big.url, { method: 'GET' }, { timeoutMs: 10_000, maxBodyBytes: 1024 * 1024 }))).toBe('the response body is larger than the 1 MiB limit (--max-body)');
  });

  it('reads a body that is not UTF-8 with U+FFFD and says so, and keeps a byte order mark', async () => {
    const latin1 = await serve((_, res) => res.end(Buffer.from('{"name":"Café"}', 'latin1')));
    expect(await boundedFetch(latin1.url, { method: 'GET' }, LIMITS)).toMatchObject({ bodyText: '{"name":"Caf\ufffd"}', invalidUtf8: true });
    const bom = await serve((_, res) => res.end(Buffer.from('\ufeff{"name":"Café"}', 'utf8')));
    const answer = await boundedFetch(bom.url, { method: 'GET' }, LIMITS);
    expect(answer.bodyText).toBe('\ufeff{"name":"Café"}');
    expect(answer.invalidUtf8).toBeUndefined();
  });

  it('reads a body within the limit', async () => {
    const ok = await serve((_, res) => res.writeHead(200, { 'Content-Type': 'application/json', 'X-A': '1' }).end('{"a":1}'));
    expect(await boundedFetch(ok.url, { method: 'GET' }, LIMITS)).toEqual({ status: 200, headers: expect.objectContaining({ 'content-type': 'application/json', 'x-a': '1' }), bodyText: '{"a":1}' });
  });

  it('says what a failure without a cause most likely was: a 407 answer, which fetch never delivers', async () => {
    const proxyish = await serve((_, res) => res.writeHead(407, { 'Content-Type': 'application/json' }).end('{}'));
    expect(await failure(boundedFetch(proxyish.url, { method: 'GET' }, LIMITS))).toMatch(/without a cause: the Fetch API does so for a 407 \(Proxy Authentication Required\) answer/);
  });

  it('says a status line below 100 (HTTP/1.1 099) is not valid HTTP, not the HTTP client\'s own assertion', async () => {
    const odd = createNetServer((s) => {
      s.on('error', () => undefined);
      s.once('data', () => s.end('HTTP/1.1 099 Low\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}'));
    });
    await new Promise<void>((resolve) => odd.listen(0, '127.0.0.1', resolve));
    open.push({ close: () => odd.close() });
    const message = await failure(boundedFetch(`http://127.0.0.1:${(odd.address() as { port: number }).port}/`, { method: 'GET' }, LIMITS));
    expect(message).toMatch(/^the answer is not valid HTTP: /);
    expect(message).not.toMatch(/false == true/);
  });

  it('says "connection refused" for a closed port', async () => {
    expect(await failure(boundedFetch(`http://127.0.0.1:${await freePort()}/`, { method: 'GET' }, LIMITS))).toBe('connection refused (ECONNREFUSED)');
  });
});

describe('describeNetworkError', () => {
  const fetchFailed = (code: string, message = 'detail') => Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error(message), { code }) });
  it.each([
    ['ECONNRESET', 'connection reset by the server (ECONNRESET)'],
    ['ENOTFOUND', 'DNS: host not found (ENOTFOUND)'],
    ['UND_ERR_SOCKET', 'the server closed the connection before the response was complete (UND_ERR_SOCKET)'],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', 'TLS: detail (DEPTH_ZERO_SELF_SIGNED_CERT)'],
    ['ERR_TLS_CERT_ALTNAME_INVALID', 'TLS: detail (ERR_TLS_CERT_ALTNAME_INVALID)'],
    ['HPE_INVALID_CONSTANT', 'the answer is not valid HTTP: detail (HPE_INVALID_CONSTANT)'],
    ['E_SOMETHING_NEW', 'detail (E_SOMETHING_NEW)'],
  ])('%s → %s', (code, words) => {
    expect(describeNetworkError(fetchFailed(code))).toBe(words);
  });

  it('never says only "fetch failed" when there is a cause', () => {
    expect(describeNetworkError(Object.assign(new TypeError('fetch failed'), { cause: new Error('other side closed') }))).toBe('other side closed');
  });
});

describe('toResponse', () => {
  it('builds a Response the generated clients can read, a 204 with no body', async () => {
    const ok = toResponse({ status: 200, headers: { 'content-type': 'application/json' }, bodyText: '{"a":1}' }, 'http://127.0.0.1/x');
    expect(await ok.json()).toEqual({ a: 1 });
    expect(ok.url).toBe('http://127.0.0.1/x');
    expect(toResponse({ status: 204, headers: {}, bodyText: '' }, 'http://127.0.0.1/x').body).toBeNull();
  });
});
