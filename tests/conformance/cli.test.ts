// Usage and connection errors: exit 2 with one line saying what to fix, never a stack trace.
import { describe, expect, it } from 'vitest';
import { freePort as closedPort } from '../support/freePort.js';
import { runConformance } from '../support/runConformance.js';

describe('conformance CLI errors', () => {
  it.each([
    [['--api', 'twitter'], /--api: unknown API 'twitter' \(expected one of layers, ayrshare, hoko\)/],
    [['--target', 'layers'], /--target: 'layers' must be <api>=<baseUrl>/],
    [['--target', 'layers=ftp://x'], /--target: 'ftp:\/\/x' must be an http or https URL/],
    [['--api', 'hoko', '--target', 'layers=http://127.0.0.1:1'], /--target: 'layers' is not among the APIs being checked/],
    [['--reporter', 'tap'], /--reporter: 'tap' is not a reporter/],
    [['--grep', '('], /--grep: Invalid regular expression/],
    [['--frobnicate'], /Unknown option '--frobnicate'/],
  ])('%j exits 2 with a one-line message', async (args, message) => {
    const result = await runConformance(args);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('names the missing credential of a live target', async () => {
    const result = await runConformance(['--api', 'hoko', '--target', 'hoko=http://127.0.0.1:9']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/HOKO_API_KEY is not set: the live hoko target needs a key/);
  });

  it('says when the target cannot be reached', async () => {
    const port = await closedPort();
    const result = await runConformance(['--api', 'hoko', '--target', `hoko=http://127.0.0.1:${port}`], { HOKO_API_KEY: 'k-123456' });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(new RegExp(`cannot reach the hoko target at http://127.0.0.1:${port} \\(ECONNREFUSED\\)`));
  });

  it('prints the options with --help', async () => {
    const result = await runConformance(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/--allow-writes/);
  });
});

describe('conformance CLI with --spec', () => {
  it('checks a 3.0 YAML document against its own Prism mock and exits 0', async () => {
    const result = await runConformance(['--spec', 'petstore=tests/fixtures/corpus/oai-petstore/openapi.yaml']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/PASSED: 1 API, \d+ cases/);
    expect(result.stdout).toMatch(/cannot be asked for the 'default' response/);
  });

  it('exits 2 with one line for a document that cannot be read', async () => {
    const result = await runConformance(['--spec', 'gone=tests/fixtures/corpus/no-such.yaml']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^conformance: Cannot read OpenAPI document tests\/fixtures\/corpus\/no-such.yaml/);
    expect(result.stderr).not.toMatch(/unexpected error|\n\s+at /);
  });
});
