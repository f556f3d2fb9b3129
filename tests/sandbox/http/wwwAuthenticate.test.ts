// Every 401 of the sandbox carries a WWW-Authenticate challenge for the operation's http scheme
// (RFC 9110 §11.6.1: a server generating a 401 MUST send one), whatever the API's envelope.
import { describe, expect, it } from 'vitest';
import { useHarness, type Harness } from './harness.js';

let h: Harness;
useHarness((_db, harness) => (h = harness));

describe('the sandbox answering 401', () => {
  it.each([
    ['GET', '/v1/influencers'],
    ['DELETE', '/api/post'],
    ['DELETE', '/api/partners'],
  ])('%s %s without credentials challenges with Bearer', async (method, path) => {
    const result = await h.send(method, path, { headers: { 'Content-Type': 'application/json' }, body: {} });
    expect(result.status).toBe(401);
    expect(result.headers?.['WWW-Authenticate']).toMatch(/^Bearer realm="[^"]+"$/);
  });
});
