/**
 * The docs site: what each page weighs (the page, and the one shared Redoc script it loads) and
 * how long Chromium takes, opening a page from disk at its first operation's deep link, until that
 * operation is visible (median of a few fresh loads).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { describeApi } from '../docs/describeApi.js';
import { CHROMIUM_PATH, openChromium } from '../docs/openChromium.js';
import { loadRegistry } from '../../src/core/registry.js';
import { REDOC_SCRIPT_FILE } from '../docs/redocBundle.js';
import { loadDocument } from '../../src/openapi/loadDocument.js';

const LOADS = 5;
const projectRoot = resolve(import.meta.dirname, '..', '..');
const kib = (bytes: number): string => `${(bytes / 1024).toFixed(0)} KiB`;
const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

async function timeToFirstOperation(outDir: string, apis: string[]): Promise<Map<string, number[]> | string> {
  let browser;
  try {
    browser = await openChromium();
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  const times = new Map<string, number[]>();
  try {
    for (const api of apis) {
      const doc = await loadDocument(join(projectRoot, 'generated', api, 'openapi.json'));
      const href = describeApi(doc, `${api}.html`).tags[0]?.operations[0]?.href;
      if (!href) continue;
      const [file, hash] = href.split('#') as [string, string];
      const url = `${pathToFileURL(join(outDir, file)).href}#${hash}`;
      const ms: number[] = [];
      for (let i = 0; i < LOADS; i++) {
        const page = await browser.context.newPage();
        const started = performance.now();
        await page.goto(url);
        await page.locator(`[data-section-id="${decodeURIComponent(hash)}"]`).waitFor({ state: 'visible', timeout: 30_000 });
        ms.push(performance.now() - started);
        await page.close();
      }
      times.set(api, ms);
    }
  } finally {
    await browser.close();
  }
  return times;
}

export async function benchDocs(): Promise<void> {
  const outDir = await mkdtemp(join(tmpdir(), 'docs-bench-'));
  try {
    const tsx = createRequire(import.meta.url).resolve('tsx/cli');
    await promisify(execFile)(process.execPath, [tsx, join(projectRoot, 'scripts', 'docs', 'main.ts'), '--out', outDir], { cwd: projectRoot });
    const apis = loadRegistry(join(projectRoot, 'generated')).apis.map((a) => a.name);
    const size = async (file: string) => (await stat(join(outDir, file))).size;
    const shared = await size(REDOC_SCRIPT_FILE);
    const total = (await Promise.all((await readdir(outDir)).map(size))).reduce((a, b) => a + b, 0);
    const times = await timeToFirstOperation(outDir, apis);

    console.log(`docs site (npm run docs; Chromium ${typeof times === 'string' ? 'not run' : `at ${CHROMIUM_PATH}`}, median of ${LOADS} loads from disk)`);
    console.log(`  ${REDOC_SCRIPT_FILE.padEnd(22)}${kib(shared).padStart(10)}   shared by every page`);
    console.log(`  ${'index.html'.padEnd(22)}${kib(await size('index.html')).padStart(10)}`);
    for (const api of apis) {
      const page = await size(`${api}.html`);
      const ms = typeof times === 'string' ? undefined : times.get(api);
      const first = ms ? `   first operation visible ${median(ms).toFixed(0)} ms (min ${Math.min(...ms).toFixed(0)}, max ${Math.max(...ms).toFixed(0)})` : '';
      console.log(`  ${`${api}.html`.padEnd(22)}${kib(page).padStart(10)}   with the shared script ${kib(page + shared)}${first}`);
    }
    console.log(`  whole site            ${kib(total).padStart(10)}   (${kib(total + shared * (apis.length - 1))} with Redoc inlined in each page)`);
    if (typeof times === 'string') console.log(`  time to first operation skipped: ${times}`);
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
}
