import { createRequire } from 'node:module';
import { beforeAll, describe, expect, test } from 'vitest';
import { loadPrism } from '../../../../src/conformance/targets/mock/loadPrism.js';

/** `require` as seen from inside a package reached through prism-cli's dependencies. */
function requireFrom(...chain: string[]): NodeRequire {
  let from = createRequire(import.meta.url);
  for (const name of ['@stoplight/prism-cli', ...chain]) from = createRequire(from.resolve(name));
  return from;
}

/** The locale files loaded of the faker prism-http requires (postman-collection has a copy of its own). */
const fakerLocaleFiles = () => {
  const faker = requireFrom('@stoplight/prism-http').resolve('@faker-js/faker').replace(/dist[/\\]cjs[/\\]index\.js$/, '');
  return Object.keys(createRequire(import.meta.url).cache).filter((file) => file.startsWith(`${faker}dist`) && /locales[/\\]/.test(file));
};

const loadedFiles = (pattern: RegExp) => Object.keys(createRequire(import.meta.url).cache).filter((file) => pattern.test(file));

describe('loadPrism', () => {
  beforeAll(async () => {
    await loadPrism();
  });

  test("loads Prism's libraries without faker's locale files (used only to make data up)", () => {
    expect(fakerLocaleFiles()).toEqual([]);
  });

  test('the faker Prism sees is the real one on first use: its generator still fills a `faker` keyword', () => {
    const { generate } = requireFrom('@stoplight/prism-http')('./mocker/generator/JSONSchema.js') as {
      generate(resource: object, bundle: object, schema: object): { _tag: string; right?: { name?: unknown } };
    };
    const made = generate({}, {}, { type: 'object', required: ['name'], properties: { name: { type: 'string', faker: 'datatype.uuid' } }, additionalProperties: false });
    expect(made._tag).toBe('Right');
    expect(made.right?.name).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-/);
    expect(fakerLocaleFiles().length).toBeGreaterThan(0);
  });

  test("loads them without postman-collection (http-spec's reader of Postman collections)", () => {
    // only its entry file is in require's cache: the stand-in
    const entry = requireFrom('@stoplight/prism-http', '@stoplight/http-spec').resolve('postman-collection');
    expect(loadedFiles(/[/\\]postman-collection[/\\]/)).toEqual([entry]);
  });

  test('the postman-collection http-spec sees is the real one on first use', () => {
    const { Collection } = requireFrom('@stoplight/prism-http', '@stoplight/http-spec')('postman-collection') as { Collection: new (definition: object) => { name: string } };
    expect(new Collection({ info: { name: 'tried' } }).name).toBe('tried');
    expect(loadedFiles(/[/\\]postman-collection[/\\]/).length).toBeGreaterThan(1);
  });
});
