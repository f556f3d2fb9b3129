import { beforeAll, describe, expect, it } from 'vitest';
import type { OpenApiDocument } from '../../src/openapi/loadDocument.js';
import { toOpenApiDocument } from '../../src/openapi/loadDocument.js';
import { validateExamples } from '../../src/openapi/validateExamples.js';
import { loadFixture, withValue } from './fixtures.js';

let valid: OpenApiDocument;
beforeAll(async () => {
  valid = await loadFixture('valid.json');
});

const ONE = '#/paths/~1v1~1influencers~1{influencerId}';

describe('validateExamples', () => {
  it('returns [] when every example matches its schema', () => {
    expect(validateExamples(valid)).toEqual([]);
  });

  it('returns exactly one problem, naming the example, for a named response example missing a required field', async () => {
    const problems = validateExamples(await loadFixture('one-wrong-example.json'));
    const use = '#/paths/~1v1~1influencers~1{influencerId}/get/responses/200/content/application~1json/examples/missingName';
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      kind: 'invalid',
      name: 'GET /v1/influencers/{influencerId} response 200 application/json examples.missingName',
      usedAt: [use],
      pointer: `${use}/value`,
      schemaPointer: '#/components/schemas/Influencer',
      errors: [{ instancePath: '', keyword: 'required', message: "must have required property 'name'", params: { missingProperty: 'name' } }],
    });
    expect(problems[0]?.message).toContain(`${use}/value`);
    expect(problems[0]?.message).toContain("(root) must have required property 'name'");
  });

  it('catches a format violation (bad uuid) in a $ref\'d example, naming both places', () => {
    const problems = validateExamples(withValue(valid, '#/components/examples/InfluencerAva/value/id', 'not-a-uuid'));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      usedAt: [`${ONE}/get/responses/200/content/application~1json/examples/ava`],
      pointer: '#/components/examples/InfluencerAva/value',
      errors: [{ instancePath: '/id', keyword: 'format', message: 'must match format "uuid"' }],
    });
  });

  it('catches a format violation (bad date-time) in a parameter example', () => {
    const problems = validateExamples(withValue(valid, '#/paths/~1v1~1influencers/get/parameters/1/example', '2024-13-01T00:00:00Z'));
    expect(problems.map((p) => [p.pointer, p.errors.map((e) => e.message)])).toEqual([
      ['#/paths/~1v1~1influencers/get/parameters/1/example', ['must match format "date-time"']],
    ]);
  });

  it('catches an unknown property under additionalProperties: false', () => {
    const pointer = `${ONE}/patch/responses/200/content/application~1json/example`;
    const problems = validateExamples(withValue(valid, `${pointer}/nickname`, 'Avi'));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      pointer,
      errors: [{ instancePath: '', keyword: 'additionalProperties', params: { additionalProperty: 'nickname' } }],
    });
    expect(problems[0]?.message).toContain('must NOT have additional properties "nickname"');
  });

  it('catches a wrong header example and a wrong schema-level example', () => {
    const broken = withValue(
      withValue(valid, `${ONE}/get/responses/200/headers/X-RateLimit-Remaining/example`, -1),
      '#/components/schemas/Influencer/properties/name/examples/1',
      '',
    );
    expect(validateExamples(broken).map((p) => [p.pointer, p.errors.map((e) => e.keyword)])).toEqual([
      [`${ONE}/get/responses/200/headers/X-RateLimit-Remaining/example`, ['minimum']],
      ['#/components/schemas/Influencer/properties/name/examples/1', ['minLength']],
    ]);
  });

  it('rejects null where the type does not allow it', () => {
    const problems = validateExamples(withValue(valid, '#/components/examples/InfluencerAva/value/name', null));
    expect(problems.map((p) => p.errors.map((e) => [e.instancePath, e.keyword]))).toEqual([[['/name', 'type']]]);
  });

  it('reports examples it cannot check as problems', async () => {
    const problems = validateExamples(await loadFixture('unvalidatable-examples.json'));
    expect(problems.map((p) => p.kind)).toEqual(['missing-schema', 'missing-schema', 'missing-schema', 'external-value', 'missing-value']);
    expect(problems[3]?.message).toContain('uses externalValue, which is not supported (https://example.com/big-report.json)');
  });

  it('throws naming a dangling $ref in a schema', () => {
    const broken = withValue(valid, '#/components/schemas/Influencer/properties/id', { $ref: '#/components/schemas/Nope' });
    expect(() => validateExamples(broken)).toThrow(/#\/components\/schemas\/Nope/);
  });

  it('throws on a genuinely unknown schema keyword rather than passing', () => {
    const broken = withValue(valid, '#/components/parameters/Limit/schema/minimumm', 1);
    expect(() => validateExamples(broken)).toThrow('Cannot compile schema at #/components/parameters/Limit/schema: strict mode: unknown keyword: "minimumm"');
  });
});

describe('validateExamples on a schema of another JSON Schema dialect', () => {
  it("passes over an example whose schema declares draft-06 (ajv has no such meta-schema and threw 'no schema with key or ref'), checking the others", () => {
    const doc = toOpenApiDocument({
      openapi: '3.1.0',
      info: { title: 't', version: '1' },
      paths: {},
      components: { schemas: { Old: { $schema: 'http://json-schema.org/draft-06/schema#', type: 'string', example: 'x' }, New: { type: 'string', example: 1 } } },
    }, 'inline');
    expect(validateExamples(doc).map((p) => p.schemaPointer)).toEqual(['#/components/schemas/New']);
  });
});
