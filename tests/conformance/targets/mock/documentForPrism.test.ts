// The copy of a --spec document Prism is given: read by Prism as the suite reads it (2020-12
// schemas), without the extension `$ref`s Prism cannot open, and with header examples as text,
// so that Prism neither rejects valid requests, nor refuses to start, nor crashes.
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRegistry } from '../../../../src/core/registry.js';
import { runSuite } from '../../../../src/conformance/run/runSuite.js';
import { documentForPrism } from '../../../../src/conformance/targets/mock/documentForPrism.js';
import { toOpenApiDocument } from '../../../../src/openapi/loadDocument.js';
import { failedCases } from '../../../support/failedCases.js';

const json = (schema: unknown, example: unknown) => ({ 'application/json': { schema, example } });

/** One document with each thing Prism reads otherwise than the suite. */
const document = {
  openapi: '3.1.0',
  info: { title: 'prism-differences', version: '1' },
  'x-topics': [{ title: 'Intro', content: { $ref: './docs/intro.md' } }],
  paths: {
    '/pairs': {
      post: {
        operationId: 'postPair',
        requestBody: {
          required: true,
          // prefixItems with `items: false`: draft-07 ignores prefixItems and rejects every item.
          content: json({ type: 'object', required: ['pair'], properties: { pair: { type: 'array', prefixItems: [{ type: 'string' }, { type: 'integer' }], items: false } } }, { pair: ['x', 1] }),
        },
        responses: {
          '201': {
            description: 'made',
            headers: { Link: { schema: { type: 'array', items: { type: 'string' } }, example: ['</pairs/1>', '</pairs/2>'] } },
            content: json({ $ref: '#/components/schemas/Pair', description: 'a sibling of $ref' }, { pair: ['x', 1] }),
          },
          '422': { description: 'invalid', content: json({ type: 'object' }, {}) },
        },
      },
    },
  },
  components: { schemas: { Pair: { type: 'object', properties: { pair: { type: 'array' } } } } },
};

describe('documentForPrism', () => {
  it('leaves out the `x-` extensions of the Paths Object (Prism crashes on them: "Malformed path"), inlining a path item that refers to one', () => {
    const ok = { get: { responses: { '200': { description: 'ok' } } } };
    const copy = documentForPrism(toOpenApiDocument({
      openapi: '3.1.0',
      info: { title: 'paths-extensions', version: '1' },
      paths: { 'x-null': null, 'x-shared': ok, '/a': { $ref: '#/paths/x-shared' }, '/b': ok },
    }, 'inline'));
    expect(copy.paths).toEqual({ '/a': ok, '/b': ok });
  });

  const copy = documentForPrism(toOpenApiDocument(structuredClone(document), 'inline'));

  it('names the 2020-12 dialect, unless the document names a dialect of its own', () => {
    expect(copy.jsonSchemaDialect).toBe('https://json-schema.org/draft/2020-12/schema');
    const own = documentForPrism(toOpenApiDocument({ ...structuredClone(document), jsonSchemaDialect: 'https://example.test/dialect' }, 'inline'));
    expect(own.jsonSchemaDialect).toBe('https://example.test/dialect');
  });

  it('leaves out an extension holding a $ref that does not resolve inside the document, and keeps the rest', () => {
    expect(copy['x-topics']).toBeUndefined();
    expect(copy.paths).toEqual(expect.objectContaining({ '/pairs': expect.any(Object) }));
  });

  it('writes a header example as the text the header carries', () => {
    const headers = (copy as { paths: Record<string, { post: { responses: Record<string, { headers: Record<string, { example: unknown }> }> } }> }).paths['/pairs']!.post.responses['201']!.headers;
    expect(headers.Link!.example).toBe('</pairs/1>,</pairs/2>');
  });

  it("gives a Content-Encoding response header the example identity where its schema allows it, since Prism never encodes its bodies (InfluxDB's enum [gzip, identity]: a sampled gzip made fetch fail to inflate a plain body)", () => {
    const encoded = toOpenApiDocument({
      openapi: '3.1.0',
      info: { title: 't', version: '1' },
      paths: {
        '/query': { post: { responses: {
          '200': { description: 'ok', headers: { 'Content-Encoding': { schema: { type: 'string', enum: ['gzip', 'identity'] } } } },
          '201': { description: 'made', headers: { 'content-encoding': { schema: { type: 'string', enum: ['gzip', 'identity'] }, example: 'gzip' } } },
          '202': { description: 'later', headers: { 'Content-Encoding': { schema: { type: 'string', enum: ['gzip', 'br'] } } } },
        } } },
      },
    }, 'inline');
    const accepts = (pointer: string, value: unknown) => (pointer.includes('/202/') ? ['gzip', 'br'] : ['gzip', 'identity']).includes(value as string);
    const responses = (documentForPrism(encoded, accepts) as any).paths['/query'].post.responses;
    expect(responses['200'].headers['Content-Encoding'].example).toBe('identity');
    expect(responses['201'].headers['content-encoding'].example).toBe('identity');
    expect(responses['202'].headers).toEqual({});
  });

  it('does not change the document it copies', () => {
    const doc = toOpenApiDocument(structuredClone(document), 'inline');
    documentForPrism(doc);
    expect(doc).toEqual(document);
  });
});

describe('the suite against a Prism mock of such a document', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'prism-differences-'));
    await mkdir(join(dir, 'docs'));
    await writeFile(join(dir, 'docs', 'intro.md'), '# Intro\n');
    await writeFile(join(dir, 'openapi.json'), JSON.stringify(document));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  // Before: Prism refused the document (docs/intro.md is not beside the copy); without the
  // extension, it answered the valid request 422 (`tags.0 boolean schema is false`), and then
  // crashed on its own Link header (`value.split is not a function`).
  it('passes: valid requests accepted, documented answers valid, nothing crashed', async () => {
    const report = await runSuite({ registry: loadRegistry(), apis: [], targets: {}, env: {}, allowWrites: false, specs: [{ name: 'differences', source: join(dir, 'openapi.json') }] });
    const results = report.apis[0]?.results ?? [];
    const failed = failedCases(results);
    expect(failed).toEqual([]);
    expect(results.filter((r) => r.outcome === 'passed').map((r) => r.testCase.id)).toEqual(expect.arrayContaining(['differences postPair valid example', 'differences postPair documented 201']));
  }, 120_000);
});
