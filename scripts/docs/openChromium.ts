import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** Debian's `chromium` package; playwright-core drives it and downloads no browser of its own. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--no-first-run',
  '--disable-component-update',
  '--disable-sync',
];

/** URL schemes a docs page may load; anything else is an outside request. */
const LOCAL_SCHEMES = ['file:', 'data:', 'blob:'];

export interface Chromium {
  context: BrowserContext;
  close(): Promise<void>;
}

/**
 * Starts Debian's Chromium headless with a fresh profile. Every request to another scheme than
 * file:, data: or blob: is aborted before it leaves the machine (and still seen by `watchPage`).
 * Throws one line saying how to install Chromium when it is missing.
 */
export async function openChromium(viewport = { width: 1400, height: 1000 }): Promise<Chromium> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium is not installed at ${CHROMIUM_PATH}: install Debian's package (apt-get install chromium); .ci/run installs it where missing`);
  }
  const profile = await mkdtemp(join(tmpdir(), 'docs-chromium-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM_PATH, args: ARGS, headless: true, viewport });
  await context.route((url) => !LOCAL_SCHEMES.includes(url.protocol), (route) => route.abort('blockedbyclient'));
  return {
    context,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** What a page did that a docs page must not: outside requests, console errors, uncaught exceptions. */
export interface PageProblems {
  outsideRequests: string[];
  consoleErrors: string[];
}

/** Records a page's outside requests and console errors from now on, into the returned object. */
export function watchPage(page: Page): PageProblems {
  const problems: PageProblems = { outsideRequests: [], consoleErrors: [] };
  page.on('request', (request) => {
    const url = request.url();
    if (!LOCAL_SCHEMES.some((scheme) => url.startsWith(scheme))) problems.outsideRequests.push(url);
  });
  page.on('console', (message) => {
    if (message.type() === 'error') problems.consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => problems.consoleErrors.push(`uncaught: ${error.message}`));
  return problems;
}
