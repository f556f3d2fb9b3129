// A --spec document whose schemas `$ref` another schema of the document by its `$id`
// (`$ref: 'https://schemas.example.com/person'`, where a component declares that `$id`): a
// reference inside the document (JSON Schema 2020-12 §8.2.1), so it runs and passes against the
// mock. The whole document was refused ("refusing to fetch https://schemas.example.com/person").
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runConformance } from '../support/runConformance.js';

const person = { $id: 'https://schemas.example.com/person', type: 'object', required: ['name'], properties: { name: { $anchor: 'name', type: 'string', minLength: 1 } } };
const document = {
  openapi: '3.1.0',
  info: { title: 'ids', version: '1' },
  paths: {
    '/person': { get: { operationId: 'person', responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: 'https://schemas.example.com/person' }, example: { name: 'Ada' } } } } } } },
    '/name': { get: { operationId: 'name', responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: 'https://schemas.example.com/person#name' }, example: 'Ada' } } } } } },
  },
  components: { schemas: { Person: person } },
};

describe('a --spec document whose $ref names a schema of it by its $id', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ids-'));
    await writeFile(join(dir, 'openapi.json'), JSON.stringify(document));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('reads it as the schema declaring that $id (and an anchor in it), fetching nothing, and both operations pass', async () => {
    const result = await runConformance(['--spec', `ids=${join(dir, 'openapi.json')}`]);
    expect(result.stderr).not.toMatch(/refusing to fetch|Cannot load/);
    expect(result.stdout).toMatch(/GET {4}\/person +✓/);
    expect(result.stdout).toMatch(/GET {4}\/name +✓/);
    expect(result.code).toBe(0);
  });
});
