// Parameters named as Object.prototype members (`__proto__`, `constructor`, `toString`) are
// parameters like any other: a request record keyed by a document's names once dropped a path value
// written under `__proto__` and read Object.prototype in its place (the run stopped: "unexpected
// error: text.replace is not a function").
import { describe, expect, it } from 'vitest';
import { runInlineSpec } from '../support/runInlineSpec.js';

const document = (name: string) => ({
  openapi: '3.1.0',
  info: { title: 't', version: '1' },
  paths: {
    [`/things/{${name}}`]: {
      get: {
        operationId: 'getThing',
        parameters: [
          { name, in: 'path', required: true, schema: { type: 'string', enum: ['abc'] } },
          { name, in: 'query', required: true, schema: { type: 'string', enum: ['def'] } },
          { name, in: 'header', required: true, schema: { type: 'string', enum: ['ghi'] } },
        ],
        responses: { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'object' }, example: {} } } }, '400': { description: 'bad', content: { 'application/json': { schema: { type: 'object' }, example: {} } } } },
      },
    },
  },
});

describe('parameters named as Object.prototype members', () => {
  it.each([['__proto__'], ['constructor'], ['toString']])('%s in path, query and header: the run completes and the valid request carries each value as its own', async (name) => {
    const results = await runInlineSpec('proto', document(name));
    const valid = results.find((r) => / valid$/.test(r.testCase.id));
    expect(valid, results.map((r) => `${r.testCase.id} ${r.outcome}`).join('\n')).toBeDefined();
    // (Prism's own router fails on a path parameter named `constructor`; the suite reports that as Prism's and goes on)
    const request = valid?.testCase.request;
    expect(Object.getOwnPropertyDescriptor(request?.pathParams, name)?.value).toBe('abc');
    expect(Object.getOwnPropertyDescriptor(request?.query, name)?.value).toBe('def');
    expect(Object.getOwnPropertyDescriptor(request?.headers, name)?.value).toBe('ghi');
  }, 120_000);

});
