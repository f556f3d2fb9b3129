// The mock's thread reaches no host but loopback: Prism's dereferencer fetched the `$ref` URLs of
// a document's example values (GitHub's SCIM examples name https://api.github.com/…).
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { confineToLoopback } from '../../../../src/conformance/targets/mock/loopbackOnlyNetwork.js';
import { runInlineSpec } from '../../../support/runInlineSpec.js';
import { failedCases } from '../../../support/failedCases.js';

describe('confineToLoopback', () => {
  let server: http.Server;
  let url: string;
  let undo: () => void;
  beforeAll(async () => {
    server = http.createServer((_, res) => res.end('ok'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as { port: number }).port}/`;
    undo = confineToLoopback();
  });
  afterAll(() => {
    undo();
    server.close();
  });

  it('refuses any other host before connecting, by http, https or fetch, naming the URL', async () => {
    expect(() => http.get('http://203.0.113.7/x')).toThrow('refusing to fetch http://203.0.113.7/x: the mock reads nothing outside this machine');
    expect(() => http.request({ hostname: 'api.github.com', path: '/scim' })).toThrow(/refusing to fetch http:\/\/api\.github\.com\/scim/);
    const https = await import('node:https');
    expect(() => https.get('https://127.0.0.1.example.com/')).toThrow(/refusing to fetch https:\/\/127\.0\.0\.1\.example\.com\//);
    await expect(fetch('https://example.com/')).rejects.toThrow(/refusing to fetch https:\/\/example\.com\//);
  });

  it('lets loopback through', async () => {
    expect(await (await fetch(url)).text()).toBe('ok');
  });
});

describe("the mock's worker thread", () => {
  it('never fetches the $ref URL inside an example value (here 0.0.0.0, which reaches this machine but is no loopback name), and still starts', async () => {
    let hits = 0;
    const server = http.createServer((_, res) => {
      hits++;
      res.end('{}');
    });
    await new Promise<void>((resolve) => server.listen(0, '0.0.0.0', resolve));
    const ref = `http://0.0.0.0:${(server.address() as { port: number }).port}/Users/u1`;
    const document = {
      openapi: '3.1.0',
      info: { title: 'scim', version: '1' },
      paths: { '/groups': { get: { responses: { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'object' }, examples: { group: { value: { members: [{ value: 'u1', $ref: ref }] } } } } } } } } } },
    };
    try {
      // The example is left out of Prism's copy: the mock starts, answers the schema, and that example's case is skipped.
      const results = await runInlineSpec('scim', document);
      expect(hits).toBe(0);
      expect(results.find((r) => r.testCase.id === 'scim get /groups documented 200 group')).toMatchObject({ outcome: 'skipped', skipReason: expect.stringMatching(/^example 'group' holds a \$ref to outside the document, which Prism would fetch/) });
      expect(failedCases(results)).toEqual([]);
    } finally {
      server.close();
    }
  }, 120_000);
});
