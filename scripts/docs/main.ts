/**
 * `npm run docs`: renders each bundled document in generated/ as a self-contained Redoc page
 * (scripts inlined, nothing loaded from a CDN) and an index page, into dist/docs/.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { loadRegistry } from '../../src/core/registry.js';
import { runRedocly } from '../runRedocly.js';
import { renderIndexPage, type DocsEntry } from './renderIndexPage.js';
const projectRoot = resolve(import.meta.dirname, '..', '..');
const outDir = join(projectRoot, 'dist', 'docs');

async function renderApiPage(api: string): Promise<DocsEntry> {
  const source = join(projectRoot, 'generated', api, 'openapi.json');
  const doc = JSON.parse(await readFile(source, 'utf8')) as {
    info: { title: string; version: string; summary?: string };
  };
  const file = `${api}.html`;
  await runRedocly(['build-docs', source, '--inlineBundle', '--title', doc.info.title, '--output', join(outDir, file)], projectRoot, `redocly build-docs failed for ${source}`);
  return { file, title: doc.info.title, version: doc.info.version, summary: doc.info.summary ?? '' };
}

async function main(): Promise<void> {
  await mkdir(outDir, { recursive: true });
  const entries = await Promise.all(loadRegistry(join(projectRoot, 'generated')).apis.map((api) => renderApiPage(api.name)));
  await writeFile(join(outDir, 'index.html'), renderIndexPage(entries));
  console.log(`docs written to ${outDir}: index.html, ${entries.map((e) => e.file).join(', ')}`);
}

main().catch((error: unknown) => {
  console.error(`docs: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
