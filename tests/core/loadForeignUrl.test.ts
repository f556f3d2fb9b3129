// A --spec document (or a $ref) read from a loopback URL is read within limits: an endless body
// ends the load in one line, and a redirect is never followed (it could lead off loopback).
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadForeignApi } from '../../src/core/loadApi.js';
import { adHocEntry } from '../../src/core/registry.js';

describe('a document from a loopback URL', () => {
  let server: Server;
  let baseUrl = '';
  let redirectedTo = 0;
  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/endless.json') {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.write('{"openapi":"3.1.0","x":"');
        const chunk = 'x'.repeat(1024 * 1024);
        const pump = () => {
          while (!res.destroyed && res.write(chunk));
          if (!res.destroyed) res.once('drain', pump);
        };
        return void pump();
      }
      if (req.url === '/moved.json') return void res.writeHead(302, { Location: '/elsewhere.json' }).end();
      if (req.url === '/elsewhere.json') {
        redirectedTo += 1;
        return void res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ openapi: '3.1.0', info: { title: 't', version: '1' }, paths: {} }));
      }
      res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('an endless body ends the load, saying the document is too large', async () => {
    const url = `${baseUrl}/endless.json`;
    await expect(loadForeignApi(adHocEntry('e', url), url)).rejects.toThrow(/larger than the 256 MiB limit/);
  }, 60_000);

  it('a redirect is not followed: the load fails naming the status', async () => {
    const url = `${baseUrl}/moved.json`;
    await expect(loadForeignApi(adHocEntry('m', url), url)).rejects.toThrow(/answered 302/);
    expect(redirectedTo).toBe(0);
  });
});
