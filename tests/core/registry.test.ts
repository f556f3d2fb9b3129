import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadRegistry } from '../../src/core/registry.js';

const dir = mkdtempSync(join(tmpdir(), 'registry-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('loadRegistry', () => {
  it("reads this project's registry: every API with its document and manifest", () => {
    const registry = loadRegistry();
    expect(registry.apis.length).toBeGreaterThan(0);
    for (const api of registry.apis) {
      expect(registry.documentFile(api.name)).toMatch(new RegExp(`generated/${api.name}/openapi\\.json$`));
      expect(api.credentials.apiKey.env).toMatch(/^[A-Z_][A-Z0-9_]*$/);
    }
  });
  it('names the known APIs when asked for another', () => {
    const registry = loadRegistry();
    expect(() => registry.get('nope')).toThrow(/no API named 'nope' in the registry \(known: /);
  });
  it('says which file is wrong: missing, not JSON, or listing no apis', () => {
    expect(() => loadRegistry(join(dir, 'missing'))).toThrow(/cannot read the API registry .*missing\/registry\.json/);
    writeFileSync(join(dir, 'registry.json'), '{ not json');
    expect(() => loadRegistry(dir)).toThrow(/cannot read the API registry/);
    writeFileSync(join(dir, 'registry.json'), '{}');
    expect(() => loadRegistry(dir)).toThrow(/lists no apis/);
  });
});
