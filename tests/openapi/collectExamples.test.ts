import { beforeAll, describe, expect, it } from 'vitest';
import { collectExamples, type CollectedExample } from '../../src/openapi/collectExamples.js';
import type { OpenApiDocument } from '../../src/openapi/loadDocument.js';
import { loadFixture, withValue } from './fixtures.js';

let doc: OpenApiDocument;
let examples: CollectedExample[];
beforeAll(async () => {
  doc = await loadFixture('valid.json');
  examples = collectExamples(doc);
});

const ONE = '#/paths/~1v1~1influencers~1{influencerId}';
const LIST = '#/paths/~1v1~1influencers';

function at(pointer: string): CollectedExample {
  const found = examples.filter((e) => e.pointer === pointer);
  expect(found, `examples at ${pointer}`).toHaveLength(1);
  return found[0]!;
}

describe('collectExamples', () => {
  it('finds every example of the fixture, each once, with the schema it must satisfy', () => {
    expect(examples.map((e) => [e.pointer, e.schemaPointer]).sort()).toEqual(
      [
        ['#/components/examples/ErrorNotFound/value', '#/components/schemas/Error'],
        ['#/components/examples/InfluencerAva/value', '#/components/schemas/Influencer'],
        ['#/components/examples/PatchRename/value', '#/components/schemas/InfluencerPatch'],
        ['#/components/headers/RequestId/example', '#/components/schemas/Uuid'],
        ['#/components/parameters/InfluencerId/examples/bare/value', '#/components/schemas/Uuid'],
        ['#/components/parameters/Limit/example', '#/components/parameters/Limit/schema'],
        ['#/components/requestBodies/InfluencerPatch/content/application~1json/examples/clearAgeRange/value', '#/components/schemas/InfluencerPatch'],
        ['#/components/responses/Unused/content/application~1json/example', '#/components/schemas/Error'],
        ['#/components/schemas/Channel/examples/0', '#/components/schemas/Channel'],
        ['#/components/schemas/Influencer/example', '#/components/schemas/Influencer'],
        ['#/components/schemas/Influencer/properties/name/examples/0', '#/components/schemas/Influencer/properties/name'],
        ['#/components/schemas/Influencer/properties/name/examples/1', '#/components/schemas/Influencer/properties/name'],
        ['#/components/schemas/Uuid/example', '#/components/schemas/Uuid'],
        [`${LIST}/get/parameters/1/example`, `${LIST}/get/parameters/1/schema`],
        [`${LIST}/get/responses/200/content/application~1json/example`, `${LIST}/get/responses/200/content/application~1json/schema`],
        [
          `${LIST}/get/responses/200/content/application~1json/schema/properties/nextCursor/example`,
          `${LIST}/get/responses/200/content/application~1json/schema/properties/nextCursor`,
        ],
        [`${ONE}/get/parameters/0/examples/trace/value`, '#/components/schemas/Uuid'],
        [`${ONE}/get/responses/200/content/application~1json/examples/noAgeRange/value`, '#/components/schemas/Influencer'],
        [`${ONE}/get/responses/200/headers/X-RateLimit-Remaining/example`, `${ONE}/get/responses/200/headers/X-RateLimit-Remaining/schema`],
        [`${ONE}/patch/responses/200/content/application~1json/example`, '#/components/schemas/Influencer'],
        ['#/webhooks/influencerDeleted/post/requestBody/content/application~1json/examples/deleted/value', '#/webhooks/influencerDeleted/post/requestBody/content/application~1json/schema'],
      ].sort(),
    );
    expect(examples.every((e) => e.issue === undefined)).toBe(true);
  });

  it('reports a $ref\'d example at its place of use and its resolved pointer', () => {
    expect(at('#/components/examples/InfluencerAva/value')).toEqual({
      name: 'GET /v1/influencers/{influencerId} response 200 application/json examples.ava',
      usedAt: [`${ONE}/get/responses/200/content/application~1json/examples/ava`],
      pointer: '#/components/examples/InfluencerAva/value',
      schemaPointer: '#/components/schemas/Influencer',
    });
  });

  it('follows $ref\'d responses and lists every use of them, then the component itself', () => {
    expect(at('#/components/examples/ErrorNotFound/value').usedAt).toEqual([
      `${LIST}/get/responses/404/content/application~1json/examples/notFound`,
      `${ONE}/get/responses/404/content/application~1json/examples/notFound`,
      `${ONE}/patch/responses/404/content/application~1json/examples/notFound`,
      '#/components/responses/NotFound/content/application~1json/examples/notFound',
    ]);
  });

  it('follows $ref\'d request bodies', () => {
    expect(at('#/components/examples/PatchRename/value').usedAt).toEqual([
      `${ONE}/patch/requestBody/content/application~1json/examples/rename`,
      '#/components/requestBodies/InfluencerPatch/content/application~1json/examples/rename',
    ]);
  });

  it('finds header examples, in $ref\'d and inline headers', () => {
    expect(at('#/components/headers/RequestId/example')).toMatchObject({
      name: 'GET /v1/influencers/{influencerId} response 200 header X-Request-Id example',
      usedAt: [`${ONE}/get/responses/200/headers/X-Request-Id/example`, '#/components/headers/RequestId/example'],
    });
    expect(at(`${ONE}/get/responses/200/headers/X-RateLimit-Remaining/example`).name).toBe(
      'GET /v1/influencers/{influencerId} response 200 header X-RateLimit-Remaining example',
    );
  });

  it('finds parameter examples at path and operation level, inline and $ref\'d', () => {
    expect(at('#/components/parameters/InfluencerId/examples/bare/value')).toMatchObject({
      name: '/v1/influencers/{influencerId} parameter path:influencerId examples.bare',
      usedAt: [`${ONE}/parameters/0/examples/bare`, '#/components/parameters/InfluencerId/examples/bare'],
    });
    expect(at(`${LIST}/get/parameters/1/example`).name).toBe('GET /v1/influencers parameter query:createdAfter example');
  });

  it('does not list a component example that nothing with a schema uses', () => {
    expect(examples.some((e) => e.pointer.startsWith('#/components/examples/NotAttached'))).toBe(false);
  });

  it('flags examples it cannot check instead of skipping them', async () => {
    const unvalidatable = collectExamples(await loadFixture('unvalidatable-examples.json'));
    const base = '#/paths/~1v1~1reports/get';
    expect(unvalidatable.map(({ pointer, schemaPointer, issue, externalValue }) => ({ pointer, schemaPointer, issue, externalValue }))).toEqual([
      { pointer: `${base}/parameters/0/example`, schemaPointer: undefined, issue: 'missing-schema', externalValue: undefined },
      { pointer: `${base}/responses/200/headers/X-Report-Id/example`, schemaPointer: undefined, issue: 'missing-schema', externalValue: undefined },
      { pointer: `${base}/responses/200/content/text~1csv/example`, schemaPointer: undefined, issue: 'missing-schema', externalValue: undefined },
      {
        pointer: `${base}/responses/200/content/application~1json/examples/big`,
        schemaPointer: `${base}/responses/200/content/application~1json/schema`,
        issue: 'external-value',
        externalValue: 'https://example.com/big-report.json',
      },
      {
        pointer: `${base}/responses/200/content/application~1json/examples/empty`,
        schemaPointer: `${base}/responses/200/content/application~1json/schema`,
        issue: 'missing-value',
        externalValue: undefined,
      },
    ]);
  });

  it('throws naming a dangling example $ref and where it was found', () => {
    const broken = withValue(doc, `${ONE}/get/responses/200/content/application~1json/examples/ava`, { $ref: '#/components/examples/Gone' });
    expect(() => collectExamples(broken)).toThrow(
      `Unresolvable $ref "#/components/examples/Gone" at ${ONE}/get/responses/200/content/application~1json/examples/ava`,
    );
  });

  it('throws naming a dangling response $ref', () => {
    const broken = withValue(doc, `${ONE}/get/responses/404`, { $ref: '#/components/responses/Missing' });
    expect(() => collectExamples(broken)).toThrow(`Unresolvable $ref "#/components/responses/Missing" at ${ONE}/get/responses/404`);
  });
});
