// A sampled value is made valid by leaving out optional parts, and never called valid when it is not.
import { describe, expect, it } from 'vitest';
import { pruneToValid } from '../../../src/conformance/cases/pruneSample.js';
import { createAjv } from '../../../src/openapi/createAjv.js';
import { toOpenApiDocument } from '../../../src/openapi/loadDocument.js';
import { createSchemaValidator } from '../../../src/openapi/schemaValidator.js';

const doc = toOpenApiDocument(
  {
    openapi: '3.1.0',
    info: { title: 'inline', version: '1' },
    paths: {},
    components: {
      schemas: {
        Node: { type: 'object', required: ['name'], properties: { name: { type: 'string' }, children: { type: 'array', items: { $ref: '#/components/schemas/Node' } }, parent: { $ref: '#/components/schemas/Node' } } },
        Strict: { type: 'object', required: ['id'], properties: { id: { type: 'string', format: 'uuid' } } },
      },
    },
  },
  'inline',
);
const validator = createSchemaValidator(doc, createAjv(doc, { mode: 'foreign' }));
const errorsOf = (pointer: string) => (value: unknown) => validator.validate(pointer, value);

describe('pruneToValid', () => {
  it('leaves out the recursion cuts of a recursive schema (an empty child, an empty parent)', () => {
    const sampled = { name: 'root', children: [{}, { name: 'kid' }], parent: {} };
    expect(pruneToValid(sampled, errorsOf('#/components/schemas/Node'))).toEqual({ name: 'root', children: [{ name: 'kid' }] });
  });

  it('keeps a value that is already valid as it is', () => {
    const valid = { name: 'a', children: [{ name: 'b' }] };
    expect(pruneToValid(valid, errorsOf('#/components/schemas/Node'))).toEqual(valid);
  });

  it('does not remove a required property to hide its error: the value stays invalid', () => {
    const sampled = { id: 'not-a-uuid' };
    const pruned = pruneToValid(sampled, errorsOf('#/components/schemas/Strict'));
    expect(errorsOf('#/components/schemas/Strict')(pruned)).not.toEqual([]);
  });
});
