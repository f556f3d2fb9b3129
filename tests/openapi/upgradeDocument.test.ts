import { describe, expect, it } from 'vitest';
import { createAjv } from '../../src/openapi/createAjv.js';
import { upgradeDocument, upgradeSchema } from '../../src/openapi/upgradeDocument.js';

const doc30 = (schemas: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  openapi: '3.0.3',
  info: { title: 't', version: '1' },
  paths: {},
  components: { schemas },
  ...extra,
});

describe('upgradeDocument', () => {
  it('returns a 3.1 document unchanged, as the same object', () => {
    const doc = { openapi: '3.1.0', info: { title: 't', version: '1' }, components: { schemas: { A: { type: 'string', nullable: true } } } };
    expect(upgradeDocument(doc)).toBe(doc);
  });

  it('writes openapi 3.1.0 and leaves the input untouched', () => {
    const doc = doc30({ A: { type: 'string', nullable: true } });
    const upgraded = upgradeDocument(doc) as typeof doc;
    expect(upgraded.openapi).toBe('3.1.0');
    expect(doc.components.schemas.A).toEqual({ type: 'string', nullable: true });
  });

  it('turns nullable into a null type, and adds null to an enum', () => {
    expect(upgradeSchema({ type: 'string', nullable: true })).toEqual({ type: ['string', 'null'] });
    expect(upgradeSchema({ type: 'string', enum: ['a', 'b'], nullable: true })).toEqual({ type: ['string', 'null'], enum: ['a', 'b', null] });
    expect(upgradeSchema({ type: 'string', nullable: false })).toEqual({ type: 'string' });
  });

  it('makes null an alternative of the whole schema beside oneOf/anyOf/allOf and $ref', () => {
    const oneOf = upgradeSchema({ nullable: true, oneOf: [{ type: 'object' }, { type: 'array' }] });
    expect(oneOf).toEqual({ anyOf: [{ oneOf: [{ type: 'object' }, { type: 'array' }] }, { type: 'null' }] });
    const ajv = createAjv(undefined, { mode: 'foreign' });
    expect(ajv.validate(oneOf as object, null)).toBe(true);
    expect(ajv.validate(oneOf as object, 'x')).toBe(false);
    expect(upgradeSchema({ $ref: '#/components/schemas/B', nullable: true, description: 'd' }))
      .toEqual({ description: 'd', anyOf: [{ $ref: '#/components/schemas/B' }, { type: 'null' }] });
  });

  it('converts boolean exclusive bounds to numbers', () => {
    expect(upgradeSchema({ type: 'number', minimum: 0, exclusiveMinimum: true, maximum: 9, exclusiveMaximum: false }))
      .toEqual({ type: 'number', exclusiveMinimum: 0, maximum: 9 });
    expect(upgradeSchema({ type: 'number', maximum: 9, exclusiveMaximum: true })).toEqual({ type: 'number', exclusiveMaximum: 9 });
  });

  it('turns a schema example into examples, and drops validation keywords beside a $ref (3.0 ignores them)', () => {
    expect(upgradeSchema({ type: 'integer', example: 3 })).toEqual({ type: 'integer', examples: [3] });
    expect(upgradeSchema({ $ref: '#/x', type: 'string', maxLength: 2, description: 'kept' })).toEqual({ $ref: '#/x', description: 'kept' });
  });

  it('converts nested schemas and schemas of parameters, bodies and responses, but not media type examples', () => {
    const doc = doc30({ A: { type: 'object', properties: { n: { type: 'integer', nullable: true, example: 1 } }, items: undefined } }, {
      paths: {
        '/a': {
          get: {
            parameters: [{ name: 'q', in: 'query', schema: { type: 'string', nullable: true }, example: 'x' }],
            responses: {
              '200': {
                description: 'ok',
                content: { 'application/json': { schema: { type: 'array', items: { type: 'string', nullable: true } }, example: ['a'] } },
              },
            },
          },
        },
      },
    });
    const up = upgradeDocument(doc) as any;
    expect(up.components.schemas.A.properties.n).toEqual({ type: ['integer', 'null'], examples: [1] });
    expect(up.paths['/a'].get.parameters[0]).toEqual({ name: 'q', in: 'query', schema: { type: ['string', 'null'] }, example: 'x' });
    const media = up.paths['/a'].get.responses['200'].content['application/json'];
    expect(media).toEqual({ schema: { type: 'array', items: { type: ['string', 'null'] } }, example: ['a'] });
  });

  it('leaves example values alone even when they contain a "schema" key', () => {
    const doc = doc30({}, { paths: { '/a': { get: { responses: { '200': { description: 'ok', content: { 'application/json': { example: { schema: { nullable: true } } } } } } } } } });
    const up = upgradeDocument(doc) as any;
    expect(up.paths['/a'].get.responses['200'].content['application/json'].example).toEqual({ schema: { nullable: true } });
  });
});
