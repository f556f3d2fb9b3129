// `npm run sandbox`: its options, one-line usage errors (exit 2), and a real start (PGlite in
// memory, the real store) that prints the URL, the database, the demo keys and a curl per API,
// serves them, and stops cleanly on SIGTERM.
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { parseOptions, UsageError } from '../../src/sandbox/cli/parseOptions.js';
import { runCommand, projectRoot } from '../support/runCommand.js';
import { sliceFaultPoints } from '../../src/sandbox/slices.js';
import { slices } from '../support/sandboxDatabase.js';

// The fault points --fault accepts: the slices' own.
const faultPoints = sliceFaultPoints(slices);

const sandbox = (args: string[], env: NodeJS.ProcessEnv = {}) =>
  runCommand(process.execPath, ['--import', 'tsx', 'src/sandbox/cli.ts', ...args], { env: { ...process.env, DATABASE_URL: '', ...env }, timeoutMs: 60_000 });

describe('parseOptions', () => {
  it('defaults: port 4010 on 127.0.0.1, PGlite in a temporary folder, no provider states, no fault', () => {
    expect(parseOptions([])).toEqual({ port: 4010, host: '127.0.0.1', providerStates: false, help: false });
  });

  it('reads every option and DATABASE_URL', () => {
    expect(parseOptions(['--port', '0', '--host', '::1', '--provider-states', '--fault', 'revoke:after-cancel', '--rate-limit', '60'], { DATABASE_URL: 'postgres://u:p@db:5432/x' }, faultPoints)).toEqual({
      port: 0, host: '::1', providerStates: true, fault: 'revoke:after-cancel', rateLimit: 60, databaseUrl: 'postgres://u:p@db:5432/x', help: false,
    });
    expect(parseOptions(['--data-dir', '/tmp/x']).dataDir).toBe('/tmp/x');
  });

  it.each([
    [['--port', 'abc'], /--port/],
    [['--port', '70000'], /--port/],
    [['--bogus'], /bogus/],
    [['--fault', 'everywhere'], /--fault: 'everywhere' is not a fault point/],
    [['--provider-states', '--host', '0.0.0.0'], /loopback/],
    [['--rate-limit', '0'], /--rate-limit/],
    [['--rate-limit', '-3'], /--rate-limit: '-3' must be an integer from 1/],
    [['extra'], /extra/],
    [['--port', '1', '--port', '2'], /^--port: given more than once$/],
    [['--provider-states', '--provider-states'], /^--provider-states: given more than once$/],
  ])('%j is a usage error', (argv, message) => {
    expect(() => parseOptions(argv, {}, faultPoints)).toThrow(UsageError);
    expect(() => parseOptions(argv, {}, faultPoints)).toThrow(message);
  });

  it('refuses --data-dir together with DATABASE_URL', () => {
    expect(() => parseOptions(['--data-dir', 'x'], { DATABASE_URL: 'postgres://h/db' })).toThrow(/one of them/);
  });
});

