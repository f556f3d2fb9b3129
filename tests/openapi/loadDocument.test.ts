import { describe, expect, it } from 'vitest';
import { loadDocument, toOpenApiDocument } from '../../src/openapi/loadDocument.js';
import { fixturePath } from './fixtures.js';

describe('loadDocument', () => {
  it('reads an OpenAPI 3.1 JSON document', async () => {
    const doc = await loadDocument(fixturePath('valid.json'));
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths ?? {})).toContain('/v1/influencers');
  });

  it('names a missing file', async () => {
    const file = fixturePath('does-not-exist.json');
    await expect(loadDocument(file)).rejects.toThrow(`Cannot read OpenAPI document ${file}`);
  });

  it('names a file that is not JSON', async () => {
    const file = fixturePath('not-json.json');
    await expect(loadDocument(file)).rejects.toThrow(`OpenAPI document ${file} is not valid JSON`);
  });

  it('names a file that is not OpenAPI 3.1.x', async () => {
    const file = fixturePath('openapi-3.0.json');
    await expect(loadDocument(file)).rejects.toThrow(`OpenAPI document ${file} is not an OpenAPI 3.1.x document (openapi: "3.0.3")`);
  });
});

describe('toOpenApiDocument', () => {
  it('accepts any 3.1.x version and rejects the rest', () => {
    expect(toOpenApiDocument({ openapi: '3.1.1' }, 'x').openapi).toBe('3.1.1');
    expect(() => toOpenApiDocument({ openapi: '3.10.0' }, 'x')).toThrow('x is not an OpenAPI 3.1.x document');
    expect(() => toOpenApiDocument({ swagger: '2.0' }, 'x')).toThrow('(openapi: undefined)');
    expect(() => toOpenApiDocument([{ openapi: '3.1.0' }], 'x')).toThrow('expected a JSON object');
  });
});
