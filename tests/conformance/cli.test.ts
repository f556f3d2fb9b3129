// Usage and connection errors: exit 2 with one line saying what to fix, never a stack trace.
import { existsSync } from 'node:fs';
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
    [['--api'], /Option '--api <value>' argument missing/],
    [['--timeout', 'soon'], /--timeout: 'soon' is not a positive number of seconds/],
    [['--timeout', '0'], /--timeout: '0' is not a positive number of seconds/],
    [['--timeout', '1e9'], /--timeout: 1e9 seconds is more than the 86400 allowed/],
    [['--max-body', '-3'], /--max-body: '-3' is not a positive number of MiB/],
    [['--max-body', '0x10'], /--max-body: '0x10' is not a positive number of MiB/],
    [['--max-body', 'Infinity'], /--max-body: 'Infinity' is not a positive number of MiB/],
    [['--max-body', '1e-9'], /--max-body: 1e-9 MiB is less than one byte/],
    [['--timeout', ' 5'], /--timeout: ' 5' is not a positive number of seconds/],
    [['--mock-start-timeout', '0'], /--mock-start-timeout: '0' is not a positive number of seconds/],
    [['--output', '/nonexistent-folder/report.xml'], /--output: cannot write '\/nonexistent-folder\/report.xml': the folder \/nonexistent-folder does not exist/],
    [['--output', '.'], /--output: '.' is a folder, not a file/],
    ...(existsSync('/proc/self') ? [[['--output', '/proc/report.xml'], /--output: cannot write '\/proc\/report.xml': a file cannot be created in \/proc \(ENOENT\)/] as [string[], RegExp]] : []),
    [['--min-coverage', 'most'], /--min-coverage: 'most' is not a percentage \(expected a number from 0 to 100\)/],
    [['--min-coverage', '101'], /--min-coverage: '101' is not a percentage/],
  ])('%j exits 2 with a one-line message', async (args, message) => {
    const result = await runConformance(args);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toMatch(/^conformance: [^\n]+\n$/);
  });

  it('refuses an --output it cannot write before the run: no target is contacted', async () => {
    const port = await closedPort();
    const result = await runConformance(['--api', 'hoko', '--target', `hoko=http://127.0.0.1:${port}`, '--output', '/nonexistent-folder/report.xml'], { HOKO_API_KEY: 'k-123456' });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^conformance: --output: cannot write [^\n]+\n$/);
  });

  it('says in one line when the --output file cannot be written after the run (a full disk: /dev/full), exit 2, the human report still on stdout', async () => {
    const result = await runConformance(['--api', 'hoko', '--output', '/dev/full']);
    expect(result.code).toBe(2);
    expect(result.stdout).toMatch(/^hoko {2}\(Prism mock at /);
    expect(result.stderr).toMatch(/^conformance: --output: the JUnit report could not be written to \/dev\/full: ENOSPC: no space left on device, write \(the report above is complete\)\n$/);
  }, 120_000);

  it('says when a Prism mock misses the start limit, naming the flag that raises it', async () => {
    const result = await runConformance(['--api', 'hoko', '--mock-start-timeout', '0.001']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^conformance: mock target: Prism did not start for \S+hoko\S+ within 1 ms \(raise --mock-start-timeout if this machine is busy\)\n$/);
  });

  it("names the --spec document itself, not the copy written for Prism, when its mock misses the start limit (kin-openapi's issue796 was named as /tmp/conformance-…/doc.json)", async () => {
    const result = await runConformance(['--spec', 'pets=tests/fixtures/corpus/oai-petstore/openapi.yaml', '--mock-start-timeout', '0.001']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^conformance: mock target: Prism did not start for \S*tests\/fixtures\/corpus\/oai-petstore\/openapi\.yaml within 1 ms \(raise --mock-start-timeout if this machine is busy; Prism may not read some documents in any reasonable time, and --target pets=<url> checks a live server without it\)\n$/);
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
    expect(result.stderr).toMatch(new RegExp(`^conformance: cannot reach the hoko target at http://127.0.0.1:${port}: connection refused \\(ECONNREFUSED\\); is the server running`));
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('prints the options with --help, under the name of the installed command', async () => {
    const result = await runConformance(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage: partner-api-conformance \[options\] +\(in this repository: npm run conformance -- \[options\]\)\n/);
    expect(result.stdout).toMatch(/--allow-writes/);
    expect(result.stdout).toMatch(/--timeout <seconds> +time limit of every request/);
    expect(result.stdout).toMatch(/--max-body <MiB>/);
    expect(result.stdout).toMatch(/--output <file> +write the JUnit report to this file[^]*always JUnit, with or without --reporter junit/);
  });
});

describe('conformance CLI with --spec', () => {
  it('checks a 3.0 YAML document against its own Prism mock and exits 0', async () => {
    const result = await runConformance(['--spec', 'petstore=tests/fixtures/corpus/oai-petstore/openapi.yaml']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/PASSED: 1 API, \d+ responses checked in \d+ cases: \d+ passed, 0 failed/);
    expect(result.stdout).toMatch(/cannot be asked for the 'default' response/);
  });

  it('exits 2 with one line for a document that cannot be read', async () => {
    const result = await runConformance(['--spec', 'gone=tests/fixtures/corpus/no-such.yaml']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^conformance: Cannot read OpenAPI document tests\/fixtures\/corpus\/no-such.yaml/);
    expect(result.stderr).not.toMatch(/unexpected error|\n\s+at /);
  });
});
