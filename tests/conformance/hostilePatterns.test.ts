// A document's `pattern` is matched in linear time: a catastrophic-backtracking pattern (`^(a+)+$`)
// and a server answering `aaaa…!` end as a case failure, not a hung run.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runConformance } from '../support/runConformance.js';

const document = {
  openapi: '3.1.0',
  info: { title: 'patterns', version: '1' },
  paths: {
    '/items': {
      get: {
        operationId: 'getItem',
        responses: {
          '200': {
            description: 'an item',
            content: { 'application/json': { schema: { type: 'object', properties: { name: { type: 'string', pattern: '^(a+)+$' }, tag: { type: 'string', pattern: '^(?=x)(x+)+$' }, code: { type: 'string', pattern: '^(x+)+\\1$' } } } } },
          },
        },
      },
    },
  },
};

describe('hostile patterns', () => {
  let dir = '';
  let server: Server;
  let baseUrl = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'hostile-patterns-'));
    await writeFile(join(dir, 'openapi.json'), JSON.stringify(document));
    // Under 64 KiB in all, so every failure of the answer is listed (a larger one stops at its first).
    server = createServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ name: `${'a'.repeat(20_000)}!`, tag: `${'x'.repeat(20_000)}!`, code: `${'x'.repeat(20_000)}!` }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await rm(dir, { recursive: true, force: true });
  });

  it('a backtracking pattern against `aaaa…!` is a failed case naming the pattern; one re2 cannot express is given a time limit, then named as not checked', async () => {
    const { code, stdout, stderr } = await runConformance(['--spec', `p=${join(dir, 'openapi.json')}`, '--target', `p=${baseUrl}`, '--timeout', '5']);
    expect(code, `${stdout}\n${stderr}`).toBe(1);
    expect(stdout).toMatch(/\[body-schema\] body\/name must match pattern "\^\(a\+\)\+\$"/);
    expect(stdout).toMatch(/\[body-schema\] body\/tag must match pattern "\^\(\?=x\)\(x\+\)\+\$"/);
    expect(stdout).not.toMatch(/body\/code/);
    expect(`${stdout}${stderr}`).toMatch(/pattern "\^\(x\+\)\+\\\\1\$" has no linear-time match \(a backreference\): a text of 20,001 characters took JavaScript's own engine longer than \d+ ms, so the pattern was not checked from then on/);
  }, 180_000);
});
