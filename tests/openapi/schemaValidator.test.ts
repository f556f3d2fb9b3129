import { beforeAll, describe, expect, it } from 'vitest';
import type { OpenApiDocument } from '../../src/openapi/loadDocument.js';
import { createSchemaValidator } from '../../src/openapi/schemaValidator.js';
import { loadFixture, withValue } from './fixtures.js';

let doc: OpenApiDocument;
beforeAll(async () => {
  doc = await loadFixture('valid.json');
});

const ava = {
  id: '3fa85f64-5717-4562-b3fc-2c963f66afa6',
  name: 'Ava Chen',
  ageRange: null,
  createdAt: '2024-02-29T08:30:00Z',
};
const PAGE_SCHEMA = '#/paths/~1v1~1influencers/get/responses/200/content/application~1json/schema';

describe('createSchemaValidator', () => {
  it('validates against a component schema, resolving its $refs into the document', () => {
    const validator = createSchemaValidator(doc);
    expect(validator.validate('#/components/schemas/Influencer', ava)).toEqual([]);
    // `id` is `{ $ref: '#/components/schemas/Uuid' }`: its format error proves the $ref was followed.
    expect(validator.validate('#/components/schemas/Influencer', { ...ava, id: 'nope' })).toEqual([
      {
        instancePath: '/id',
        message: 'must match format "uuid"',
        keyword: 'format',
        params: { format: 'uuid' },
        schemaPath: '#/components/schemas/Uuid/format',
      },
    ]);
  });

  it('validates against an inline schema under a path, named by an escaped pointer', () => {
    const validator = createSchemaValidator(doc);
    expect(validator.validate(PAGE_SCHEMA, { items: [ava], nextCursor: 'c_2' })).toEqual([]);
    const errors = validator.validate(PAGE_SCHEMA, { items: [{ ...ava, createdAt: 'yesterday' }], nextCursor: 5, extra: true });
    expect(errors.map((e) => [e.instancePath, e.keyword, e.message])).toEqual([
      ['', 'additionalProperties', 'must NOT have additional properties'],
      ['/items/0/createdAt', 'format', 'must match format "date-time"'],
      ['/nextCursor', 'type', 'must be string,null'],
    ]);
  });

  it('accepts null for type [string, "null"] and nothing else outside the enum', () => {
    const validator = createSchemaValidator(doc);
    expect(validator.validate('#/components/schemas/Influencer/properties/ageRange', null)).toEqual([]);
    expect(validator.validate('#/components/schemas/Influencer/properties/ageRange', '90+')[0]?.keyword).toBe('enum');
    expect(validator.validate('#/components/schemas/Influencer/properties/name', null)[0]?.keyword).toBe('type');
  });

  it('validateBounded returns the first errors only, and counts them all', () => {
    const validator = createSchemaValidator(doc);
    const manyBad = { items: Array.from({ length: 50 }, () => ({ ...ava, createdAt: 'yesterday' })), nextCursor: null };
    const all = validator.validate(PAGE_SCHEMA, manyBad);
    expect(all).toHaveLength(50);
    const bounded = validator.validateBounded(PAGE_SCHEMA, manyBad, 3);
    expect(bounded.total).toBe(50);
    expect(bounded.errors).toEqual(all.slice(0, 3));
    expect(validator.validateBounded(PAGE_SCHEMA, { items: [ava], nextCursor: null }, 3)).toEqual({ errors: [], total: 0 });
  });

  it('compiles each pointer once', () => {
    const validator = createSchemaValidator(doc);
    expect(validator.compile('#/components/schemas/Uuid')).toBe(validator.compile('#/components/schemas/Uuid'));
  });

  it('handles schema names that need percent-encoding in a URI', () => {
    const odd = withValue(doc, '#/components/schemas/Odd name {50%}', { $ref: '#/components/schemas/Uuid' });
    const validator = createSchemaValidator(odd);
    expect(validator.validate('#/components/schemas/Odd name {50%}', '3fa85f64-5717-4562-b3fc-2c963f66afa6')).toEqual([]);
    expect(validator.validate('#/components/schemas/Odd name {50%}', 'x')[0]?.keyword).toBe('format');
  });

  it('leaves the document unchanged', () => {
    const before = structuredClone(doc);
    createSchemaValidator(doc).validate('#/components/schemas/Influencer', ava);
    expect(doc).toEqual(before);
  });

  it('throws naming the pointer when there is no schema there', () => {
    expect(() => createSchemaValidator(doc).compile('#/components/schemas/Nope')).toThrow('No schema at #/components/schemas/Nope');
  });

  it('throws on a genuinely unknown keyword instead of ignoring it', () => {
    const broken = withValue(doc, '#/components/parameters/Limit/schema/minimumm', 1);
    expect(() => createSchemaValidator(broken).validate('#/components/parameters/Limit/schema', 0)).toThrow(
      'Cannot compile schema at #/components/parameters/Limit/schema: strict mode: unknown keyword: "minimumm"',
    );
  });

  it('throws on an unknown keyword in a schema reached through a $ref', () => {
    const broken = withValue(doc, '#/components/schemas/Uuid/minimumm', 1);
    expect(() => createSchemaValidator(broken).compile('#/components/schemas/Influencer')).toThrow(/unknown keyword: "minimumm"/);
  });

  it('throws on a schema that is not valid JSON Schema', () => {
    const broken = withValue(doc, '#/components/schemas/Influencer/required', 'id');
    expect(() => createSchemaValidator(broken).compile('#/components/schemas/Influencer')).toThrow(
      'Schema at #/components/schemas/Influencer is not valid JSON Schema 2020-12: data/required must be array',
    );
  });

  it('throws naming a dangling $ref inside the schema', () => {
    const broken = withValue(doc, '#/components/schemas/Influencer/properties/id', { $ref: '#/components/schemas/Nope' });
    expect(() => createSchemaValidator(broken).compile('#/components/schemas/Influencer')).toThrow(
      /Cannot compile schema at #\/components\/schemas\/Influencer: .*#\/components\/schemas\/Nope/,
    );
  });
});

describe('createSchemaValidator: ids in examples', () => {
  it("reads a document whose example value holds a JSON Schema with an $id that is no URI (Okta's log stream schema example: http://{yourOktaDomain}/…, which ajv stopped on: 'URI host is malformed')", async () => {
    const { toOpenApiDocument } = await import('../../src/openapi/loadDocument.js');
    const { createAjv } = await import('../../src/openapi/createAjv.js');
    const stored = { $schema: 'https://json-schema.org/draft/2020-12/schema', $id: 'http://{yourOktaDomain}/api/v1/meta/schemas/logStream/aws', type: 'object' };
    const doc = toOpenApiDocument(
      {
        openapi: '3.1.0',
        info: { title: 'ids', version: '1' },
        components: {
          examples: { Schema: { value: stored } },
          schemas: { LogStreamSchema: { type: 'object', properties: { $id: { type: 'string' }, example: { type: 'string' } }, required: ['example'], example: stored } },
        },
        paths: { '/schemas': { get: { responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/LogStreamSchema' }, example: stored } } } } } } },
      },
      'inline document',
    );
    const validator = createSchemaValidator(doc, createAjv(doc, { mode: 'foreign' }));
    expect(validator.validate('#/components/schemas/LogStreamSchema', { $id: 'x', example: 'y' })).toEqual([]);
    expect(validator.validate('#/components/schemas/LogStreamSchema', { $id: 'x' }).map((e) => e.keyword)).toEqual(['required']);
  });
});
