// A run that checked nothing exits 1 with one line saying why, never a silent pass.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { networkInterfaces } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runConformance } from '../support/runConformance.js';

/** A non-loopback address of this machine, if it has one. */
const lanAddress = Object.values(networkInterfaces())
  .flat()
  .find((a) => a && a.family === 'IPv4' && !a.internal)?.address;
if (!lanAddress) console.warn('the non-loopback target test is skipped: this machine has no non-loopback IPv4 address');

describe('a run that checked nothing', () => {
  let server: Server | undefined;
  beforeAll(async () => {
    if (!lanAddress) return;
    // Answers the reachability check; no case should ever reach it.
    server = createServer((_, res) => res.writeHead(404).end());
    await new Promise<void>((resolve) => server!.listen(0, lanAddress, resolve));
  });
  afterAll(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

  it('--grep matching nothing exits 1 with a one-line reason', async () => {
    const result = await runConformance(['--api', 'hoko', '--grep', 'no case is called this']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^conformance: hoko not verified: no answer was checked \(\d+ left out: not matching --grep no case is called this\) \(pass --allow-empty to accept a run that checked nothing\)\n$/);
    expect(result.stdout).toMatch(/^NOT VERIFIED: 1 API, 0 responses checked in 0 cases/m);
  });

  it('--allow-empty accepts it', async () => {
    const result = await runConformance(['--api', 'hoko', '--grep', 'no case is called this', '--allow-empty']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
  });

  it.skipIf(!lanAddress)('a non-loopback target with every case left out by the writes guard exits 1 with a one-line reason', async () => {
    const url = `http://${lanAddress}:${(server!.address() as AddressInfo).port}`;
    const result = await runConformance(['--api', 'hoko', '--target', `hoko=${url}`], { HOKO_API_KEY: 'k-123456' });
    expect(result.code).toBe(1);
    expect(result.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    expect(result.stderr).toMatch(new RegExp(`^conformance: hoko not verified: no answer was checked \\(\\d+ left out: requests that may change data, not sent to the non-loopback ${url.replaceAll('.', '\\.')}.*--allow-writes.*; \\d+ skipped: .*\\) \\(pass --allow-empty.*\\)\n$`));
  });
});