describe('the command', () => {
  it('a bad flag: one line on stderr, exit 2', async () => {
    const r = await sandbox(['--port', 'nope']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^sandbox: --port/);
  });

  it('a port in use: one line naming it, exit 2, before any database is set up', async () => {
    const busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', () => resolve()));
    const port = (busy.address() as AddressInfo).port;
    try {
      // A DATABASE_URL that cannot connect: reaching the database would be a different error.
      const r = await sandbox(['--port', String(port)], { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' });
      expect(r.code).toBe(2);
      expect(r.stderr.trim()).toBe(`sandbox: cannot listen on 127.0.0.1:${port}: it is in use (pass another --port)`);
    } finally {
      await new Promise<void>((resolve) => busy.close(() => resolve()));
    }
  });

  it('a --host that does not resolve, with --port 0: one line naming --host, exit 2, before any database is set up', async () => {
    const r = await sandbox(['--host', 'no-such-host.invalid', '--port', '0'], { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' });
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('sandbox: cannot listen on no-such-host.invalid:0: no such host (check --host)');
  });

  it.each([
    ['a file', async (dir: string) => (await writeFile(join(dir, 'file'), 'x'), join(dir, 'file')), /^sandbox: --data-dir .*\/file: is a file, not a folder$/],
    ['a path under a file', async (dir: string) => (await writeFile(join(dir, 'file'), 'x'), join(dir, 'file', 'data')), /^sandbox: --data-dir .*\/file\/data: cannot be created \(ENOTDIR\)$/],
    ['a folder of other files', async (dir: string) => (await writeFile(join(dir, 'notes.txt'), 'x'), dir), /^sandbox: --data-dir .*: holds other files and no sandbox data \(no PG_VERSION\): use an empty or new folder$/],
  ])('--data-dir naming %s: one line naming --data-dir, exit 2', async (_name, make, message) => {
    const dir = await mkdtemp(join(tmpdir(), 'sandbox-cli-'));
    try {
      const r = await sandbox(['--port', '0', '--data-dir', await make(dir)]);
      expect(r.code).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr.trim()).toMatch(message);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('provider states on a non-loopback host: refused, exit 2', async () => {
    const r = await sandbox(['--provider-states', '--host', '0.0.0.0']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/loopback/);
  });

  it('--help: the usage, exit 0', async () => {
    const r = await sandbox(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: npm run sandbox/);
    expect(r.stdout).toMatch(/DATABASE_URL/);
  });

  it('starts on the real store, prints what to call, serves the three APIs, stops cleanly on SIGTERM', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/sandbox/cli.ts', '--port', '0', '--provider-states'], { cwd: projectRoot, env: { ...process.env, DATABASE_URL: '' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      const started = Date.now();
      while (!stdout.includes('Stop with Ctrl-C.') && Date.now() - started < 45_000) {
        if (child.exitCode !== null) throw new Error(`the sandbox exited ${child.exitCode}: ${stderr}`);
        await new Promise((r) => setTimeout(r, 100));
      }
      const baseUrl = /at (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout)?.[1];
      expect(baseUrl, stdout + stderr).toBeDefined();
      expect(stdout).toMatch(/database: +PGlite in a temporary folder/);
      const curls = stdout.split('\n').filter((l) => l.trim().startsWith('curl '));
      expect(curls).toHaveLength(3);
      const layersKey = /Layers[\s\S]*?API key: +(\S+)/.exec(stdout)?.[1] as string;
      const influencer = /influencer: +(inf_\S+)/.exec(stdout)?.[1] as string;
      const r = await fetch(`${baseUrl}/v1/influencers/${influencer}`, { headers: { Authorization: `Bearer ${layersKey}` } });
      expect(r.status).toBe(200);
      expect(((await r.json()) as { influencerId: string }).influencerId).toBe(influencer);
      const states = await fetch(`${baseUrl}/__states`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ action: 'setup', api: 'hoko', state: 'partners exist', params: { count: 2 } }) });
      expect(states.status).toBe(200);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    expect(stdout).toMatch(/SIGTERM, stopping/);
  });
});

describe('stopping through npm', () => {
  it('`npm run sandbox` killed with SIGTERM (npm only, not its children): the sandbox stops and frees its port', async () => {
    // npm runs `sh -c "node …"`: the signal reaches npm alone, so the server must notice on its own.
    const npm = spawn('npm', ['run', '--silent', 'sandbox', '--', '--port', '0'], { cwd: projectRoot, env: { ...process.env, DATABASE_URL: '' } });
    let stdout = '';
    npm.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    const npmExited = new Promise<void>((resolve) => npm.on('exit', () => resolve()));
    const started = Date.now();
    while (!stdout.includes('Stop with Ctrl-C.') && Date.now() - started < 45_000 && npm.exitCode === null) await new Promise((r) => setTimeout(r, 100));
    const baseUrl = /at (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout)?.[1];
    expect(baseUrl, stdout).toBeDefined();
    const answers = async () => fetch(`${baseUrl}/no-such-path`).then(() => true, () => false);
    expect(await answers()).toBe(true);

    npm.kill('SIGTERM');
    await npmExited;
    // Bounded retries, not a duration: the port must be free well within the 30 s this allows.
    let serving = true;
    for (let i = 0; i < 150 && serving; i++) {
      await new Promise((r) => setTimeout(r, 200));
      serving = await answers();
    }
    expect(serving, `the sandbox still answers on ${baseUrl} after npm was killed`).toBe(false);
  });
});
