/**
 * The docs site as a reader sees it: every page opened from disk in Debian's Chromium (see
 * scripts/docs/openChromium.ts). Screenshots go to reports/docs/ for a person to look at.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeApi } from '../../scripts/docs/describeApi.js';
import { openChromium, watchPage, type Chromium } from '../../scripts/docs/openChromium.js';
import { loadRegistry } from '../../src/core/registry.js';
import { isObject } from '../../src/openapi/jsonPointer.js';
import { loadDocument } from '../../src/openapi/loadDocument.js';
import { listOperations } from '../../src/openapi/operations.js';
import { projectRoot, runBin } from '../support/runCommand.js';

const screenshots = join(projectRoot, 'reports', 'docs');
const apis = loadRegistry(join(projectRoot, 'generated')).apis.map((a) => a.name);
const docs = await Promise.all(apis.map(async (api) => ({ api, doc: await loadDocument(join(projectRoot, 'generated', api, 'openapi.json')) })));
const operations = docs.flatMap(({ api, doc }) => {
  const links = new Map(describeApi(doc, `${api}.html`).tags.flatMap((t) => t.operations.map((o) => [o.operationId, o.href] as const)));
  return listOperations(doc).map((op) => ({ api, op, href: links.get(op.operationId) as string }));
});

/** Every link the index page should have: each API's page, then its tags and operations. */
const indexLinks = docs.flatMap(({ api, doc }) => {
  const entry = describeApi(doc, `${api}.html`);
  const title = String(doc.info?.title);
  return [entry.file, ...entry.tags.flatMap((t) => [t.href, ...t.operations.map((o) => o.href)])].map((href) => ({ href, title }));
});

/**
 * Text that Redoc's JSON sample of `value` shows: `"key": value` for each scalar down to the second
 * level (Redoc folds deeper levels), `"key":` for objects and arrays.
 */
function sampleFragments(value: unknown, depth = 0): string[] {
  if (Array.isArray(value)) return depth === 0 && value.length > 0 && !isObject(value[0]) ? [JSON.stringify(value[0])] : [];
  if (!isObject(value)) return depth === 0 ? [JSON.stringify(value)] : [];
  return Object.entries(value).flatMap(([key, v]) =>
    v !== null && typeof v === 'object' ? [`"${key}":`, ...(depth < 1 ? sampleFragments(v, depth + 1) : [])] : [`"${key}": ${JSON.stringify(v)}`],
  );
}

const oneLine = (text: string): string => text.replace(/\s+/g, ' ');

/** Waits until the shared Redoc script has loaded, the page has hydrated and the network is quiet. */
async function waitForRedoc(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await (window as unknown as { redocStandalone: Promise<unknown> }).redocStandalone;
  });
  await page.waitForLoadState('networkidle');
}

/** The operation's section once its deep link has scrolled to it. */
async function visibleSection(page: Page, href: string) {
  const sectionId = decodeURIComponent(href.slice(href.indexOf('#') + 1));
  const section = page.locator(`[data-section-id="${sectionId}"]`);
  await section.waitFor({ state: 'visible', timeout: 20_000 });
  return section;
}

describe('docs pages in Chromium', () => {
  let outDir: string;
  let browser: Chromium;
  const url = (href: string) => `${pathToFileURL(join(outDir, href.split('#')[0] as string)).href}${href.includes('#') ? href.slice(href.indexOf('#')) : ''}`;

  beforeAll(async () => {
    browser = await openChromium();
    outDir = await mkdtemp(join(tmpdir(), 'docs-browser-'));
    const result = await runBin('tsx', ['scripts/docs/main.ts', '--out', outDir]);
    if (result.code !== 0) throw new Error(`npm run docs failed:\n${result.stderr}`);
    await mkdir(screenshots, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    if (outDir) await rm(outDir, { recursive: true, force: true });
  });

  it.each([...apis, 'index'])('%s.html loads nothing but file:, data: and blob: URLs and logs no console error', async (name) => {
    const page = await browser.context.newPage();
    const problems = watchPage(page);
    await page.goto(url(`${name}.html`));
    if (name !== 'index') await waitForRedoc(page);
    else await page.waitForLoadState('networkidle');
    await page.screenshot({ path: join(screenshots, `${name}.png`) });
    // Redoc's "API docs by" badge, rendered once hydrated, shows an inline image, not Redocly's CDN.
    const badge = name === 'index' ? 'data:' : await page.evaluate(() => document.querySelector('img[alt="redocly logo"]')?.getAttribute('src') ?? null);
    await page.close();
    expect(problems).toEqual({ outsideRequests: [], consoleErrors: [] });
    expect(badge).toMatch(/^data:/);
  });

  it.each(operations.map((o) => [`${o.api} ${o.op.operationId}`, o] as const))(
    '%s: its deep link opens the operation, and each documented status shows its first example',
    async (_name, { api, op, href }) => {
      const page = await browser.context.newPage();
      const problems = watchPage(page);
      await page.goto(url(href));
      const section = await visibleSection(page, href);
      const box = await section.boundingBox();
      expect(box && box.y < 200 && box.y + box.height > 0, `${href} is scrolled into view`).toBe(true);
      expect(await section.locator('h1, h2').first().innerText()).toBe(String(op.raw.summary));
      await page.screenshot({ path: join(screenshots, `${api}-${op.operationId}.png`) });

      const samples = section.locator('[data-testid="right-panel"] .panel-response-samples');
      for (const status of op.statuses()) {
        const first = Object.values(op.namedExamples(status))[0];
        expect(first, `${op.operationId} ${status} has a named example`).toBeDefined();
        await samples.locator('button', { hasText: new RegExp(`^${status}$`) }).click();
        const shown = oneLine(await samples.innerText());
        const fragments = sampleFragments(first);
        expect(fragments.length, `${op.operationId} ${status}: something to look for`).toBeGreaterThan(0);
        for (const fragment of fragments) expect(shown, `${op.operationId} ${status}`).toContain(oneLine(fragment));
      }
      await page.close();
      expect(problems).toEqual({ outsideRequests: [], consoleErrors: [] });
    },
  );

  it('the index page links every API page, tag and operation, in document order', async () => {
    const page = await browser.context.newPage();
    await page.goto(url('index.html'));
    const hrefs = await page.locator('a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    await page.close();
    expect(hrefs).toEqual(indexLinks.map((l) => l.href));
  });

  it.each(indexLinks.map((l) => [l.href, l] as const))('index link %s opens the right page at the right place', async (href, { title }) => {
    const page = await browser.context.newPage();
    const problems = watchPage(page);
    await page.goto(url('index.html'));
    await page.locator(`a[href="${href}"]`).click();
    await page.waitForURL(url(href));
    expect(await page.title()).toBe(title);
    if (href.includes('#')) await visibleSection(page, href);
    else await page.getByRole('heading', { level: 1, name: title }).waitFor({ state: 'visible' });
    await page.close();
    expect(problems).toEqual({ outsideRequests: [], consoleErrors: [] });
  });

  it('catches a page that loads an image from a CDN (the check itself can fail)', async () => {
    const bad = join(outDir, 'bad.html');
    await writeFile(bad, '<!doctype html><title>bad</title><img src="https://cdn.redoc.ly/redoc/logo-mini-full.svg">');
    const page = await browser.context.newPage();
    const problems = watchPage(page);
    await page.goto(pathToFileURL(bad).href);
    await page.waitForLoadState('networkidle');
    await page.close();
    expect(problems.outsideRequests).toEqual(['https://cdn.redoc.ly/redoc/logo-mini-full.svg']);
    expect(problems.consoleErrors).toHaveLength(1);
  });
});
