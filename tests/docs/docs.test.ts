import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { projectRoot, runBin } from '../support/runCommand.js';

const docsDir = join(projectRoot, 'dist', 'docs');
const pages = ['layers', 'ayrshare', 'hoko'];

/** Tags that would make the browser fetch something: scripts, stylesheets, fonts, images, frames. */
function externalLoads(html: string): string[] {
  const found: string[] = [];
  for (const m of html.matchAll(/<(script|link|img|iframe)\b[^>]*\b(src|href)\s*=\s*["']?(https?:)?\/\/[^"'\s>]+/gi)) found.push(m[0]);
  for (const m of html.matchAll(/@import\s+(url\()?["']?https?:\/\/[^"')\s]+|url\(\s*["']?https?:\/\/[^"')\s]+/gi)) found.push(m[0]);
  return found;
}

describe('npm run docs', () => {
  beforeAll(async () => {
    const result = await runBin('tsx', ['scripts/docs/main.ts']);
    if (result.code !== 0) throw new Error(`npm run docs failed:\n${result.stderr}`);
  });

  it.each(pages)('renders %s as one self-contained Redoc page that loads nothing from the network', async (api) => {
    const html = await readFile(join(docsDir, `${api}.html`), 'utf8');
    const doc = JSON.parse(await readFile(join(projectRoot, 'generated', api, 'openapi.json'), 'utf8'));
    expect(html).toContain(`<title>${doc.info.title}</title>`);
    expect(html).toMatch(/redoc/i);
    expect(externalLoads(html)).toEqual([]);
    // The page embeds the document: every operationId is in it.
    for (const item of Object.values(doc.paths) as Record<string, { operationId?: string }>[]) {
      for (const op of Object.values(item)) if (op && typeof op === 'object' && op.operationId) expect(html).toContain(op.operationId);
    }
  });

  it('writes an index page linking every API page', async () => {
    const html = await readFile(join(docsDir, 'index.html'), 'utf8');
    for (const api of pages) expect(html).toContain(`href="${api}.html"`);
    expect(externalLoads(html)).toEqual([]);
  });

  it('flags a page that would load a script from a CDN (the check itself can fail)', () => {
    expect(externalLoads('<script src="https://cdn.redoc.ly/redoc/latest/bundles/redoc.standalone.js"></script>')).toHaveLength(1);
    expect(externalLoads('<link rel="stylesheet" href="//fonts.googleapis.com/css?family=Roboto">')).toHaveLength(1);
  });
});
