/**
 * One measured server in its own process (forked by the bench, so its peak RSS is its own):
 * - `sandbox [databaseUrl]`: the sandbox over PGlite in memory, or over PostgreSQL;
 * - `ceiling [databaseUrl]`: a hand-written `node:http` server making the same store calls as the
 *   sandbox (each slice's `BenchCeiling`), over its own PGlite, or its own database on the same PostgreSQL server;
 * - `prism`: the mock target of each sandbox API's document.
 * Message `workloads` runs each slice's `bench` (it creates fresh data: call it once per round).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadRegistry } from '../../src/core/registry.js';
import { startMockTarget } from '../../src/conformance/targets/mock/startMockTarget.js';
import { createSandboxServer } from '../../src/sandbox/http/createSandboxServer.js';
import type { BenchCeiling, BenchWorkload } from '../../src/sandbox/slice.js';
import { loadSlices, mountSlices, sliceMigrations } from '../../src/sandbox/slices.js';
import { openDatabase } from '../../src/sandbox/store/openDatabase.js';
import { serve } from './child.js';

export interface Ready {
  /** Base URL by API name (one server for all but Prism, which has one per document). */
  baseUrls: Record<string, string>;
}

export type SliceWorkloads = Record<string, { sandbox: BenchWorkload[]; prism: BenchWorkload[] }>;

const [kind, databaseUrl] = process.argv.slice(2);
const registry = loadRegistry();
const slices = await loadSlices(registry);

if (kind === 'prism') {
  const targets = await Promise.all(slices.map(async (s) => ({ name: s.name, target: await startMockTarget(registry.documentFile(s.name)) })));
  serve({ baseUrls: Object.fromEntries(targets.map((t) => [t.name, t.target.baseUrl])) } satisfies Ready, {}, async () => {
    await Promise.all(targets.map((t) => t.target.stop()));
  });
} else if (kind === 'sandbox' || kind === 'ceiling') {
  const db = await openDatabase(await sliceMigrations(slices), databaseUrl ? { databaseUrl } : {});
  const sandbox = await mountSlices(db, registry, slices);
  const demo = await sandbox.seedDemo();
  let ceilings: BenchCeiling[] = [];
  const workloads = async (): Promise<SliceWorkloads> => {
    const out: SliceWorkloads = {};
    const next: BenchCeiling[] = [];
    for (const m of sandbox.slices) {
      const made = await m.slice.bench?.({ store: m.store, demo: demo[m.name] });
      if (!made) continue;
      out[m.name] = { sandbox: made.sandbox, prism: made.prism };
      if (made.ceiling) next.push(made.ceiling);
    }
    ceilings = next;
    return out;
  };
  let baseUrl: string;
  let close: () => Promise<void>;
  if (kind === 'sandbox') {
    const server = await (await createSandboxServer(sandbox, { demo, rateLimit: { capacity: 1e9, refillPerSecond: 1e9 }, log: () => undefined })).listen(0, '127.0.0.1');
    baseUrl = server.baseUrl;
    close = () => server.close();
  } else {
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const request = { method: req.method ?? 'GET', path: req.url ?? '/', authorization: req.headers.authorization, body: Buffer.concat(chunks).toString('utf8') };
        void (async () => {
          for (const ceiling of ceilings) {
            const answer = await ceiling(request);
            if (answer) return answer;
          }
          return { status: 404, body: '{}' };
        })().then(
          (a) => res.writeHead(a.status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(a.body) }).end(a.body),
          () => res.writeHead(500).end(),
        );
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  }
  serve({ baseUrls: Object.fromEntries(slices.map((s) => [s.name, baseUrl])) } satisfies Ready, { workloads }, async () => {
    await close();
    await db.close();
  });
} else {
  throw new Error(`benchServer: unknown kind ${String(kind)} (sandbox, ceiling or prism)`);
}
