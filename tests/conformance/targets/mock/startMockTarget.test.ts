import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { connect, createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { SuiteSetupError } from '../../../../src/conformance/failClosed.js';
import { startMockTarget, type MockTarget } from '../../../../src/conformance/targets/mock/startMockTarget.js';

/** A small document: one bearer-protected resource with two named 200 examples, a 404 and a 422. */
function itemsDocument(resource: string): object {
  const problem = { type: 'object', required: ['error'], properties: { error: { type: 'string' } } };
  const json = (schema: object, examples: Record<string, unknown>) => ({ content: { 'application/json': { schema, examples: Object.fromEntries(Object.entries(examples).map(([k, value]) => [k, { value }])) } } });
  const item = { type: 'object', required: ['id', 'name'], properties: { id: { type: 'string' }, name: { type: 'string' } } };
  return {
    openapi: '3.1.0',
    info: { title: `${resource} test API`, version: '1' },
    security: [{ bearer: [] }],
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    paths: {
      [`/${resource}`]: {
        post: {
          operationId: `create-${resource}`,
          requestBody: { required: true, ...json(item, { new: { id: 'n1', name: 'new' } }) },
          responses: {
            '201': { description: 'created', ...json(item, { created: { id: 'n1', name: 'new' } }) },
            '401': { description: 'no key', ...json(problem, { unauthorized: { error: 'unauthorized' } }) },
            '422': { description: 'invalid', ...json(problem, { invalid: { error: 'invalid body' } }) },
          },
        },
      },
      [`/${resource}/{id}`]: {
        get: {
          operationId: `get-${resource}`,
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' }, example: 'a1' }],
          responses: {
            '200': { description: 'found', ...json(item, { first: { id: 'a1', name: 'first' }, second: { id: 'a2', name: 'second' } }) },
            '401': { description: 'no key', ...json(problem, { unauthorized: { error: 'unauthorized' } }) },
            '404': { description: 'missing', ...json(problem, { missing: { error: `no such ${resource}` } }) },
          },
        },
      },
    },
  };
}

const auth = { Authorization: 'Bearer test' };
let scratch: string;
let itemsFile: string;
let booksFile: string;
const started: MockTarget[] = [];
/** Client sockets a test opened, destroyed afterwards so a failing stop() test cannot hang the hooks. */
const clients: Socket[] = [];

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'mock-target-'));
  itemsFile = join(scratch, 'items.json');
  booksFile = join(scratch, 'books.json');
  await writeFile(itemsFile, JSON.stringify(itemsDocument('items')));
  await writeFile(booksFile, JSON.stringify(itemsDocument('books')));
});

afterEach(async () => {
  vi.restoreAllMocks();
  for (const socket of clients.splice(0)) socket.destroy();
  await Promise.allSettled(started.splice(0).map((target) => target.stop()));
});

afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

async function start(file: string, options?: Parameters<typeof startMockTarget>[1]): Promise<MockTarget> {
  const target = await startMockTarget(file, options);
  started.push(target);
  return target;
}

function errorOf(promise: Promise<unknown>): Promise<Error | undefined> {
  return promise.then(
    () => undefined,
    (error: unknown) => error as Error,
  );
}

/** Whether something accepts TCP connections on `port` of 127.0.0.1. */
function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

