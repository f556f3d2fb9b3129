import { describe, expect, it } from 'vitest';
import { documentPointerFromAjvUri, rewriteAjvMessage } from '../../src/openapi/ajvErrorLocation.js';
import { createAjv } from '../../src/openapi/createAjv.js';
import type { OpenApiDocument } from '../../src/openapi/loadDocument.js';
import { createSchemaValidator, SchemaCompileError } from '../../src/openapi/schemaValidator.js';

const doc: OpenApiDocument = {
  openapi: '3.1.0',
  paths: {},
  components: {
    schemas: {
      'A B': { type: 'string' },
      Missing: { type: 'object', properties: { z: { $ref: '#/components/schemas/Nope' } } },
      BadPattern: { type: 'object', properties: { z: { $ref: '#/components/schemas/Pattern' } } },
      Pattern: { type: 'string', pattern: '(' },
      UsesBadType: { type: 'object', properties: { z: { $ref: '#/components/schemas/BadType' } } },
      BadType: { type: 'object', properties: { n: { type: 'strin' } } },
    },
  },
};

function compileError(pointer: string): SchemaCompileError {
  const validator = createSchemaValidator(doc, createAjv(doc, { mode: 'foreign' }));
  try {
    validator.compile(pointer);
  } catch (error) {
    return error as SchemaCompileError;
  }
  throw new Error(`${pointer} compiled`);
}

describe('ajv error locations', () => {
  it('reads ajv URIs of the document and of its container as document pointers', () => {
    expect(documentPointerFromAjvUri('https://openapi.invalid/document.json#/components/schemas/A%20B')).toBe('#/components/schemas/A B');
    expect(documentPointerFromAjvUri('https://openapi.invalid/container.json#/$defs/doc/components/schemas/X')).toBe('#/components/schemas/X');
    expect(documentPointerFromAjvUri('https://example.com/other.json#/x')).toBeUndefined();
    expect(rewriteAjvMessage("can't resolve reference https://openapi.invalid/document.json#/components/schemas/Nope from id https://openapi.invalid/document.json"))
      .toBe("can't resolve reference #/components/schemas/Nope");
  });

  it('points a missing $ref at the $ref that names it', () => {
    const error = compileError('#/components/schemas/Missing');
    expect(error).toBeInstanceOf(SchemaCompileError);
    expect(error.pointer).toBe('#/components/schemas/Missing/properties/z/$ref');
    expect(error.message).not.toContain('openapi.invalid');
  });

  it('points a bad regular expression at its pattern, through a $ref', () => {
    expect(compileError('#/components/schemas/BadPattern').pointer).toBe('#/components/schemas/Pattern/pattern');
  });

  it('points an invalid keyword of a referenced schema at that keyword', () => {
    const error = compileError('#/components/schemas/UsesBadType');
    expect(error.pointer).toBe('#/components/schemas/BadType/properties/n/type');
    expect(error.schemaPointer).toBe('#/components/schemas/UsesBadType');
  });
});
