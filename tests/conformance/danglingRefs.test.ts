// A --spec document with a $ref that names nothing in it: the operation that needs it fails as the
// document's defect, naming the pointer, and the rest of the document is still run (the whole
// document was refused: pb33f's all-the-components, a link to a component that is not there).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useDocumentFile } from '../support/documentFile.js';
import { runConformance } from '../support/runConformance.js';

const ok = (extra: Record<string, unknown> = {}) => ({ '200': { description: 'ok', content: { 'application/json': { schema: { type: 'string' }, example: 'ok' } }, ...extra } });
const document = {
  openapi: '3.0.3',
  info: { title: 'dangling', version: '1' },
  paths: {
    '/broken': { get: { operationId: 'broken', responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/Missing' } } } } } } },
    '/linked': { get: { operationId: 'linked', responses: ok({ links: { next: { $ref: '#/components/links/missing' } } }) } },
  },
  components: { schemas: { Present: { type: 'string' } } },
};

describe('a --spec document with a $ref that names nothing in it', () => {
  const documentPath = useDocumentFile('dangling', document);

  it('fails only the operation that needs it, naming the pointer, notes the others, and runs the rest', async () => {
    const result = await runConformance(['--spec', `dangling=${documentPath()}`]);
    expect(result.stderr).not.toMatch(/Cannot load/);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/GET {4}\/linked +✓/);
    expect(result.stdout).toMatch(/✗ GET \/broken {2}document defect[\s\S]*#\/components\/schemas\/Missing/);
    expect(result.stdout).toContain("note: the document's #/paths/~1linked/get/responses/200/links/next/$ref is #/components/links/missing, which names nothing in the document");
    expect(result.stdout).not.toContain("note: the document's #/paths/~1broken");
  });

  it("reads a $ref naming the document's own file and a pointer to nothing in it as a local one: that operation fails, the rest runs", async () => {
    const own = {
      ...document,
      paths: {
        '/own': { get: { operationId: 'own', responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: 'openapi.json#/components/schemas/Present' }, example: 'ok' } } } } } },
        '/broken': { get: { operationId: 'broken', responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: 'openapi.json#/components/schemas/Missing' } } } } } } },
      },
    };
    const ownDir = await mkdtemp(join(tmpdir(), 'dangling-own-'));
    try {
      await writeFile(join(ownDir, 'openapi.json'), JSON.stringify(own));
      const result = await runConformance(['--spec', `dangling=${join(ownDir, 'openapi.json')}`]);
      expect(result.stderr).not.toMatch(/Cannot load/);
      expect(result.stdout).toMatch(/GET {4}\/own +✓/);
      expect(result.stdout).toMatch(/✗ GET \/broken {2}document defect[\s\S]*#\/components\/schemas\/Missing/);
      expect(result.code).toBe(1);
    } finally {
      await rm(ownDir, { recursive: true, force: true });
    }
  });
});
