// A bound too large to break by building the value (Twilio's `maxItems: 2147483647`): the suite
// ran out of memory filling 2^31 items. Such a rule is not built; it is reported to the caller,
// which skips it saying why (see deriveCases), and the rest of the schema's rules are still derived.
import { describe, expect, it } from 'vitest';
import { deriveSchemaViolations, MAX_BUILT_SIZE } from '../../../src/conformance/cases/deriveSchemaViolations.js';
import { toOpenApiDocument } from '../../../src/openapi/loadDocument.js';
import { createSchemaValidator } from '../../../src/openapi/schemaValidator.js';
import { deriveCases } from '../../../src/conformance/cases/deriveCases.js';
import { foreignApi, json, ok } from './foreignDocument.js';

const doc = toOpenApiDocument({
  openapi: '3.1.0',
  info: { title: 'huge bounds', version: '1' },
  paths: {},
  components: {
    schemas: {
      Body: {
        type: 'object',
        properties: {
          ids: { type: 'array', maxItems: 2147483647, items: { type: 'string', maxLength: 10 } },
          note: { type: 'string', maxLength: 2147483647 },
          tags: { type: 'object', maxProperties: 2147483647 },
          few: { type: 'array', maxItems: 2, items: { type: 'string' } },
        },
      },
    },
  },
}, 'inline');

describe('bounds past what the suite builds', () => {
  it('are reported, not built, and the other rules are still derived', () => {
    const tooLarge: string[] = [];
    const violations = deriveSchemaViolations(createSchemaValidator(doc), doc, '#/components/schemas/Body', { ids: ['a'], note: 'n', tags: { a: 1 }, few: ['a'] }, {
      onTooLarge: (rule, instancePath) => tooLarge.push(`${instancePath} ${rule}`),
    });
    expect(tooLarge).toEqual(['/ids maxItems 2147483647', '/note maxLength 2147483647', '/tags maxProperties 2147483647']);
    const rules = violations.map((v) => `${v.instancePath} ${v.rule}`);
    expect(rules).toEqual(expect.arrayContaining(['/few maxItems 2', '/ids/0 maxLength 10']));
    expect(rules.some((r) => r.includes('2147483647'))).toBe(false);
  });

  it('builds a bound at the limit', () => {
    const doc2 = toOpenApiDocument({ openapi: '3.1.0', info: { title: 't', version: '1' }, paths: {}, components: { schemas: { A: { type: 'array', maxItems: MAX_BUILT_SIZE - 1, items: { type: 'integer' } } } } }, 'inline');
    const [v] = deriveSchemaViolations(createSchemaValidator(doc2), doc2, '#/components/schemas/A', [1]).filter((x) => x.keyword === 'maxItems');
    expect((v?.value as unknown[]).length).toBe(MAX_BUILT_SIZE);
  });
});

describe('the cases of an operation with such a bound', () => {
  it('skip that rule, saying why, and break the others', async () => {
    const api = await foreignApi({
      paths: {
        '/roles': {
          post: {
            operationId: 'postRoles',
            parameters: [{ name: 'q', in: 'query', schema: { type: 'string', maxLength: 2147483647 }, example: 'a' }],
            requestBody: { required: true, content: json({ type: 'object', properties: { roles: { type: 'array', maxItems: 2147483647, items: { type: 'string', enum: ['a', 'b'] } } } }, { example: { roles: ['a'] } }) },
            responses: { ...ok, '400': { description: 'invalid' } },
          },
        },
      },
    });
    const cases = deriveCases(api);
    const skipped = cases.filter((c) => c.preflight?.outcome === 'skipped').map((c) => `${c.id}: ${c.preflight!.reason}`);
    expect(skipped).toEqual([
      'inline postRoles negative body.roles maxItems: body.roles: maxItems 2147483647 is broken only by a value of more than 1,000,000 items, properties or characters, more than the suite builds',
      'inline postRoles negative query.q maxLength: query q: maxLength 2147483647 is broken only by a value of more than 1,000,000 items, properties or characters, more than the suite builds',
    ]);
    expect(cases.map((c) => c.brokenRule)).toContain('body.roles.0: enum (a|b)');
  });
});
