// Every script command (generate, docs, diff, bench) given a flag it does not know, a flag without
// its value or an argument it takes none of: one line on stderr naming it, exit 2 (a usage error,
// as the conformance and sandbox CLIs answer), no stack trace, and nothing run.
import { describe, expect, it } from 'vitest';
import { runBin } from '../support/runCommand.js';

const COMMANDS = ['generate', 'docs', 'diff', 'bench'] as const;
const BAD: Array<[string, string[], RegExp]> = [
  ['an unknown flag', ['--bogus'], /--bogus/],
  ['a positional argument', ['extra'], /extra/],
];

describe('script usage errors', () => {
  for (const command of COMMANDS) {
    it.each(BAD)(`${command}: %s is one line on stderr and exit 2`, async (_, args, named) => {
      const { code, stdout, stderr } = await runBin('tsx', [`scripts/${command}/main.ts`, ...args], { timeoutMs: 60_000 });
      expect(code, `${stdout}\n${stderr}`).toBe(2);
      expect(stdout).toBe('');
      expect(stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(stderr).toMatch(new RegExp(`^${command}: `));
      expect(stderr).toMatch(named);
      expect(stderr).not.toMatch(/\n\s+at /);
    }, 60_000);
  }

  // Node's recursive mkdir never settles under /proc: both commands hung there before.
  for (const command of ['generate', 'docs'] as const) {
    it.each([
      ['/proc/conformance-out', /--out: cannot create the folder '\/proc\/conformance-out': the file system there takes no new folders/],
      ['package.json/inside', /--out: cannot read '[^']*package\.json\/inside': a part of the path is a file, not a folder/],
    ])(`${command}: an --out folder that cannot be made (%s) is one line naming it and exit 2`, async (out, message) => {
      const { code, stdout, stderr } = await runBin('tsx', [`scripts/${command}/main.ts`, '--out', out], { timeoutMs: 60_000 });
      expect(code, `${stdout}\n${stderr}`).toBe(2);
      expect(stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(stderr).toMatch(message);
    }, 60_000);
  }

  it('generate: --out without its value is one line and exit 2', async () => {
    const { code, stderr } = await runBin('tsx', ['scripts/generate/main.ts', '--out'], { timeoutMs: 60_000 });
    expect(code).toBe(2);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/--out/);
  }, 60_000);
});
