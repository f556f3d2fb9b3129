// A --spec document with a member named as an Object.prototype method (`valueOf`, `hasOwnProperty`,
// `__lookupGetter__` …) anywhere: the reader of --spec documents (@redocly/openapi-core) looks member
// names up in plain objects and calls what it finds, so such a name crashed it, once with a stack
// trace past the one-line error. The load is refused in one line naming the member and its pointer;
// `constructor` and `toString`, which it can walk, load as any name.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAnyDocument } from '../../src/openapi/loadAnyDocument.js';
import { runConformance } from '../support/runConformance.js';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'unwalkable-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const documentWith = (place: (doc: Record<string, any>, name: string) => void, name: string) => {
  const doc: Record<string, any> = {
    openapi: '3.1.0',
    info: { title: 't', version: '1' },
    paths: { '/x': { get: { responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/S' } } } } } } } },
    components: { schemas: { S: { type: 'object', properties: { a: { type: 'string' } } } } },
  };
  place(doc, name);
  return doc;
};
const PLACES: Array<[string, (doc: Record<string, any>, name: string) => void, string]> = [
  ['a schema property', (doc, name) => (doc.components.schemas.S.properties[name] = { type: 'string' }), '#/components/schemas/S/properties/'],
  ['an example value', (doc, name) => (doc.paths['/x'].get.responses['200'].content['application/json'].example = { [name]: 1 }), '#/paths/~1x/get/responses/200/content/application~1json/example/'],
  ['a component name', (doc, name) => (doc.components.schemas[name] = { type: 'string' }), '#/components/schemas/'],
];

const write = async (name: string, doc: object) => {
  const path = join(dir, name);
  await writeFile(path, JSON.stringify(doc));
  return path;
};

describe('member names the document reader cannot walk', () => {
  for (const [where, place, pointer] of PLACES) {
    it.each([['valueOf'], ['hasOwnProperty'], ['__lookupGetter__'], ['propertyIsEnumerable']])(`${where} named %s: refused in one line naming it and its pointer`, async (name) => {
      const path = await write(`${name}-${where.replaceAll(' ', '-')}.json`, documentWith(place, name));
      const error = await loadAnyDocument(path).then(() => undefined, (e: unknown) => e as Error);
      expect(error?.message).toContain(`'${name}' at ${pointer}${name}`);
      expect(error?.message).not.toContain('\n');
    });
    it.each([['constructor'], ['toString']])(`${where} named %s loads`, async (name) => {
      const path = await write(`${name}-${where.replaceAll(' ', '-')}-ok.json`, documentWith(place, name));
      await expect(loadAnyDocument(path)).resolves.toBeTruthy();
    });
  }

  it('the CLI: a document with such members in many places (one once crashed the process with a stack trace) is exit 2, one line, no stack trace', async () => {
    const path = join(dir, 'cli.json');
    await writeFile(path, HOSTILE);
    const { code, stdout, stderr } = await runConformance(['--spec', `t=${path}`]);
    expect(code, stdout + stderr).toBe(2);
    expect(stderr.trimEnd().split('\n'), stderr).toHaveLength(1);
    expect(stderr).toMatch(/'hasOwnProperty' at #\//);
    expect(stderr).not.toMatch(/\n\s+at /);
  }, 60_000);
});

/** `__proto__`, `constructor`, `toString` and `hasOwnProperty` as path parameter, operationId, schema, property, example, header and security scheme names. */
const HOSTILE = String.raw`{"openapi":"3.1.0","info":{"title":"t","version":"1"},"paths":{"/x/{__proto__}":{"parameters":[{"name":"__proto__","in":"path","required":true,"schema":{"type":"string","enum":["constructor"]}}], "post":{"operationId":"__proto__","parameters":[{"name":"constructor","in":"query","schema":{"type":"string"}},{"name":"toString","in":"header","schema":{"type":"string"}}],  "requestBody":{"required":true,"content":{"application/json":{"schema":{"$ref":"#/components/schemas/__proto__"},"examples":{"__proto__":{"value":{"__proto__":"a","constructor":"b","hasOwnProperty":"c"}}}}}},  "responses":{"200":{"description":"ok","headers":{"__proto__":{"schema":{"type":"string"}}},"content":{"application/json":{"schema":{"$ref":"#/components/schemas/__proto__"},"examples":{"constructor":{"value":{"__proto__":"a","constructor":"b","hasOwnProperty":"c"}}}}}},   "constructor":{"description":"x"}}}}, "/constructor":{"get":{"operationId":"constructor","responses":{"200":{"description":"ok","content":{"application/json":{"schema":{"type":"object","properties":{"prototype":{"type":"object","properties":{"__proto__":{"type":"integer"}}}}}}}}}}}},"components":{"schemas":{"__proto__":{"type":"object","required":["__proto__","constructor","hasOwnProperty"],"additionalProperties":false,"properties":{"__proto__":{"type":"string"},"constructor":{"type":"string"},"hasOwnProperty":{"type":"string"}}}}, "securitySchemes":{"__proto__":{"type":"apiKey","in":"header","name":"X-K"}}},"security":[{"__proto__":[]}]}`;
