import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRegistry } from '../../src/core/registry.js';
import { REDOC_SCRIPT_FILE } from '../../scripts/docs/redocBundle.js';
import { projectRoot, runBin } from '../support/runCommand.js';

const pages = loadRegistry(join(projectRoot, 'generated')).apis.map((a) => a.name);

/** Tags that would make the browser fetch something: scripts, stylesheets, fonts, images, frames. */
function externalLoads(html: string): string[] {
  const found: string[] = [];
  for (const m of html.matchAll(/<(script|link|img|iframe)\b[^>]*\b(src|href)\s*=\s*["']?(https?:)?\/\/[^"'\s>]+/gi)) found.push(m[0]);
  for (const m of html.matchAll(/@import\s+(url\()?["']?https?:\/\/[^"')\s]+|url\(\s*["']?https?:\/\/[^"')\s]+|import\s*(\{[^}]*\}\s*from\s*)?["']https?:\/\/[^"']+/gi)) found.push(m[0]);
  return found;
}

describe('npm run docs', () => {
  let docsDir: string;

  beforeAll(async () => {
    docsDir = await mkdtemp(join(tmpdir(), 'docs-static-'));
    const result = await runBin('tsx', ['scripts/docs/main.ts', '--out', docsDir]);
    if (result.code !== 0) throw new Error(`npm run docs failed:\n${result.stderr}`);
  });

  afterAll(async () => {
    if (docsDir) await rm(docsDir, { recursive: true, force: true });
  });

  it.each(pages)('renders %s as a Redoc page that loads the shared Redoc script and nothing from the network', async (api) => {
    const html = await readFile(join(docsDir, `${api}.html`), 'utf8');
    const doc = JSON.parse(await readFile(join(projectRoot, 'generated', api, 'openapi.json'), 'utf8'));
    expect(html).toContain(`<title>${doc.info.title}</title>`);
    expect(html).toContain(`<script src="${REDOC_SCRIPT_FILE}"></script>`);
    expect(html).not.toContain('(c) Copyright 2026 Redocly LLC'); // the bundle's licence header: not inlined
    expect(externalLoads(html)).toEqual([]);
    // The page embeds the document: every operationId is in it.
    for (const item of Object.values(doc.paths) as Record<string, { operationId?: string }>[]) {
      for (const op of Object.values(item)) if (op && typeof op === 'object' && op.operationId) expect(html).toContain(op.operationId);
    }
  });

  it('writes one copy of Redoc beside the pages, without the CDN badge', async () => {
    const script = await readFile(join(docsDir, REDOC_SCRIPT_FILE), 'utf8');
    expect(script).toContain('window.redocStandalone = import(');
    expect(script).not.toContain('cdn.redoc.ly');
    expect((await stat(join(docsDir, REDOC_SCRIPT_FILE))).size).toBeGreaterThan(1_000_000);
  });

  it('writes an index page linking every API page and operation, its Markdown rendered', async () => {
    const html = await readFile(join(docsDir, 'index.html'), 'utf8');
    for (const api of pages) expect(html).toContain(`href="${api}.html"`);
    expect(html).toContain('href="layers.html#/influencers/getinfluencer"');
    expect(html).toContain('<code>DELETE /api/post</code>');
    expect(html).not.toContain('`');
    expect(externalLoads(html)).toEqual([]);
  });

  it('flags a page that would load a script from a CDN (the check itself can fail)', () => {
    expect(externalLoads('<script src="https://cdn.redoc.ly/redoc/latest/bundles/redoc.standalone.js"></script>')).toHaveLength(1);
    expect(externalLoads('<link rel="stylesheet" href="//fonts.googleapis.com/css?family=Roboto">')).toHaveLength(1);
    expect(externalLoads('import { hydrate } from "https://cdn.redocly.com/redoc/v3.0.1/bundles/redoc.standalone.js";')).toHaveLength(1);
  });
});
