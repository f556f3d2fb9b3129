// A --spec document whose schemas `$ref` another schema of the document by its `$id`
// (`$ref: 'https://schemas.example.com/person'`, where a component declares that `$id`): a
// reference inside the document (JSON Schema 2020-12 §8.2.1), so it runs and passes against the
// mock. The whole document was refused ("refusing to fetch https://schemas.example.com/person").
import { describe, expect, it } from 'vitest';
import { useDocumentFile } from '../support/documentFile.js';
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
  const documentPath = useDocumentFile('ids', document);

  it('reads it as the schema declaring that $id (and an anchor in it), fetching nothing, and both operations pass', async () => {
    const result = await runConformance(['--spec', `ids=${documentPath()}`]);
    expect(result.stderr).not.toMatch(/refusing to fetch|Cannot load/);
    expect(result.stdout).toMatch(/GET {4}\/person +✓/);
    expect(result.stdout).toMatch(/GET {4}\/name +✓/);
    expect(result.code).toBe(0);
  });
});
