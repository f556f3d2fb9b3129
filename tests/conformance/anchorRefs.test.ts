// A --spec document whose schemas `$ref` a JSON Schema 2020-12 `$anchor` (`$ref: '#val'`, a plain-name
// fragment, not a JSON pointer): valid OpenAPI 3.1, so its operation runs and passes against the
// mock (it failed as a "document defect": Not a JSON pointer: "#val").
import { describe, expect, it } from 'vitest';
import { useDocumentFile } from '../support/documentFile.js';
import { runConformance } from '../support/runConformance.js';

const document = {
  openapi: '3.1.0',
  info: { title: 'anchors', version: '1' },
  paths: {
    '/tree': {
      get: {
        operationId: 'tree',
        responses: {
          '200': {
            description: 'ok',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Tree' }, example: { value: 'root', pair: [1, 'leaf'] } } },
          },
        },
      },
    },
  },
  components: {
    schemas: {
      Tree: {
        type: 'object',
        required: ['value'],
        properties: {
          value: { $ref: '#label' },
          pair: { type: 'array', prefixItems: [{ type: 'integer' }, { $ref: '#label' }], items: false },
        },
        unevaluatedProperties: false,
      },
      Label: { $anchor: 'label', type: 'string', minLength: 1 },
    },
  },
};

describe('a --spec document whose $ref names an $anchor', () => {
  const documentPath = useDocumentFile('anchors', document);

  it('reads the anchor as the schema that declares it, and the operation passes', async () => {
    const result = await runConformance(['--spec', `anchors=${documentPath()}`]);
    expect(result.stdout).not.toMatch(/Not a JSON pointer/);
    expect(result.stdout).toMatch(/GET {4}\/tree +✓/);
    expect(result.code).toBe(0);
  });
});
