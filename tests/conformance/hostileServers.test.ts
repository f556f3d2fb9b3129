// The suite against hostile servers: each run ends (exit 1 or 2) with a one-line cause, follows no
// redirect, reads no more than it must, and shows no part of the key in stdout, stderr or JUnit.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as hostile from '../fixtures/conformance/hostileServers.js';
import type { HostileServer } from '../fixtures/conformance/hostileServers.js';
import { runConformance } from '../support/runConformance.js';

const KEY = `sk_live_&<>"'_SECRETSECRET`;
/** Every 6-character piece of the key, in any case: none may appear anywhere. */
const PIECES = Array.from({ length: KEY.length - 5 }, (_, i) => KEY.slice(i, i + 6).toLowerCase());
/** Every 8-character piece of the key's base64 in `user:<key>`, where only the key's bytes decide it. */
const BASE64_PIECES = ((b64) => Array.from({ length: b64.length - 12 }, (_, i) => b64.slice(i + 4, i + 12)))(Buffer.from(`user:${KEY}`).toString('base64').replace(/=+$/, ''));
/** `text` with percent-encoding and \u escapes read back and invisible characters left out, so an encoded or spaced piece of the key shows. */
const decoded = (text: string) =>
  text
    .replace(/\\+u([0-9a-f]{4})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16)))
    .replace(/%([0-9a-f]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16)))
    .replace(/\p{Default_Ignorable_Code_Point}/gu, '');
/** Every piece of the key's hex (6 of its bytes): none may appear anywhere. */
const HEX_PIECES = Array.from({ length: KEY.length - 5 }, (_, i) => Buffer.from(KEY.slice(i, i + 6)).toString('hex'));

type Run = Awaited<ReturnType<typeof runConformance>> & { junit: string };

