import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadAnyDocument } from '../../src/openapi/loadAnyDocument.js';

let dir: string;
const file = (name: string) => join(dir, name);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'load-any-'));
  const files: Record<string, string> = {
    'root.yaml': [
      'openapi: 3.0.3',
      'info: { title: t, version: "1" }',
      'paths:',
      '  /things:',
      '    get:',
      '      responses:',
      '        "200":',
      '          description: ok',
      '          content:',
      '            application/json:',
      '              schema: { $ref: "./schemas.yaml#/Thing" }',
      'components:',
      '  schemas:',
      '    Local: { type: string, nullable: true }',
      '    UsesLocal: { $ref: "#/components/schemas/Local" }',
    ].join('\n'),
    'schemas.yaml': 'Thing:\n  type: object\n  properties:\n    size: { type: integer, minimum: 0, exclusiveMinimum: true }\n',
    'doc31.json': JSON.stringify({ openapi: '3.1.0', info: { title: 't', version: '1' }, paths: {} }),
    'leftovers31.json': JSON.stringify({ openapi: '3.1.0', info: { title: 't', version: '1' }, paths: {}, components: { schemas: { Rate: { type: 'number', minimum: 0, exclusiveMinimum: true }, Value: { type: 'null', oneOf: [{ type: 'string' }, { type: 'number' }] } } } }),
    'fragment.yaml': 'components:\n  schemas:\n    instance: { type: string }\n',
    'swagger.json': JSON.stringify({ swagger: '2.0', info: { title: 't', version: '1' }, paths: {} }),
    // YAML reads an unquoted 2.0 as a number
    'swagger-number.yaml': 'swagger: 2.0\ninfo: { title: t, version: "1" }\npaths: {}\n',
    // a 2.0 $ref into definitions written as a 3.0 one: unresolvable only because it is Swagger
    'swagger-ref.yaml': "swagger: '2.0'\ninfo: { title: t, version: '1' }\npaths:\n  /:\n    get:\n      responses:\n        default:\n          description: OK\n          schema: { $ref: '#/components/schemas/A' }\ndefinitions:\n  A: { type: string }\n",
    'broken-ref.yaml': 'openapi: 3.1.0\ninfo: { title: t, version: "1" }\npaths:\n  /a:\n    get:\n      responses:\n        "200": { $ref: "./nope.yaml" }\n',
    'syntax.yaml': 'openapi: 3.1.0\n  info: [\n',
    'cycle.yaml': 'openapi: 3.1.0\ninfo: { title: t, version: "1" }\npaths:\n  /a:\n    get:\n      responses:\n        "200":\n          description: ok\n          content:\n            application/json:\n              schema: { $ref: "#/components/schemas/A" }\ncomponents:\n  schemas:\n    A: { $ref: "#/components/schemas/B" }\n    B: { $ref: "#/components/schemas/A" }\n',
    'remote.yaml': 'openapi: 3.1.0\ninfo: { title: t, version: "1" }\npaths:\n  /a:\n    get:\n      responses:\n        "200": { $ref: "https://example.com/r.yaml" }\n',
    'bomb-root.yaml': 'openapi: 3.1.0\ninfo: { title: t, version: "1" }\npaths:\n  /a:\n    get:\n      responses:\n        "200": { $ref: "./bomb.yaml#/ok" }\n',
    // nine anchors of nine aliases each: 9^9 = 387 million strings once expanded
    'bomb.yaml': ['a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]', ...Array.from({ length: 8 }, (_, i) => `a${i + 1}: &a${i + 1} [${Array(9).fill(`*a${i}`).join(', ')}]`), 'ok: { description: ok }'].join('\n'),
    'mapping-names.yaml': [
      'openapi: 3.0.3',
      'info: { title: t, version: "1" }',
      'paths:',
      '  /pets:',
      '    patch:',
      '      requestBody:',
      '        content:',
      '          application/json:',
      '            schema:',
      '              oneOf: [{ $ref: "#/components/schemas/Cat" }, { $ref: "#/components/schemas/Dog" }]',
      '              discriminator: { propertyName: kind, mapping: { "Tabby Cat": Cat, dog: "#/components/schemas/Dog" } }',
      '      responses: { "200": { description: ok } }',
      'components:',
      '  schemas:',
      '    Cat: { type: object, properties: { kind: { type: string } } }',
      '    Dog: { type: object, properties: { kind: { type: string } } }',
    ].join('\n'),
    // an anchor whose own contents alias it: a node inside itself, endless to any tree walk
    'alias-cycle.yaml': 'openapi: 3.0.0\ninfo: &a\n  version: 1.0.0\n  title: API\n  x-bye: *a\npaths: {}\n',
    'aliases.yaml': 'openapi: 3.1.0\ninfo: { title: t, version: "1" }\npaths:\n  /a:\n    get:\n      responses:\n        "200": &ok { description: ok }\n        "201": *ok\n',
  };
  for (const [name, text] of Object.entries(files)) await writeFile(file(name), text);
});

