// body-discriminator on a small document with both discriminator shapes: a oneOf whose mapping
// names the branches, and OpenAPI 3.0's allOf inheritance (the base names no branch at all).
import { describe, expect, it } from 'vitest';
import { checkResponse } from '../../../src/conformance/checks/checkResponse.js';
import type { ObservedResponse } from '../../../src/conformance/model.js';
import { toOpenApiDocument } from '../../../src/openapi/loadDocument.js';
import { listOperations } from '../../../src/openapi/operations.js';
import { createSchemaValidator } from '../../../src/openapi/schemaValidator.js';

const json = (schema: unknown) => ({ 'application/json': { schema } });
const doc = toOpenApiDocument(
  {
    openapi: '3.1.0',
    info: { title: 'pets', version: '1' },
    paths: {
      '/pets': { get: { operationId: 'listPets', responses: { '200': { description: 'ok', content: json({ type: 'array', items: { $ref: '#/components/schemas/Pet' } }) } } } },
      '/animals': { get: { operationId: 'getAnimal', responses: { '200': { description: 'ok', content: json({ $ref: '#/components/schemas/Animal' }) } } } },
    },
    components: {
      schemas: {
        Pet: { oneOf: [{ $ref: '#/components/schemas/Cat' }, { $ref: '#/components/schemas/Dog' }], discriminator: { propertyName: 'petType', mapping: { cat: '#/components/schemas/Cat', dog: 'Dog' } } },
        Cat: { type: 'object', additionalProperties: false, required: ['petType', 'name'], properties: { petType: { type: 'string' }, name: { type: 'string' }, huntingSkill: { type: 'string' } } },
        Dog: { type: 'object', required: ['petType', 'name', 'packSize'], properties: { petType: { type: 'string' }, name: { type: 'string' }, packSize: { type: 'integer' } } },
        Animal: { type: 'object', required: ['kind'], properties: { kind: { type: 'string' } }, discriminator: { propertyName: 'kind' } },
        Bird: { allOf: [{ $ref: '#/components/schemas/Animal' }, { type: 'object', required: ['wingspan'], properties: { wingspan: { type: 'number' } } }] },
      },
    },
  },
  'pets',
);
const validator = createSchemaValidator(doc);
const [listPets, getAnimal] = listOperations(doc);
const answer = (body: unknown): ObservedResponse => ({ status: 200, headers: { 'content-type': 'application/json' }, bodyText: JSON.stringify(body) });
const failures = (operation: typeof listPets, body: unknown) =>
  checkResponse({ operation: operation!, doc, validator, expect: { statuses: [] }, target: 'live', response: answer(body) }).map((f) => `[${f.rule}] ${f.message}`);

describe('body-discriminator', () => {
  it('passes objects valid against the schema their tag names', () => {
    expect(failures(listPets, [{ petType: 'cat', name: 'Tom' }, { petType: 'dog', name: 'Rex', packSize: 2 }])).toEqual([]);
    expect(failures(getAnimal, { kind: 'Bird', wingspan: 0.3 })).toEqual([]);
  });

  it('fails an object tagged dog that is only a valid Cat (oneOf alone accepts it)', () => {
    expect(failures(listPets, [{ petType: 'dog', name: 'Tom', huntingSkill: 'lazy' }])).toEqual([
      "[body-discriminator] body/0 has petType 'dog' but is not a valid Dog: body/0 must have required property 'packSize'",
    ]);
  });

  it('fails an object whose tag names a schema that inherits the base (allOf) and whose rules it breaks', () => {
    expect(failures(getAnimal, { kind: 'Bird' })).toEqual(["[body-discriminator] body has kind 'Bird' but is not a valid Bird: body must have required property 'wingspan'"]);
  });

  it('says nothing of a tag the document cannot resolve (left to oneOf and anyOf)', () => {
    expect(failures(getAnimal, { kind: 'Fish' })).toEqual([]);
  });
});