describe('startMockTarget', () => {
  test('listens on a loopback port chosen by the system', async () => {
    const target = await start(itemsFile);
    expect(target.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(Number(new URL(target.baseUrl).port)).toBeGreaterThan(0);
  });

  test('answers the documented example that the Prefer header names, and the status it asks for', async () => {
    const target = await start(itemsFile);
    const second = await fetch(`${target.baseUrl}/items/a2`, { headers: { ...auth, Prefer: 'example=second' } });
    expect(second.status).toBe(200);
    expect(await second.json()).toEqual({ id: 'a2', name: 'second' });
    const missing = await fetch(`${target.baseUrl}/items/a2`, { headers: { ...auth, Prefer: 'code=404' } });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: 'no such items' });
  });

  test('checks security as `prism mock` does: no key gives the 401 example', async () => {
    const target = await start(itemsFile);
    const response = await fetch(`${target.baseUrl}/items/a1`);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: 'unauthorized' });
  });

  test('answers an invalid request with the 422 example and the reason in sl-violations', async () => {
    const target = await start(itemsFile);
    const response = await fetch(`${target.baseUrl}/items`, { method: 'POST', headers: { ...auth, 'Content-Type': 'application/json' }, body: JSON.stringify({ id: 'n1' }) });
    expect(response.status).toBe(422);
    expect(await response.json()).toEqual({ error: 'invalid body' });
    const violations = JSON.parse(response.headers.get('sl-violations') ?? '[]') as { location: string[]; message: string }[];
    expect(violations).toContainEqual(expect.objectContaining({ location: ['request', 'body'], message: expect.stringContaining("'name'") }));
  });

  test('never closes an idle connection the suite may reuse: no Keep-Alive timeout after the first answer', async () => {
    // Node closes a connection idle for 5 s; the suite's thread, busy validating a large body,
    // could reuse one just closed and see ECONNRESET (Discord's document: 28 cases).
    const target = await start(itemsFile);
    const socket = connect({ host: '127.0.0.1', port: Number(new URL(target.baseUrl).port) });
    clients.push(socket);
    let received = '';
    socket.on('data', (chunk: Buffer) => (received += chunk.toString('latin1')));
    const request = 'GET /items/a1 HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer test\r\nConnection: keep-alive\r\n\r\n';
    socket.write(request);
    await vi.waitFor(() => expect(received.split('HTTP/1.1 200').length - 1).toBe(1), { timeout: 10_000 });
    socket.write(request);
    await vi.waitFor(() => expect(received.split('HTTP/1.1 200').length - 1).toBe(2), { timeout: 10_000 });
    const second = received.slice(received.lastIndexOf('HTTP/1.1 200'));
    expect(second.split('\r\n\r\n')[0]).toMatch(/^connection: keep-alive$/im);
    expect(second.split('\r\n\r\n')[0]).not.toMatch(/^keep-alive: timeout=/im);
  });

  test('sends CORS headers, as the CLI does by default', async () => {
    const target = await start(itemsFile);
    const response = await fetch(`${target.baseUrl}/items/a1`, { headers: { ...auth, Origin: 'http://example.test' } });
    expect(response.headers.get('access-control-allow-origin')).toBe('http://example.test');
  });

  test('prints nothing of Prism, even for violations it logs as errors', async () => {
    const out = vi.spyOn(process.stdout, 'write');
    const err = vi.spyOn(process.stderr, 'write');
    const target = await start(itemsFile);
    await (await fetch(`${target.baseUrl}/items`, { method: 'POST', headers: { ...auth, 'Content-Type': 'application/json' }, body: '{}' })).text();
    await target.stop();
    expect(out).not.toHaveBeenCalled();
    expect(err).not.toHaveBeenCalled();
  });

  test('gives Prism’s log lines to the `log` option, every one of them before stop() resolves', async () => {
    const lines: string[] = [];
    const target = await start(itemsFile, { log: (line) => lines.push(line) });
    await (await fetch(`${target.baseUrl}/items`, { method: 'POST', headers: { ...auth, 'Content-Type': 'application/json' }, body: '{}' })).text();
    // The answer and the log line travel apart (socket, worker message): only stop() orders them.
    await target.stop();
    expect(lines.some((line) => line.includes('Violation'))).toBe(true);
  });

  test('two documents run side by side, each on its own port with its own operations', async () => {
    const [items, books] = await Promise.all([start(itemsFile), start(booksFile)]);
    expect(new URL(items.baseUrl).port).not.toBe(new URL(books.baseUrl).port);
    const book = await fetch(`${books.baseUrl}/books/a1`, { headers: { ...auth, Prefer: 'code=404' } });
    expect(await book.json()).toEqual({ error: 'no such books' });
    const item = await fetch(`${items.baseUrl}/items/a1`, { headers: { ...auth, Prefer: 'code=404' } });
    expect(await item.json()).toEqual({ error: 'no such items' });
    expect((await fetch(`${items.baseUrl}/books/a1`, { headers: auth })).status).toBe(404); // not routed here
  });

  test('stop() closes open connections and frees the port; a second stop() is harmless', async () => {
    const target = await start(itemsFile);
    const port = Number(new URL(target.baseUrl).port);
    // A client that sent half a request: a plain server.close() would wait for it forever.
    const stalled = connect({ host: '127.0.0.1', port });
    stalled.on('error', () => undefined);
    await new Promise<void>((resolve) => stalled.once('connect', () => resolve()));
    clients.push(stalled);
    stalled.write('GET /items/a1 HTTP/1.1\r\nHost: x\r\n');
    const closedByServer = new Promise<void>((resolve) => stalled.once('close', () => resolve()));
    await target.stop();
    await closedByServer;
    expect(await accepts(port)).toBe(false);
    const reuse = createServer();
    await new Promise<void>((resolve, reject) => reuse.once('error', reject).listen(port, '127.0.0.1', () => resolve()));
    await new Promise<void>((resolve) => reuse.close(() => resolve()));
    await target.stop();
  }, 15_000); // without the fix, stop() never resolves: fail within 15 s rather than the default 60

  test('a start that takes longer than startTimeoutMs rejects with a one-line error naming the limit', async () => {
    // A document whose schema is a $ref to a loopback server that accepts and never answers:
    // Prism cannot finish loading it, so only the limit can end the start.
    const silent = createServer((socket) => clients.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', () => resolve()));
    const { port } = silent.address() as { port: number };
    const hanging = join(scratch, 'hanging.json');
    const document = itemsDocument('items') as { paths: Record<string, { get?: { responses: Record<string, { content?: Record<string, { schema: unknown }> }> } }> };
    const ok = document.paths['/items/{id}']?.get?.responses['200']?.content?.['application/json'];
    if (ok) ok.schema = { $ref: `http://127.0.0.1:${port}/item.json` };
    await writeFile(hanging, JSON.stringify(document));
    try {
      const error = await errorOf(startMockTarget(hanging, { startTimeoutMs: 200 }));
      expect(error).toBeInstanceOf(SuiteSetupError);
      expect(error?.message).toBe(`mock target: Prism did not start for ${hanging} within 200 ms (raise startTimeoutMs if this machine is busy)`);
    } finally {
      silent.close();
    }
  });

  test("a start past its limit while Prism is busy reading the document ends Prism's thread: the next start is served", async () => {
    // Thirty schemas each naming the next twice: Prism's dereferencing walks every one of the 2^30
    // paths in one synchronous stretch (Stripe's document took it over ten minutes), so its
    // thread answers nothing, not even a stop, and kept the process alive at full CPU.
    const depth = 30;
    const schemas = Object.fromEntries(Array.from({ length: depth }, (_, i) => [`S${i}`, { type: 'object', properties: { a: { $ref: `#/components/schemas/S${i + 1}` }, b: { $ref: `#/components/schemas/S${i + 1}` } } }]));
    const slow = join(scratch, 'exponential.json');
    await writeFile(slow, JSON.stringify({ ...itemsDocument('slow'), components: { schemas: { ...schemas, [`S${depth}`]: { type: 'string' } } }, paths: { '/slow': { get: { responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/S0' } } } } } } } } }));
    const error = await errorOf(startMockTarget(slow, { startTimeoutMs: 1_000 }));
    expect(error?.message).toMatch(/^mock target: Prism did not start for .*exponential\.json within 1000 ms/);
    const next = await start(itemsFile, { startTimeoutMs: 20_000 });
    expect((await fetch(`${next.baseUrl}/items/a1`, { headers: auth })).status).toBe(200);
  }, 40_000);

  test('a missing document rejects with a one-line error naming the file', async () => {
    const missing = join(scratch, 'nope.json');
    const error = await errorOf(startMockTarget(missing));
    expect(error).toBeInstanceOf(SuiteSetupError);
    expect(error?.message).toBe(`mock target: document file not found: ${missing}`);
  });

  test('a document without operations rejects with a one-line error naming it', async () => {
    const empty = join(scratch, 'empty.json');
    await writeFile(empty, JSON.stringify({ openapi: '3.1.0', info: { title: 'x', version: '1' }, paths: {} }));
    const error = await errorOf(startMockTarget(empty));
    expect(error?.message).toBe(`mock target: Prism found no operations in ${empty}`);
  });

  test('an error names the document by the documentName given (a --spec document, not the copy written for Prism)', async () => {
    const copy = join(scratch, 'copy-for-prism.json');
    await writeFile(copy, JSON.stringify({ openapi: '3.1.0', info: { title: 'x', version: '1' }, paths: {} }));
    const error = await errorOf(startMockTarget(copy, { documentName: 'specs/mine.yaml' }));
    expect(error?.message).toBe('mock target: Prism found no operations in specs/mine.yaml');
  });

  test('a file that is not a document Prism knows rejects with a one-line error naming it', async () => {
    const other = join(scratch, 'other.json');
    await writeFile(other, JSON.stringify({ hello: 'world' }));
    const error = await errorOf(startMockTarget(other));
    expect(error?.message).toMatch(new RegExp(`^mock target: Prism cannot read ${other.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: \\S.*$`));
  });
});
