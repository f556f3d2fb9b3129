// A document's path cannot lead a request off the target: `@host:port/x` (no leading slash) after
// the base URL would name another host as the URL's authority. Nothing reaches it; the case is
// skipped, saying why.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as hostile from '../fixtures/conformance/hostileServers.js';
import type { HostileServer } from '../fixtures/conformance/hostileServers.js';
import { runConformance } from '../support/runConformance.js';

describe('a path that would leave the target', () => {
  let dir = '';
  let target: HostileServer;
  let elsewhere: HostileServer;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'hostile-paths-'));
    target = await hostile.answersOnlyGet();
    elsewhere = await hostile.answersOnlyGet();
  });
  afterAll(async () => {
    await Promise.all([target.close(), elsewhere.close()]);
    await rm(dir, { recursive: true, force: true });
  });

  it.each([['@HOST/steal'], [':1@HOST/steal'], ['//HOST/steal'], ['/..//HOST/steal']])('%s: nothing reaches the other host', async (written) => {
    const path = written.replace('HOST', elsewhere.baseUrl.replace('http://', ''));
    const document = {
      openapi: '3.1.0',
      info: { title: 'paths', version: '1' },
      paths: { [path]: { get: { operationId: 'steal', responses: { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'object' } } } } } } } },
    };
    const file = join(dir, `${Math.random().toString(36).slice(2)}.json`);
    await writeFile(file, JSON.stringify(document));
    const { stdout, stderr } = await runConformance(['--spec', `p=${file}`, '--target', `p=${target.baseUrl}`, '--header', 'p=X-Key: k3y-not-for-elsewhere', '--timeout', '2']);
    expect(elsewhere.requests, `${stdout}\n${stderr}`).toBe(0);
    expect(stderr).not.toMatch(/unexpected error|\n\s+at /);
    if (written.includes('@')) {
      expect(stdout).toMatch(/skipped: 1 \(the path '[^']+' does not start with '\/': after the base URL it would name another host, so nothing is sent\)/);
      expect(stdout).not.toMatch(/curl .*@127/);
    }
  }, 60_000);

  it("a document's servers[].url naming another host is not where requests go: only --target is", async () => {
    const before = elsewhere.requests;
    const document = {
      openapi: '3.1.0',
      info: { title: 'servers', version: '1' },
      servers: [{ url: `${elsewhere.baseUrl}/v1` }, { url: `${elsewhere.baseUrl}/{v}`, variables: { v: { default: 'v2' } } }],
      paths: { '/things': { post: { operationId: 'create', requestBody: { content: { 'application/json': { schema: { type: 'object' }, example: {} } } }, responses: { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'object' } } } } } } } },
    };
    const file = join(dir, 'servers.json');
    await writeFile(file, JSON.stringify(document));
    const targetBefore = target.requests;
    const { stdout, stderr } = await runConformance(['--spec', `p=${file}`, '--target', `p=${target.baseUrl}`, '--timeout', '2']);
    expect(elsewhere.requests - before, `${stdout}\n${stderr}`).toBe(0);
    expect(target.requests - targetBefore).toBeGreaterThan(0);
  }, 60_000);
});