describe('loadAnyDocument', () => {
  it('bundles a multi-file 3.0 YAML document into one 3.1 document, keeping internal refs', async () => {
    const doc = (await loadAnyDocument(file('root.yaml'))) as any;
    expect(doc.openapi).toBe('3.1.0');
    const schema = doc.paths['/things'].get.responses['200'].content['application/json'].schema;
    expect(schema).toEqual({ $ref: '#/components/schemas/Thing' });
    expect(doc.components.schemas.Thing.properties.size).toEqual({ type: 'integer', exclusiveMinimum: 0 });
    expect(doc.components.schemas.Local).toEqual({ type: ['string', 'null'] });
    expect(doc.components.schemas.UsesLocal).toEqual({ $ref: '#/components/schemas/Local' });
  });

  it('reads a bundled 3.1 JSON file as it is (Redocly only adds an empty components)', async () => {
    expect(await loadAnyDocument(file('doc31.json'))).toEqual({ openapi: '3.1.0', info: { title: 't', version: '1' }, paths: {}, components: {} });
  });

  it('reads a discriminator mapping to a schema name (OpenAPI allows names as well as $refs), keeping it as written', async () => {
    const doc = (await loadAnyDocument(file('mapping-names.yaml'))) as any;
    const { discriminator } = doc.paths['/pets'].patch.requestBody.content['application/json'].schema;
    expect(discriminator.mapping).toEqual({ 'Tabby Cat': 'Cat', dog: '#/components/schemas/Dog' });
  });

  it("reads a 3.1 document's 3.0 leftovers as meant: a boolean exclusive bound, a type null that empties its oneOf", async () => {
    const doc = (await loadAnyDocument(file('leftovers31.json'))) as any;
    expect(doc.components.schemas.Rate).toEqual({ type: 'number', exclusiveMinimum: 0 });
    expect(doc.components.schemas.Value).toEqual({ oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'null' }] });
  });

  it('refuses Swagger 2.0, naming the file', async () => {
    await expect(loadAnyDocument(file('swagger.json'))).rejects.toThrow(/swagger\.json is Swagger 2\.0; only OpenAPI 3\.0\.x and 3\.1\.x/);
  });

  it('refuses Swagger 2.0 as such whatever else the bundler finds in it: an unquoted version, a $ref it cannot resolve', async () => {
    await expect(loadAnyDocument(file('swagger-number.yaml'))).rejects.toThrow(/^OpenAPI document .*swagger-number\.yaml is Swagger 2(\.0)?; only OpenAPI 3\.0\.x and 3\.1\.x/);
    await expect(loadAnyDocument(file('swagger-ref.yaml'))).rejects.toThrow(/^OpenAPI document .*swagger-ref\.yaml is Swagger 2\.0; only OpenAPI 3\.0\.x and 3\.1\.x/);
  });

  it("refuses a fragment with no openapi field (Vonage's common_errors.yml, which other files $ref) saying so, not the bundler's 'Unsupported specification'", async () => {
    await expect(loadAnyDocument(file('fragment.yaml'))).rejects.toThrow(/^OpenAPI document .*fragment\.yaml is not an OpenAPI document: its top level has no 'openapi' field \(it has components\)/);
  });

  it("refuses an openapi field that is a number (YAML's unquoted `openapi: 3.1`) saying so, not the bundler's 'Invalid OpenAPI version' or 'Unsupported OpenAPI version: 3'", async () => {
    for (const [name, version] of [['number-31.yaml', '3.1'], ['number-3.yaml', '3']] as const) {
      await writeFile(file(name), `openapi: ${version}\ninfo: { title: t, version: "1" }\npaths: {}\n`);
      await expect(loadAnyDocument(file(name))).rejects.toThrow(new RegExp(`^OpenAPI document .*${name.replace('.', '\\.')} is not an OpenAPI 3\\.0\\.x or 3\\.1\\.x document: its openapi field is the number ${version.replace('.', '\\.')}, where OpenAPI asks for a version string such as "3\\.1\\.0" \\(quote it in YAML\\)$`));
    }
  });

  it("refuses an openapi version string it does not read ('3', kin-openapi's issue753) in its own words, not the bundler's 'Unsupported OpenAPI version: 3'", async () => {
    await writeFile(file('version-3.yaml'), "openapi: '3'\ninfo: { title: t, version: '1' }\npaths: {}\n");
    await expect(loadAnyDocument(file('version-3.yaml'))).rejects.toThrow(/^OpenAPI document .*version-3\.yaml is not an OpenAPI 3\.0\.x or 3\.1\.x document \(openapi: "3"\)$/);
  });

  it("says a swagger field that names no Swagger version is that, not 'Swagger ERROR' (swagger-parser's invalid fixtures)", async () => {
    await writeFile(file('swagger-error.yaml'), 'swagger: ERROR\ninfo: { title: t, version: "1" }\npaths: {}\n');
    await expect(loadAnyDocument(file('swagger-error.yaml'))).rejects.toThrow(/^OpenAPI document .*swagger-error\.yaml has swagger: "ERROR", which is no Swagger version; only OpenAPI 3\.0\.x and 3\.1\.x are read$/);
  });

  it('names the file and the $ref that does not resolve, on one line', async () => {
    const error = await loadAnyDocument(file('broken-ref.yaml')).catch((e: Error) => e);
    expect((error as Error).message).toMatch(/^Cannot load OpenAPI document .*broken-ref\.yaml: Can't resolve \$ref.*nope\.yaml/);
    expect((error as Error).message).not.toContain('\n');
  });

  it('names the $ref cycle that never reaches a value, on one line', async () => {
    const error = await loadAnyDocument(file('cycle.yaml')).catch((e: Error) => e);
    expect((error as Error).message).toBe(`Cannot load OpenAPI document ${file('cycle.yaml')}: a $ref cycle that never reaches a value: #/components/schemas/A → #/components/schemas/B → #/components/schemas/A`);
  });

  it('names the file on a YAML syntax error and on a missing file', async () => {
    await expect(loadAnyDocument(file('syntax.yaml'))).rejects.toThrow(/syntax\.yaml: .*\(2:/);
    await expect(loadAnyDocument(file('missing.yaml'))).rejects.toThrow(/^Cannot read OpenAPI document .*missing\.yaml/);
  });

  it('fetches no URL by default: neither a $ref to one nor one as the document', async () => {
    await expect(loadAnyDocument(file('remote.yaml'))).rejects.toThrow(/refusing to fetch https:\/\/example\.com\/r\.yaml: only files are read/);
    await expect(loadAnyDocument('http://127.0.0.1:1/openapi.json')).rejects.toThrow('only files are read');
  });

  it('fetches only the URLs its policy allows', async () => {
    const policy = { mayFetch: (url: string) => new URL(url).hostname === '127.0.0.1', rule: 'only 127.0.0.1' };
    await expect(loadAnyDocument(file('remote.yaml'), policy)).rejects.toThrow(/refusing to fetch https:\/\/example\.com\/r\.yaml: only 127\.0\.0\.1/);
    await expect(loadAnyDocument('http://127.0.0.1.example.com/openapi.json', policy)).rejects.toThrow('only 127.0.0.1');
  });

  it('refuses a file whose YAML aliases expand past 20 million nodes (an alias bomb), naming it, and reads ordinary aliases', async () => {
    await expect(loadAnyDocument(file('bomb.yaml'))).rejects.toThrow(/^Cannot load OpenAPI document .*bomb\.yaml: the YAML aliases of .*bomb\.yaml expand it to more than 20,000,000 nodes/);
    await expect(loadAnyDocument(file('bomb-root.yaml'))).rejects.toThrow(/^Cannot load OpenAPI document .*bomb-root\.yaml: .*the YAML aliases of .*bomb\.yaml expand it to more than 20,000,000 nodes/);
    const doc = await loadAnyDocument(file('aliases.yaml'));
    expect((doc.paths as Record<string, { get: { responses: Record<string, unknown> } }>)['/a']?.get.responses['201']).toEqual({ description: 'ok' });
  }, 30_000);

  it('refuses a YAML alias inside the node it repeats (a node that holds itself), naming both places, on one line', async () => {
    const error = await loadAnyDocument(file('alias-cycle.yaml')).catch((e: Error) => e);
    expect((error as Error).message).toBe(`Cannot load OpenAPI document ${file('alias-cycle.yaml')}: the YAML alias at #/info/x-bye repeats #/info, which holds it, so ${file('alias-cycle.yaml')} never ends once its aliases are expanded; nothing was read`);
  });
});
