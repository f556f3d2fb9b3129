import { describe, expect, it } from 'vitest';
import { describeApi } from '../../scripts/docs/describeApi.js';
import { renderIndexPage } from '../../scripts/docs/renderIndexPage.js';
import type { OpenApiDocument } from '../../src/openapi/loadDocument.js';

const doc: OpenApiDocument = {
  openapi: '3.1.0',
  info: { title: 'Pets', version: '2.0.0', summary: 'The `GET /pets` endpoint, **bold**.' },
  tags: [{ name: 'Pet owners', description: 'People with `pets`.' }, { name: 'Unused' }],
  paths: {
    '/pets': { get: { operationId: 'listPets', summary: 'List `pets`', tags: ['Pet owners'], responses: {} } },
  },
};

describe('renderIndexPage', () => {
  const html = renderIndexPage([describeApi(doc, 'pets.html')]);

  it('renders Markdown in summaries and descriptions (no literal backticks)', () => {
    expect(html).toContain('<p>The <code>GET /pets</code> endpoint, <strong>bold</strong>.</p>');
    expect(html).toContain('<p>People with <code>pets</code>.</p>');
    expect(html).not.toContain('`');
  });

  it("lists each tag that has operations and each operation, linked into the API's page", () => {
    expect(html).toContain('<h3><a href="pets.html#/pet-owners">Pet owners</a></h3>');
    expect(html).toContain('<a href="pets.html#/pet-owners/listpets"><code>GET /pets</code> List <code>pets</code></a>');
    expect(html).not.toContain('Unused');
  });
});