describe('the suite against hostile servers', () => {
  let dir = '';
  const servers: HostileServer[] = [];
  let elsewhere: HostileServer;
  const runs: Record<string, Run> = {};
  const gallery: Record<string, () => Promise<HostileServer>> = {
    'never answers': hostile.neverAnswers,
    'answers only the reachability check': hostile.answersOnlyGet,
    // to another server on this machine, which counts what reaches it (a regression then sends nothing off loopback)
    'redirects off the target': () => hostile.redirectsTo((path) => `${elsewhere.baseUrl}${path}`),
    'streams an endless body': hostile.endlessBody,
    'cuts the body mid-way': hostile.cutMidway,
    'echoes the key': hostile.echoesTheKey,
    'echoes the key encoded (base64 of user:key, percent-encoded, \\u-escaped)': hostile.echoesTheKeyEncoded,
    'echoes the key hidden (zero-width characters between its characters, hex)': hostile.echoesTheKeyHidden,
    'sends thousands of headers': hostile.thousandsOfHeaders,
    'sends terminal control sequences': hostile.terminalControls,
    'answers a million backslashes': () => hostile.repeats('\\'),
    'answers a million line breaks': () => hostile.repeats('\n'),
    'echoes the key a provider state handed out': hostile.echoesTheStateKey,
    'serves provider states, then never answers the scenarios': () => hostile.honestStatesThen('silent'),
    'serves provider states, then echoes the key to the scenarios': () => hostile.honestStatesThen('echo'),
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'hostile-'));
    elsewhere = await hostile.answersOnlyGet();
    servers.push(elsewhere);
    // two runs at a time: on a loaded machine a 1 s limit would also catch an honest answer
    const queue = Object.entries(gallery);
    const worker = async () => {
      for (let next = queue.shift(); next; next = queue.shift()) {
        const [name, start] = next;
        const server = await start();
        servers.push(server);
        const junit = join(dir, `${servers.length}.xml`);
        const args = ['--api', 'hoko', '--target', `hoko=${server.baseUrl}`, '--state-url', `${server.baseUrl}/states`, '--timeout', '2', '--max-body', '1', '--output', junit];
        const result = await runConformance(args, { HOKO_API_KEY: KEY });
        runs[name] = { ...result, junit: await readFile(junit, 'utf8').catch(() => '') };
      }
    };
    await Promise.all([worker(), worker()]);
  }, 180_000);
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.close()));
    await rm(dir, { recursive: true, force: true });
  });

  const run = (name: string) => runs[name] as Run;

  it.each(Object.keys(gallery))('%s: the run ends with exit 1 or 2 and no part of the key in stdout, stderr or JUnit', (name) => {
    const { code, stdout, stderr, junit } = run(name);
    expect([1, 2], `${stdout}\n${stderr}`).toContain(code);
    for (const output of [stdout, stderr, junit]) for (const piece of PIECES) expect(decoded(output).toLowerCase()).not.toContain(piece);
    for (const output of [stdout, stderr, junit]) for (const piece of BASE64_PIECES) expect(output).not.toContain(piece);
    for (const output of [stdout, stderr, junit]) for (const piece of HEX_PIECES) expect(output.toLowerCase()).not.toContain(piece);
    if (code === 2) expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('never answers: exit 2, one line saying the time limit ran out', () => {
    expect(run('never answers').code).toBe(2);
    expect(run('never answers').stderr).toMatch(/^conformance: cannot reach the hoko target at http:\/\/127\.0\.0\.1:\d+: no complete answer within 2 s \(--timeout\)/);
  });

  it('silent after the first answer: each case and each scenario is one transport failure saying the time limit ran out', () => {
    const { code, stdout } = run('answers only the reachability check');
    expect(code).toBe(1);
    expect(stdout).toMatch(/\[transport\] no response: no complete answer within 2 s \(--timeout\)/);
    expect(stdout).toMatch(/case: hoko scenario delete-exact-ids\n\s+\[transport\] provider state 'partners exist' setup: no response: no complete answer within 2 s \(--timeout\)/);
  });

  it('redirects: the 307 is checked like any answer and nothing reaches the other host', () => {
    const { code, stdout } = run('redirects off the target');
    expect(code).toBe(1);
    expect(stdout).toMatch(/\[status-documented\] status 307 is not documented for deletePartners/);
    expect(stdout).toMatch(/provider state 'partners exist' setup answered 307/);
    expect(elsewhere.requests).toBe(0);
  });

  it('an endless body: the case fails naming the body limit', () => {
    const { code, stdout } = run('streams an endless body');
    expect(code).toBe(1);
    expect(stdout).toMatch(/\[transport\] no response: the response body is larger than the 1 MiB limit \(--max-body\)/);
  });

  it('a body cut mid-way: the case fails saying the server closed the connection', () => {
    const { code, stdout } = run('cuts the body mid-way');
    expect(code).toBe(1);
    expect(stdout).toMatch(/\[transport\] no response: the server closed the connection before the response was complete \(UND_ERR_SOCKET\)/);
  });

  it('thousands of headers: the case fails saying the headers are too large', () => {
    const { code, stdout } = run('sends thousands of headers');
    expect(code).toBe(1);
    expect(stdout).toMatch(/\[transport\] no response: the response headers exceed \d+ bytes \(UND_ERR_HEADERS_OVERFLOW\)/);
  });

  it('an echoed key is shown redacted where the report quotes the answer (body cut at 200 characters, Content-Type, provider-state error)', () => {
    const { code, stdout, junit } = run('echoes the key');
    expect(code).toBe(1);
    expect(stdout).toMatch(/\[body-json\] the body is not valid JSON\n\s+actual:\s+\{+\[REDACTED\]/);
    expect(stdout).toMatch(/\[content-type\] content type '\[REDACTED\]' is not documented/);
    expect(stdout).toMatch(/setup answered 400: \[REDACTED\] x+\[REDACTED\]/);
    expect(junit).toMatch(/^<\?xml version="1\.0"/);
    expect(junit).toContain('[REDACTED]');
  });

  it('terminal control sequences: none reaches stdout, stderr or JUnit; each is shown as a \\u escape', () => {
    const { stdout, stderr, junit } = run('sends terminal control sequences');
    for (const output of [stdout, stderr, junit]) expect(output).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E]/);
    expect(stdout).toContain('\\u001b]52;c;');
    expect(stdout).toContain('\\u202e');
  });

  it('a million backslashes: every case fails as no JSON, quoting the start of the answer (the redactor once took hours over it)', () => {
    const { code, stdout } = run('answers a million backslashes');
    expect(code).toBe(1);
    expect(stdout).toMatch(/\[body-json\] the body is not valid JSON\n\s+actual:\s+(\\\\)+…/);
  });

  it('a million line breaks: every case fails as no JSON, and no stack trace is found in it (once a search of hours)', () => {
    const { code, stdout } = run('answers a million line breaks');
    expect(code).toBe(1);
    expect(stdout).toMatch(/\[body-json\] the body is not valid JSON/);
    expect(stdout).not.toMatch(/no-stack-trace/);
  });

  it('a key a provider state handed out (api key without scope) is redacted where an answer echoes it', () => {
    const { code, stdout, stderr, junit } = run('echoes the key a provider state handed out');
    expect(code).toBe(1);
    expect(stdout).toMatch(/actual:\s+the key \[REDACTED\] lacks linksWrite/);
    const pieces = Array.from({ length: hostile.STATE_KEY.length - 5 }, (_, i) => hostile.STATE_KEY.slice(i, i + 6).toLowerCase());
    for (const output of [stdout, stderr, junit]) for (const piece of pieces) expect(decoded(output).toLowerCase()).not.toContain(piece);
  });

  it("a scenario's request that gets no answer is one transport failure naming the request", () => {
    const { code, stdout } = run('serves provider states, then never answers the scenarios');
    expect(code).toBe(1);
    expect(stdout).toMatch(/case: hoko scenario delete-exact-ids\n\s+\[transport\] DELETE \/api\/partners: no response: no complete answer within 2 s \(--timeout\)\n/);
  });

  it("a key echoed to a scenario is redacted in what the scenario quotes", () => {
    const { code, stdout } = run('serves provider states, then echoes the key to the scenarios');
    expect(code).toBe(1);
    expect(stdout).toMatch(/\[behaviour\] deletedIds are exactly the ids sent\n\s+expected: \[[^\n]+\n\s+actual:\s+\["\[REDACTED\]","y+/);
  });
});
