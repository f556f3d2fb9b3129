import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

/** File name of the site's one copy of Redoc, beside the pages in dist/docs/. */
export const REDOC_SCRIPT_FILE = 'redoc.standalone.js';

/** Global that the shared script sets: a promise of Redoc's module (`{ hydrate, init, RedocStandalone }`). */
export const REDOC_GLOBAL = 'redocStandalone';

/**
 * The "API docs by" badge's images, which Redoc loads from Redocly's CDN after hydration. They are
 * replaced by a small inline SVG so that the page makes no outside request.
 */
const BADGE_URLS = ['https://cdn.redoc.ly/redoc/logo-mini-full.svg', 'https://cdn.redoc.ly/redoc/logo-mini.svg'];
const BADGE_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="44" height="14" viewBox="0 0 44 14">' +
  '<text x="0" y="11" font-family="sans-serif" font-size="11" font-weight="600" fill="#0044d4">Redoc</text></svg>';
const BADGE_DATA_URL = `data:image/svg+xml,${encodeURIComponent(BADGE_SVG)}`;

/** Path of the Redoc standalone bundle that @redocly/cli ships (the one `build-docs --inlineBundle` inlines). */
export function redocBundlePath(): string {
  return createRequire(import.meta.url).resolve('@redocly/cli/lib/chunks/redoc.standalone.js');
}

/**
 * The shared script for every page, from Redoc's ES-module bundle. A page opened from disk has an
 * opaque origin, and Chromium refuses `<script type="module" src>` and `import()` of a `file:` URL
 * (CORS); a classic `<script src>` works. So the module's text is carried in a classic script and
 * imported from a `blob:` URL, which the page's own origin may load. The module itself is unchanged
 * but for the badge's image URLs.
 */
export function toSharedScript(moduleSource: string, bundleFile: string): string {
  let source = moduleSource;
  for (const url of BADGE_URLS) {
    if (!source.includes(url)) throw new Error(`${bundleFile}: Redoc's badge image ${url} is no longer in the bundle; check what the page loads now`);
    source = source.split(url).join(BADGE_DATA_URL);
  }
  const version = /Version: ([0-9][^\s*]*)/.exec(source.slice(0, 500))?.[1] ?? 'unknown';
  return `/* Redoc ${version} standalone bundle (MIT, Redocly LLC), from @redocly/cli's ${bundleFile.split('node_modules/').pop() ?? bundleFile},
 * carried as text and imported from a blob: URL so that pages opened from disk can load it.
 * Written by \`npm run docs\`; do not edit. */
window.${REDOC_GLOBAL} = import(URL.createObjectURL(new Blob([${JSON.stringify(source)}], { type: 'text/javascript' })));
`;
}

/** Reads the bundle shipped with @redocly/cli and returns the shared script's text. */
export async function renderSharedScript(): Promise<string> {
  const file = redocBundlePath();
  return toSharedScript(await readFile(file, 'utf8'), file);
}
