// A --spec document whose example holds a lone surrogate (half of a UTF-16 pair, no UTF-8): the
// value travels with U+FFFD, as a URL writes it, instead of ending the run with URIError.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runConformance } from '../support/runConformance.js';

describe('a --spec document whose path example holds a lone surrogate', () => {
  it("runs (the value travels with U+FFFD, as a URL writes it) instead of ending as 'unexpected error: URI malformed'", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'surrogate-'));
    try {
      const doc = { openapi: '3.0.3', info: { title: 's', version: '1' }, paths: { '/a/{id}': { get: { parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' }, example: 'x\uD800y' }], responses: { '200': { description: 'ok' } } } } } };
      await writeFile(join(dir, 'openapi.json'), JSON.stringify(doc));
      const result = await runConformance(['--spec', `s=${join(dir, 'openapi.json')}`]);
      expect(result.stderr).not.toMatch(/unexpected error/);
      expect(result.code).toBe(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
