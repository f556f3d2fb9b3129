import { REDOC_GLOBAL } from './redocBundle.js';

const CDN_BUNDLE = String.raw`https://cdn\.redocly\.com/redoc/v[^"]+/bundles/redoc\.standalone\.js`;
const PRELOAD = new RegExp(String.raw`<link rel="modulepreload" href="${CDN_BUNDLE}"[^>]*>`, 'g');
const IMPORT = new RegExp(String.raw`import \{ hydrate \} from "${CDN_BUNDLE}";`, 'g');

function replaceOnce(html: string, pattern: RegExp, replacement: string, what: string, page: string): string {
  const count = html.match(pattern)?.length ?? 0;
  if (count !== 1) throw new Error(`${page}: expected one ${what} in redocly build-docs' output, found ${count}; its template changed`);
  return html.replace(pattern, () => replacement);
}

/**
 * Points a page written by `redocly build-docs` (without `--inlineBundle`) at the site's shared
 * Redoc script instead of Redocly's CDN: the CDN `modulepreload` becomes a classic `<script src>`
 * of `scriptFile` (relative, so it works from disk), and the CDN `import` becomes an await of the
 * module that script loads. Throws, naming the page, when build-docs' output no longer has exactly
 * one of each.
 */
export function useSharedBundle(html: string, scriptFile: string, page: string): string {
  const withScript = replaceOnce(html, PRELOAD, `<script src="${scriptFile}"></script>`, 'CDN modulepreload link', page);
  return replaceOnce(withScript, IMPORT, `const { hydrate } = await window.${REDOC_GLOBAL};`, 'CDN import of Redoc', page);
}
