// OpenAPI 3.1 schemas may be written in another JSON Schema dialect (`$schema`, or the document's
// `jsonSchemaDialect`); the suite validates 2020-12 only, so those are found and named.
import { describe, expect, it } from 'vitest';
import { toOpenApiDocument } from '../../src/openapi/loadDocument.js';
import { foreignDialect } from '../../src/openapi/schemaDialect.js';

const DRAFT4 = 'http://json-schema.org/draft-04/schema#';
const doc = (extra: Record<string, unknown>, schemas: Record<string, unknown>) =>
  toOpenApiDocument({ openapi: '3.1.0', info: { title: 't', version: '1' }, paths: {}, ...extra, components: { schemas } }, 'inline');

describe('foreignDialect', () => {
  it('finds a $schema of another dialect in the schema or behind its $refs', () => {
    const d = doc({}, { A: { type: 'object', properties: { b: { $ref: '#/components/schemas/B' } } }, B: { $schema: DRAFT4, type: 'number', exclusiveMinimum: true, minimum: 1 } });
    expect(foreignDialect(d, '#/components/schemas/A')).toEqual({ uri: DRAFT4, pointer: '#/components/schemas/B' });
  });

  it("reads the document's jsonSchemaDialect, unless the schema names its own known dialect", () => {
    const d = doc({ jsonSchemaDialect: DRAFT4 }, { A: { type: 'number' }, B: { $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'number' } });
    expect(foreignDialect(d, '#/components/schemas/A')).toEqual({ uri: DRAFT4, pointer: '#/jsonSchemaDialect' });
    expect(foreignDialect(d, '#/components/schemas/B')).toBeUndefined();
  });

  it('accepts 2020-12 and the OpenAPI dialects, and ignores a $schema member of an example or a property named $schema', () => {
    const d = doc({ jsonSchemaDialect: 'https://spec.openapis.org/oas/3.1/dialect/base' }, {
      A: { $schema: 'https://json-schema.org/draft/2020-12/schema#', type: 'object', properties: { $schema: { type: 'string' } }, example: { $schema: DRAFT4 } },
      B: { type: 'string', default: { $schema: DRAFT4 } },
    });
    expect(foreignDialect(d, '#/components/schemas/A')).toBeUndefined();
    expect(foreignDialect(d, '#/components/schemas/B')).toBeUndefined();
  });
});
