// Prism is started with its own response validation off: the suite validates every answer itself
// (body-schema, header-schema…), and Prism's validation of its own answers only cost time (an
// operation whose response schema Prism cannot compile was compiled anew, and failed, on every
// request) and filled `sl-violations` with `response` entries nobody reads. Its request validation,
// which the negative cases rely on, stays on.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSlViolations } from '../../../../src/openapi/slViolations.js';
import { servePrism, type PrismServer } from '../../../../src/conformance/targets/mock/servePrism.js';

const document = {
  openapi: '3.1.0',
  info: { title: 'an example that breaks its schema', version: '1' },
  paths: {
    '/things': {
      post: {
        parameters: [{ name: 'limit', in: 'query', schema: { type: 'integer', maximum: 10 } }],
        requestBody: { content: { 'application/json': { schema: { type: 'object', properties: { name: { type: 'string' } } } } } },
        responses: {
          // the example's count is a string: an answer Prism's response validation would flag
          '200': { description: 'ok', content: { 'application/json': { schema: { type: 'object', required: ['count'], properties: { count: { type: 'integer' } } }, example: { count: 'three' } } } },
          '400': { description: 'invalid', content: { 'application/json': { schema: { type: 'object' }, example: {} } } },
        },
      },
    },
  },
};

describe("Prism's mock, as the suite serves it", () => {
  let dir: string;
  let server: PrismServer;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'prism-response-validation-'));
    await writeFile(join(dir, 'openapi.json'), JSON.stringify(document));
    server = await servePrism(join(dir, 'openapi.json'));
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  const post = (query: string, body: unknown) =>
    fetch(`${server.baseUrl}/things${query}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it('does not validate its own answer: an example breaking its schema adds no response violation', async () => {
    const response = await post('', { name: 'a' });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ count: 'three' });
    expect(parseSlViolations(response.headers.get('sl-violations'))).toEqual([]);
  });

  it('still validates the request: the violations it reports are the request\'s only', async () => {
    const response = await post('?limit=11', { name: 5 });
    await response.text();
    expect(response.status).toBe(400);
    const locations = parseSlViolations(response.headers.get('sl-violations')).map((v) => v.location.join('.'));
    expect(locations.sort()).toEqual(['request.body.name', 'request.query.limit']);
  });
});
