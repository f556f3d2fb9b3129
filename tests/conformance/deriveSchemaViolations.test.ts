import { isDeepStrictEqual } from 'node:util';
import { beforeAll, describe, expect, test } from 'vitest';
import { parameterExample } from '../../src/conformance/cases/buildValidRequest.js';
import { deriveSchemaViolations, type Violation } from '../../src/conformance/cases/deriveSchemaViolations.js';
import { childPointer, decodePointer } from '../../src/openapi/jsonPointer.js';
import { loadDocument, toOpenApiDocument, type OpenApiDocument } from '../../src/openapi/loadDocument.js';
import { getOperation, listOperations } from '../../src/openapi/operations.js';
import { createSchemaValidator, type SchemaValidator } from '../../src/openapi/schemaValidator.js';

interface Api {
  doc: OpenApiDocument;
  validator: SchemaValidator;
}

async function load(name: string): Promise<Api> {
  const doc = await loadDocument(`generated/${name}/openapi.json`);
  return { doc, validator: createSchemaValidator(doc) };
}

let layers: Api;
let ayrshare: Api;
let hoko: Api;
beforeAll(async () => {
  [layers, ayrshare, hoko] = await Promise.all([load('layers'), load('ayrshare'), load('hoko')]);
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function requestSchema(api: Api, method: 'patch' | 'delete', path: string): string {
  const pointer = getOperation(api.doc, method, path).schemaPointer('request');
  if (!pointer) throw new Error(`no request schema for ${method} ${path}`);
  return pointer;
}

function find(violations: Violation[], instancePath: string, keyword: string): Violation | undefined {
  return violations.find((v) => v.instancePath === instancePath && v.keyword === keyword);
}

/** `value` with whatever sits at `instancePath` put back as in `original` (removed when absent there). */
function restore(value: unknown, instancePath: string, original: unknown): unknown {
  const tokens = decodePointer(instancePath);
  if (tokens.length === 0) return original;
  const copy = structuredClone(value) as Record<string, unknown>;
  let target: Record<string, unknown> = copy;
  let source = original as Record<string, unknown> | undefined;
  for (const token of tokens.slice(0, -1)) {
    target = target[token] as Record<string, unknown>;
    source = source?.[token] as Record<string, unknown> | undefined;
  }
  const last = tokens[tokens.length - 1]!;
  if (source && Object.hasOwn(source, last)) target[last] = structuredClone(source[last]);
  else delete target[last];
  return copy;
}

/** Every violation is rejected, differs from the valid value, and only at its instancePath; (instancePath, rule) is unique. */
function expectSound(api: Api, pointer: string, valid: unknown, violations: Violation[]): void {
  expect(violations.length).toBeGreaterThan(0);
  for (const v of violations) {
    expect(api.validator.validate(pointer, v.value), `${v.instancePath} ${v.rule} should be rejected`).not.toEqual([]);
    expect(isDeepStrictEqual(v.value, valid), `${v.instancePath} ${v.rule} changes something`).toBe(false);
    expect(restore(v.value, v.instancePath, valid), `${v.instancePath} ${v.rule} changes only ${v.instancePath || 'the root'}`).toEqual(valid);
    expect(v.field).toBe(Array.isArray(valid) ? '' : (decodePointer(v.instancePath)[0] ?? ''));
  }
  const keys = violations.map((v) => `${v.instancePath} ${v.rule}`);
  expect(new Set(keys).size).toBe(keys.length);
}

describe('deriveSchemaViolations on a JSON body', () => {
  test('Layers PATCH influencer: one violation per constraint, present and added optional fields', () => {
    const pointer = requestSchema(layers, 'patch', '/v1/influencers/{influencerId}');
    const valid = { brandVoice: 'casual', language: 'es-MX' };
    const violations = deriveSchemaViolations(layers.validator, layers.doc, pointer, valid);
    expectSound(layers, pointer, valid, violations);

    expect(find(violations, '/brandVoice', 'enum')?.rule).toBe('enum (authentic|witty|professional|warm|casual|educational)');
    expect(find(violations, '/brandVoice', 'type')).toMatchObject({ rule: 'type string→number', field: 'brandVoice', value: { brandVoice: 12345, language: 'es-MX' } });
    expect(find(violations, '/language', 'pattern')?.value).toMatchObject({ language: expect.any(String) });
    expect(find(violations, '/__unknown_property', 'additionalProperties')?.value).toEqual({ ...valid, __unknown_property: 'x' });

    const tooLong = find(violations, '/name', 'maxLength');
    expect(tooLong?.rule).toBe('maxLength 128');
    expect([...((tooLong?.value as { name: string }).name)]).toHaveLength(129);
    expect(find(violations, '/name', 'minLength')).toMatchObject({ rule: 'minLength 1', value: { ...valid, name: '' } });

    expect(find(violations, '/gender', 'enum')?.rule).toBe('enum (male|female|non_binary)');
    expect(find(violations, '/gender', 'null')?.value).toEqual({ ...valid, gender: null });
    expect(find(violations, '/ageRange', 'enum')).toBeDefined();
    expect(find(violations, '/ageRange', 'null')).toBeUndefined(); // null clears the age range: allowed
    expect(find(violations, '', 'minProperties')).toMatchObject({ rule: 'minProperties 1', field: '', value: {} });
  });

  test('Layers DELETE influencer: reason maxLength and type, unknown property', () => {
    const pointer = requestSchema(layers, 'delete', '/v1/influencers/{influencerId}');
    const valid = { reason: 'x' };
    const violations = deriveSchemaViolations(layers.validator, layers.doc, pointer, valid);
    expectSound(layers, pointer, valid, violations);

    expect(find(violations, '/reason', 'maxLength')).toMatchObject({ rule: 'maxLength 1024', value: { reason: 'x'.repeat(1025) } });
    expect(find(violations, '/reason', 'type')?.value).toEqual({ reason: 12345 });
    expect(find(violations, '/__unknown_property', 'additionalProperties')).toBeDefined();
  });

  test('Hoko partner ids: minItems, maxItems with 10,001 distinct uuids, item format, root type', () => {
    const pointer = requestSchema(hoko, 'delete', '/api/partners');
    const valid = ['550e8400-e29b-41d4-a716-446655440000'];
    const violations = deriveSchemaViolations(hoko.validator, hoko.doc, pointer, valid);
    expectSound(hoko, pointer, valid, violations);

    expect(find(violations, '', 'minItems')?.value).toEqual([]);
    const tooMany = find(violations, '', 'maxItems')?.value as string[];
    expect(tooMany).toHaveLength(10_001);
    expect(tooMany.every((id) => UUID.test(id))).toBe(true);
    expect(new Set(tooMany).size).toBe(10_001);
    expect(tooMany[0]).toBe(valid[0]);

    const format = find(violations, '/0', 'format');
    expect(format?.rule).toBe('format uuid');
    expect(UUID.test((format?.value as unknown[])[0] as string)).toBe(false);
    expect(find(violations, '/0', 'format')?.field).toBe('');
    expect(find(violations, '', 'type')?.value).toEqual({});
  });

  test('Ayrshare delete post (anyOf of three forms): the by-id form is broken, nothing accepted is returned', () => {
    const pointer = requestSchema(ayrshare, 'delete', '/api/post');
    const valid = { id: 'p8Ee6xDPx8PRxsjtDXf3' };
    const violations = deriveSchemaViolations(ayrshare.validator, ayrshare.doc, pointer, valid);
    expectSound(ayrshare, pointer, valid, violations);

    expect(find(violations, '/id', 'type')?.value).toEqual({ id: 12345 });
    expect(find(violations, '/id', 'minLength')?.value).toEqual({ id: '' });
    expect(find(violations, '/markManualDeleted', 'type')?.value).toEqual({ ...valid, markManualDeleted: 'true' });
    expect(find(violations, '/deleteAllScheduled', 'type')?.value).toEqual({ ...valid, deleteAllScheduled: 'true' });
    // `deleteAllScheduled: true` selects the delete-all form, where any `id` is accepted: not a violation.
    expect(violations.some((v) => (v.value as { deleteAllScheduled?: unknown } | null)?.deleteAllScheduled === true)).toBe(false);
    // `bulk` beside `id` is accepted (the vendor does not forbid it); only a `bulk` that is no list breaks it.
    expect(find(violations, '/bulk', 'type')?.value).toEqual({ ...valid, bulk: {} });
  });

  test('throws naming the schema pointer when the valid value is invalid', () => {
    const pointer = requestSchema(layers, 'patch', '/v1/influencers/{influencerId}');
    expect(() => deriveSchemaViolations(layers.validator, layers.doc, pointer, { gender: 'robot' })).toThrow(pointer);
  });
});

describe('deriveSchemaViolations on a parameter (wire: parameter)', () => {
  function parameterSchema(api: Api, method: 'get' | 'patch', path: string, name: string): string {
    const parameter = getOperation(api.doc, method, path).parameter(name);
    if (!parameter) throw new Error(`no parameter ${name}`);
    return childPointer(parameter.pointer, 'schema');
  }

  test('Layers influencerId path parameter: a pattern violation sent as a string', () => {
    const pointer = parameterSchema(layers, 'patch', '/v1/influencers/{influencerId}', 'influencerId');
    const violations = deriveSchemaViolations(layers.validator, layers.doc, pointer, 'inf_4a8e1bc2-5d3f-4b6a-9c7e-1f2a3b4c5d6e', { wire: 'parameter' });
    const pattern = find(violations, '', 'pattern');
    expect(typeof pattern?.value).toBe('string');
    expect(layers.validator.validate(pointer, pattern?.value)).not.toEqual([]);
    expect(violations.every((v) => typeof v.value === 'string')).toBe(true);
    expect(find(violations, '', 'null')).toBeUndefined();
  });

  test('Layers limit query parameter: type, minimum, maximum and integer as decimal strings', () => {
    const pointer = parameterSchema(layers, 'get', '/v1/influencers', 'limit');
    const violations = deriveSchemaViolations(layers.validator, layers.doc, pointer, '20', { wire: 'parameter' });
    expect(find(violations, '', 'type')?.value).toBe('abc');
    expect(find(violations, '', 'minimum')?.value).toBe('0');
    expect(find(violations, '', 'maximum')?.value).toBe('101');
    expect(find(violations, '', 'integer')?.value).toBe('1.5');
    expect(violations.every((v) => typeof v.value === 'string')).toBe(true);
  });

  test('a string parameter gets no type violation: every string is a string', () => {
    const pointer = parameterSchema(layers, 'get', '/v1/influencers', 'cursor');
    const violations = deriveSchemaViolations(layers.validator, layers.doc, pointer, 'abc', { wire: 'parameter' });
    expect(violations.map((v) => [v.keyword, v.value])).toEqual([['minLength', '']]);
  });
});

describe('deriveSchemaViolations on other keywords', () => {
  const doc: OpenApiDocument = {
    openapi: '3.1.0',
    components: {
      schemas: {
        Base: { type: 'object', required: ['id'], properties: { id: { type: 'string', format: 'uuid' } } },
        Thing: {
          allOf: [{ $ref: '#/components/schemas/Base' }],
          type: 'object',
          unevaluatedProperties: false,
          maxProperties: 3,
          properties: {
            size: { type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 10, multipleOf: 0.5 },
            tags: { type: 'array', uniqueItems: true, maxItems: 3, items: { type: 'string', maxLength: 8 } },
            kind: { const: 'thing' },
            at: { type: 'string', format: 'date-time' },
          },
        },
      },
    },
  };
  const validator = createSchemaValidator(doc);
  const pointer = '#/components/schemas/Thing';
  const valid = { id: '550e8400-e29b-41d4-a716-446655440000', size: 2, tags: ['a'] };

  test('allOf merges the required id; exclusive bounds, multipleOf, uniqueItems, maxItems, const, format, unevaluatedProperties, maxProperties', () => {
    const violations = deriveSchemaViolations(validator, doc, pointer, valid);
    expectSound({ doc, validator }, pointer, valid, violations);
    expect(find(violations, '/id', 'required')?.value).toEqual({ size: 2, tags: ['a'] });
    expect(find(violations, '/id', 'format')).toBeDefined();
    expect(find(violations, '/size', 'exclusiveMinimum')?.value).toMatchObject({ size: 0 });
    expect(find(violations, '/size', 'exclusiveMaximum')?.value).toMatchObject({ size: 10 });
    expect(find(violations, '/size', 'multipleOf')?.value).toMatchObject({ size: 2.25 });
    expect(find(violations, '/tags', 'uniqueItems')?.value).toMatchObject({ tags: ['a', 'a'] });
    expect(find(violations, '/tags', 'maxItems')?.value).toMatchObject({ tags: ['a', 'a1', 'a2', 'a3'] });
    expect(find(violations, '/kind', 'const')?.value).toMatchObject({ kind: 'thing_x' });
    expect(find(violations, '/at', 'format')?.rule).toBe('format date-time');
    expect(find(violations, '/__unknown_property', 'unevaluatedProperties')).toBeDefined();
    expect(Object.keys(find(violations, '', 'maxProperties')?.value as object)).toHaveLength(4);
  });
});

describe('deriveSchemaViolations over every documented request', () => {
  test('every named request example and parameter example of the three documents: all rejected, (instancePath, keyword) unique', () => {
    for (const api of [layers, ayrshare, hoko]) {
      for (const op of listOperations(api.doc)) {
        const runs: { pointer: string; valid: unknown; wire: 'json' | 'parameter' }[] = [];
        const body = op.schemaPointer('request');
        if (body) for (const example of Object.values(op.namedExamples('request'))) runs.push({ pointer: body, valid: example, wire: 'json' });
        for (const parameter of op.parameters()) {
          const example = parameterExample(api.doc, parameter);
          if (example !== undefined) runs.push({ pointer: childPointer(parameter.pointer, 'schema'), valid: String(example), wire: 'parameter' });
        }
        for (const { pointer, valid, wire } of runs) {
          const violations = deriveSchemaViolations(api.validator, api.doc, pointer, valid, { wire });
          for (const v of violations) {
            const label = `${op.operationId} ${v.instancePath} ${v.rule}`;
            // Parameters are checked through coercion in the tests above; here they must at least stay strings.
            if (wire === 'parameter') expect(typeof v.value, label).toBe('string');
            else expect(api.validator.validate(pointer, v.value), label).not.toEqual([]);
          }
          const ids = violations.map((v) => `${v.instancePath} ${v.keyword}`);
          expect(new Set(ids).size, `${op.operationId} ${pointer}`).toBe(ids.length);
        }
      }
    }
  });
});

describe('integer formats', () => {
  test('are broken by an integer just outside their range, as a body field and as a parameter', () => {
    const doc = toOpenApiDocument({ openapi: '3.1.0', info: { title: 'ints', version: '1' }, paths: {}, components: { schemas: {
      Count: { type: 'object', properties: { small: { type: 'integer', format: 'int32' }, big: { type: 'integer', format: 'int64' } } },
      Page: { type: 'integer', format: 'int32', minimum: 1 },
    } } }, 'ints');
    const validator = createSchemaValidator(doc);
    const body = deriveSchemaViolations(validator, doc, '#/components/schemas/Count', { small: 1, big: 2 });
    expect(find(body, '/small', 'format')?.value).toEqual({ small: 2 ** 31, big: 2 });
    expect(find(body, '/big', 'format')?.value).toEqual({ small: 1, big: 2 ** 64 });
    expect(find(deriveSchemaViolations(validator, doc, '#/components/schemas/Page', '3', { wire: 'parameter' }), '', 'format')?.value).toBe('2147483648');
  });
});

describe('letter case', () => {
  test('an enum value and a pattern-valid text are broken by the same letters in the other case, where the schema refuses them', () => {
    const doc = toOpenApiDocument({ openapi: '3.1.0', info: { title: 'case', version: '1' }, paths: {}, components: { schemas: {
      Patch: { type: 'object', properties: {
        gender: { type: 'string', enum: ['male', 'female'] },
        id: { type: 'string', pattern: '^inf_[0-9a-fA-F]{4}$' },
        word: { type: 'string', pattern: '^[a-zA-Z]+$' },
      } },
    } } }, 'case');
    const validator = createSchemaValidator(doc);
    const violations = deriveSchemaViolations(validator, doc, '#/components/schemas/Patch', { gender: 'female', id: 'inf_4a8e', word: 'Ava' });
    expect(find(violations, '/gender', 'enum-letter-case')?.value).toEqual({ gender: 'FEMALE', id: 'inf_4a8e', word: 'Ava' });
    expect(find(violations, '/id', 'pattern-letter-case')?.value).toEqual({ gender: 'female', id: 'INF_4A8E', word: 'Ava' });
    // A pattern that takes either case gives no case: 'aVA' is as valid as 'Ava'.
    expect(find(violations, '/word', 'pattern-letter-case')).toBeUndefined();
  });
});
