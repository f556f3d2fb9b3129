// Oversized values from a server (a header value of a megabyte, JSON nested 100,000 deep under a
// recursive schema, a number of 900,000 digits, a string of 9 MB, a member repeated a million
// times): each ends as a case failure saying what is wrong, never a crash, a stack overflow or a hang.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runConformance } from '../support/runConformance.js';
import type { CommandResult } from '../support/runCommand.js';

const json = (schema: object) => ({ 'application/json': { schema } });
const get = (operationId: string, response: object) => ({ get: { operationId, responses: { '200': { description: 'ok', ...response } } } });
const document = {
  openapi: '3.1.0',
  info: { title: 'values', version: '1' },
  paths: {
    '/deep-object': get('deepObject', { content: json({ $ref: '#/components/schemas/Node' }) }),
    '/deep-array': get('deepArray', { content: json({ $ref: '#/components/schemas/Node' }) }),
    '/number': get('hugeNumber', { content: json({ type: 'object', properties: { n: { type: 'integer', maximum: 10 } } }) }),
    '/string': get('hugeString', { content: json({ type: 'object', properties: { s: { type: 'string', maxLength: 10 } } }) }),
    '/repeated': get('repeatedMember', { content: json({ type: 'object', properties: { a: { type: 'integer' } } }) }),
    '/header': get('hugeHeader', { headers: { 'X-Big': { schema: { type: 'string', maxLength: 10 } } }, content: json({ type: 'object' }) }),
  },
  components: { schemas: { Node: { type: 'object', properties: { a: { $ref: '#/components/schemas/Node' }, b: { type: 'array', items: { $ref: '#/components/schemas/Node' } } } } } },
};

const DEPTH = 100_000;
const bodies: Record<string, () => string> = {
  '/deep-object': () => `${'{"a":'.repeat(DEPTH)}{}${'}'.repeat(DEPTH)}`,
  '/deep-array': () => `${'{"b":['.repeat(DEPTH)}{}${']}'.repeat(DEPTH)}`,
  '/number': () => `{"n":${'9'.repeat(900_000)}}`,
  '/string': () => `{"s":"${'x'.repeat(9_000_000)}"}`,
  '/repeated': () => `{${'"a":1,'.repeat(1_000_000)}"a":1}`,
  '/header': () => '{}',
};

describe('oversized values from a server', () => {
  let dir = '';
  let server: Server;
  let result: CommandResult;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'hostile-values-'));
    await writeFile(join(dir, 'openapi.json'), JSON.stringify(document));
    server = createServer((req, res) => {
      const body = bodies[req.url ?? ''];
      if (!body) return void res.writeHead(404).end();
      res.writeHead(200, { 'Content-Type': 'application/json', ...(req.url === '/header' ? { 'X-Big': 'v'.repeat(1024 * 1024) } : {}) }).end(body());
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const baseUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    result = await runConformance(['--spec', `v=${join(dir, 'openapi.json')}`, '--target', `v=${baseUrl}`, '--timeout', '60']);
  }, 180_000);
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await rm(dir, { recursive: true, force: true });
  });

  /** The failure lines of one operation's case. */
  const failuresOf = (operationId: string) => {
    const block = result.stdout.split(/\n(?=  ✗ )/).find((b) => b.includes(`case: v ${operationId} `)) ?? '';
    return block.split('\n').filter((line) => /^\s+\[/.test(line)).join('\n');
  };

  it('the run ends with exit 1, every case reported, no stack trace and no unexpected error', () => {
    expect(result.code, `${result.stdout}\n${result.stderr}`).toBe(1);
    expect(result.stderr).not.toMatch(/unexpected error|\n\s+at |RangeError|heap/i);
    expect(result.stdout).toMatch(/cases: 0 passed, 6 failed/);
  });

  it.each([['deepObject'], ['deepArray']])('%s: JSON nested 100,000 deep fails saying how deep it nests, not "Maximum call stack size exceeded"', (operationId) => {
    expect(failuresOf(operationId)).toMatch(/\[body-schema\] body-schema could not check this answer: it nests (100,001|200,001) levels deep/);
    expect(result.stdout).not.toMatch(/call stack/i);
  });

  it('a number of 900,000 digits fails its schema', () => {
    expect(failuresOf('hugeNumber')).toMatch(/\[body-schema\] body\/n must/);
  });

  it('a string of 9 MB fails its maxLength', () => {
    expect(failuresOf('hugeString')).toMatch(/\[body-schema\] body\/s must NOT have more than 10 characters/);
  });

  it('a member repeated a million times fails body-unique-keys', () => {
    expect(failuresOf('repeatedMember')).toMatch(/\[body-unique-keys\] body has the member 'a' more than once/);
  });

  it('a header value of a megabyte fails as too large, without quoting it whole', () => {
    expect(failuresOf('hugeHeader')).toMatch(/\[transport\] no response: the response headers exceed \d+ bytes/);
    expect(result.stdout.length).toBeLessThan(200_000);
  });
});
