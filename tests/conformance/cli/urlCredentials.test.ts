// A URL flag carrying credentials (`http://user:secret@host`) is a usage error whose one line never repeats them.
import { describe, expect, it } from 'vitest';
import { parseOptions, UsageError } from '../../../src/conformance/cli/parseOptions.js';
import { runConformance } from '../../support/runConformance.js';

const SECRET = 's3cr3t-Pa55';
const withSecret = [`user:${SECRET}`, `${SECRET}`, `user:${encodeURIComponent(`${SECRET}/x`)}`, `user:${SECRET}@evil.test:1`];

/** The message of the UsageError `argv` throws. */
function usageMessage(argv: string[]): string {
  try {
    parseOptions(argv);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error(`no usage error for ${argv.join(' ')}`);
}

describe('credentials in a URL flag', () => {
  it.each(withSecret.flatMap((userinfo) => [
    [['--api', 'hoko', '--target', `hoko=http://${userinfo}@127.0.0.1:4010`]],
    [['--api', 'hoko', '--target', `hoko=http://${userinfo}@127.0.0.1:notaport`]],
    [['--api', 'hoko', '--state-url', `http://${userinfo}@127.0.0.1:4010/states`]],
    [['--spec', `p=http://${userinfo}@127.0.0.1:4010/openapi.json`]],
    [['--spec', `p=http://${userinfo}@example.com/openapi.json`]],
  ]))('%j: a usage error naming the flag, without the secret', (argv) => {
    const message = usageMessage(argv);
    expect(message).toMatch(/^--(target|state-url|spec): /);
    expect(message).toMatch(/credentials|not a URL|not a file or a loopback/);
    expect(message).not.toContain(SECRET);
    expect(message).not.toContain(encodeURIComponent(`${SECRET}/x`));
  });

  it('the CLI exits 2 with one line on stderr that names the URL without its credentials', async () => {
    const { code, stdout, stderr } = await runConformance(['--api', 'hoko', '--target', `hoko=http://user:${SECRET}@127.0.0.1:4010`]);
    expect(code).toBe(2);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/^conformance: --target: 'http:\/\/\[REDACTED\]@127\.0\.0\.1:4010' carries credentials/);
    expect(`${stdout}${stderr}`).not.toContain(SECRET);
  });
});
