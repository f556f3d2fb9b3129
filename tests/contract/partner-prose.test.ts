import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../support/runCommand.js';
import { findInternalWording, findInternalWordingInText } from '../support/partnerProse.js';

describe('partner-facing prose of the bundled documents', () => {
  it.each(['layers', 'ayrshare', 'hoko'])('generated/%s/openapi.json reads as the vendor reference (no seed, page or document talk)', async (api) => {
    const doc: unknown = JSON.parse(await readFile(join(projectRoot, 'generated', api, 'openapi.json'), 'utf8'));
    expect(findInternalWording(doc).map((f) => `${f.pointer}: ${f.rule} ("${f.match}")`)).toEqual([]);
  });

  it('flags the wording it forbids, wherever a reader sees it', () => {
    const doc = {
      info: { description: 'Not one of the seed pages.' },
      paths: {
        '/a': {
          get: {
            summary: 'Deleted (the page example)',
            description: "Bounds are this document's choice.",
            responses: { '200': { description: 'As the delete page says.', content: { 'application/json': { examples: { a: { summary: "The revoke page's example" } } } } } },
          },
        },
      },
    };
    expect(findInternalWording(doc).map((f) => `${f.pointer} ${f.rule}`)).toEqual([
      '#/info/description seed',
      '#/info/description a named page',
      '#/paths/~1a/get/summary the page',
      '#/paths/~1a/get/description this document',
      "#/paths/~1a/get/description the document's choice",
      '#/paths/~1a/get/responses/200/description a named page',
      "#/paths/~1a/get/responses/200/content/application~1json/examples/a/summary a page's example",
      '#/paths/~1a/get/responses/200/content/application~1json/examples/a/summary a named page',
    ]);
  });

  it('leaves pagination, the vendor pages and x- extensions alone', () => {
    for (const text of ['Omit it for the first page.', 'The last page, with no cursor.', "The vendor's pages show both.", 'This contract assumes 1 to 100.']) {
      expect(findInternalWordingInText(text), text).toEqual([]);
    }
    expect(findInternalWording({ 'x-decision': { description: 'The seed page says so.' } })).toEqual([]);
  });
});
