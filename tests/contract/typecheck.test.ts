import { describe, expect, it } from 'vitest';
import { runBin } from '../support/runCommand.js';

describe('TypeScript', () => {
  it('type-checks the whole project, generated clients included (tsc --noEmit, strict)', async () => {
    const result = await runBin('tsc', ['--noEmit', '-p', 'tsconfig.json']);
    expect(result.stdout + result.stderr).toBe('');
    expect(result.code).toBe(0);
  });
});
