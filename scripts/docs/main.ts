/**
 * `npm run docs [-- --out <dir>]`: renders each API of redocly.yaml's `apis:` (its bundled document in generated/)
 * as a Redoc page, all sharing one copy of Redoc beside them, plus an index page, into dist/docs/
 * (or `--out`).
 * The pages make no outside request and work opened from disk.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { readFlags, runCommandLine, UsageError } from '../commandLine.js';
import { makeDirectory } from '../../src/core/makeDirectory.js';
import { loadRegistry } from '../../src/core/registry.js';
import { loadDocument } from '../../src/openapi/loadDocument.js';
import { runRedocly } from '../runRedocly.js';
import { describeApi, type DocsEntry } from './describeApi.js';
import { REDOC_SCRIPT_FILE, renderSharedScript } from './redocBundle.js';
import { renderIndexPage } from './renderIndexPage.js';
import { useSharedBundle } from './useSharedBundle.js';

const projectRoot = resolve(import.meta.dirname, '..', '..');
async function renderApiPage(api: string, outDir: string): Promise<DocsEntry> {
  const source = join(projectRoot, 'generated', api, 'openapi.json');
  const doc = await loadDocument(source);
  const file = `${api}.html`;
  const out = join(outDir, file);
  const title = String(doc.info?.title ?? api);
  await runRedocly(['build-docs', source, '--title', title, '--output', out], projectRoot, `redocly build-docs failed for ${source}`);
  await writeFile(out, useSharedBundle(await readFile(out, 'utf8'), REDOC_SCRIPT_FILE, out));
  return describeApi(doc, file);
}

async function main(): Promise<void> {
  const values = readFlags({ out: { type: 'string', default: join(projectRoot, 'dist', 'docs') } });
  const outDir = resolve(values.out ?? join(projectRoot, 'dist', 'docs'));
  const apis = loadRegistry(join(projectRoot, 'generated')).apis.map((a) => a.name);
  await makeDirectory(outDir).catch((error: Error) => {
    throw new UsageError(`--out: ${error.message}`);
  });
  await writeFile(join(outDir, REDOC_SCRIPT_FILE), await renderSharedScript());
  const entries = await Promise.all(apis.map((api) => renderApiPage(api, outDir)));
  await writeFile(join(outDir, 'index.html'), renderIndexPage(entries));
  console.log(`docs written to ${outDir}: index.html, ${entries.map((e) => e.file).join(', ')}, ${REDOC_SCRIPT_FILE}`);
}

runCommandLine('docs', main);
