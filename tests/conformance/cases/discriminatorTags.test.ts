// A body the suite samples (no example documents one) carries discriminator tags that name a
// schema the object is valid against: openapi-sampler knows no discriminator and writes a tag typed
// `string` as "string", which a server dispatching on the tag refuses. And a documented request
// example whose tag names a schema it breaks is the document's defect, not a request to send.
import { describe, expect, it } from 'vitest';
import { deriveCases } from '../../../src/conformance/cases/deriveCases.js';
import { foreignApi, json, ok } from './foreignDocument.js';

const invalid = { '400': { description: 'invalid' } };
const cat = { type: 'object', required: ['petType', 'meows'], properties: { petType: { type: 'string' }, meows: { type: 'boolean' } } };
const dog = { type: 'object', required: ['petType', 'barks'], properties: { petType: { type: 'string' }, barks: { type: 'boolean' } }, additionalProperties: false };

const post = (schema: unknown, extra: Record<string, unknown> = {}) => ({ '/pets': { post: { requestBody: { required: true, content: json(schema, extra) }, responses: { ...ok, ...invalid } } } });
const sampledBody = async (doc: Record<string, unknown>) => deriveCases(await foreignApi(doc)).find((c) => c.id.endsWith('valid sampled'))?.request.body;

describe('discriminator tags of a sampled request body', () => {
  it("are the mapping key of the branch the body is valid against, not openapi-sampler's \"string\"", async () => {
    const pet = { oneOf: [{ $ref: '#/components/schemas/Cat' }, { $ref: '#/components/schemas/Dog' }], discriminator: { propertyName: 'petType', mapping: { cat: '#/components/schemas/Cat', dog: '#/components/schemas/Dog' } } };
    expect(await sampledBody({ paths: post({ $ref: '#/components/schemas/Pet' }), components: { schemas: { Pet: pet, Cat: cat, Dog: dog } } })).toEqual({ json: { petType: 'cat', meows: true } });
  });

  it('are the component name of the branch where no mapping is given', async () => {
    const pet = { oneOf: [{ $ref: '#/components/schemas/Dog' }, { $ref: '#/components/schemas/Cat' }], discriminator: { propertyName: 'petType' } };
    expect(await sampledBody({ paths: post({ $ref: '#/components/schemas/Pet' }), components: { schemas: { Pet: pet, Cat: cat, Dog: dog } } })).toEqual({ json: { petType: 'Dog', barks: true } });
  });

  it('are the name of the component that extends the discriminating schema through allOf (OpenAPI 3.0 inheritance)', async () => {
    const pet = { type: 'object', required: ['petType'], properties: { petType: { type: 'string' } }, discriminator: { propertyName: 'petType' } };
    const extended = { allOf: [{ $ref: '#/components/schemas/Pet' }, { type: 'object', required: ['meows'], properties: { meows: { type: 'boolean' } } }] };
    expect(await sampledBody({ paths: post({ $ref: '#/components/schemas/Cat' }), components: { schemas: { Pet: pet, Cat: extended } } })).toEqual({ json: { petType: 'Cat', meows: true } });
  });

  it('are left as sampled where they already name a schema the body is valid against, or where no tag would', async () => {
    const enumCat = { ...cat, properties: { ...cat.properties, petType: { type: 'string', enum: ['Cat'] } } };
    const pet = { oneOf: [{ $ref: '#/components/schemas/Cat' }], discriminator: { propertyName: 'petType' } };
    expect(await sampledBody({ paths: post({ $ref: '#/components/schemas/Pet' }), components: { schemas: { Pet: pet, Cat: enumCat } } })).toEqual({ json: { petType: 'Cat', meows: true } });
    // Inline branches name no schema a tag could name: the sample is sent as it is.
    const inline = { oneOf: [cat], discriminator: { propertyName: 'petType' } };
    expect(await sampledBody({ paths: post(inline) })).toEqual({ json: { petType: 'string', meows: true } });
  });
});

describe('a documented request example whose discriminator tag names a schema it breaks', () => {
  it('is a document defect, named at the example, and not sent', async () => {
    const pet = { oneOf: [{ $ref: '#/components/schemas/Cat' }, { $ref: '#/components/schemas/Dog' }], discriminator: { propertyName: 'petType', mapping: { cat: '#/components/schemas/Cat', dog: '#/components/schemas/Dog' } } };
    // a valid Cat to ajv (oneOf: Dog refuses the extra member), but its tag says Dog
    const examples = { mislabelled: { value: { petType: 'dog', meows: true } }, good: { value: { petType: 'cat', meows: false } } };
    const cases = deriveCases(await foreignApi({ paths: post({ $ref: '#/components/schemas/Pet' }, { examples }), components: { schemas: { Pet: pet, Cat: cat, Dog: dog } } }));
    const defect = cases.find((c) => c.id.includes("document-example body example 'mislabelled'"));
    expect(defect?.preflight?.reason).toMatch(/request example 'mislabelled' is invalid against the schema its discriminator names: the example has petType 'dog' but is not a valid Dog/);
    expect(cases.filter((c) => c.kind === 'positive').map((c) => c.request.body)).toContainEqual({ json: { petType: 'cat', meows: false } });
    expect(cases.filter((c) => c.kind === 'positive').map((c) => c.request.body)).not.toContainEqual({ json: { petType: 'dog', meows: true } });
  });
});
