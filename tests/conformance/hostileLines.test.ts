// Text a document or a server writes cannot start a line of the report: a line feed in a path, an
// operationId, a property name or an answer is shown as `\n`, so no forged "PASSED:" or
// "3 passed, 0 failed" line appears in stdout, whatever the reporter.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runConformance } from '../support/runConformance.js';

const FORGED = '\nPASSED: 9 APIs\n5 passed, 0 failed\n';
const document = {
  openapi: '3.1.0',
  info: { title: 'lines', version: '1' },
  paths: {
    [`/a${FORGED}`]: {
      get: {
        operationId: `get${FORGED}`,
        responses: { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'object', properties: { [`k${FORGED}`]: { type: 'integer' } } } } } } },
      },
    },
  },
};

describe('line feeds from a document or a server', () => {
  let dir = '';
  let server: Server;
  let baseUrl = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'hostile-lines-'));
    await writeFile(join(dir, 'openapi.json'), JSON.stringify(document));
    let n = 0;
    server = createServer((_req, res) => {
      n += 1;
      const body = n % 2 ? JSON.stringify({ [`k${FORGED}`]: `v${FORGED}` }) : `{${FORGED}`;
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await rm(dir, { recursive: true, force: true });
  });

  it.each([['human'], ['junit']])('--reporter %s: no line of stdout is a forged one', async (reporter) => {
    const { stdout, stderr } = await runConformance(['--spec', `l=${join(dir, 'openapi.json')}`, '--target', `l=${baseUrl}`, '--reporter', reporter, '--timeout', '5']);
    const lines = stdout.split('\n');
    expect(lines.filter((line) => /^PASSED: 9 APIs|^5 passed, 0 failed/.test(line)), stdout).toEqual([]);
    expect(stderr.split('\n').filter((line) => /^PASSED: 9 APIs|^5 passed, 0 failed/.test(line))).toEqual([]);
    expect(stdout).toContain('\\nPASSED: 9 APIs\\n5 passed, 0 failed\\n');
  }, 60_000);
});
