import { marked } from 'marked';
import type { DocsEntry } from './describeApi.js';

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Markdown of the documents (trusted: they are this repository's) to HTML, inline or as blocks. */
const inline = (markdown: string): string => marked.parseInline(markdown, { async: false });
const blocks = (markdown: string): string => marked.parse(markdown, { async: false }).trim();

function renderEntry(e: DocsEntry): string {
  const tags = e.tags
    .map((t) => {
      const ops = t.operations
        .map((o) => `        <li><a href="${escapeHtml(o.href)}"><code>${escapeHtml(o.method)} ${escapeHtml(o.path)}</code> ${inline(o.summary)}</a></li>`)
        .join('\n');
      const description = t.description ? `\n      ${blocks(t.description)}` : '';
      return `    <section>\n      <h3><a href="${escapeHtml(t.href)}">${escapeHtml(t.name)}</a></h3>${description}\n      <ul>\n${ops}\n      </ul>\n    </section>`;
    })
    .join('\n');
  return `  <article>
    <h2><a href="${escapeHtml(e.file)}">${escapeHtml(e.title)}</a> <small>v${escapeHtml(e.version)}</small></h2>
    <p>${inline(e.summary)}</p>
${tags}
  </article>`;
}

/** The docs site's index page: each API with its summary and its operations, linked into its page. */
export function renderIndexPage(entries: DocsEntry[]): string {
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Partner API contracts</title>
  <style>
    body { font: 16px/1.5 system-ui, sans-serif; max-width: 48rem; margin: 3rem auto; padding: 0 1rem; color: #222; }
    article { margin: 0 0 2.5rem; }
    h2 { margin-bottom: 0.25rem; }
    h3 { font-size: 1rem; margin: 1rem 0 0.25rem; }
    h3 + p { margin: 0 0 0.25rem; color: #444; }
    ul { margin: 0.25rem 0; padding-left: 1.25rem; }
    li { margin: 0.2rem 0; }
    small { color: #666; font-weight: normal; }
    code { font: 0.85em/1.4 ui-monospace, monospace; background: #f3f3f3; padding: 0.1em 0.3em; border-radius: 3px; }
    a { color: #0044d4; }
  </style>
</head>
<body>
  <h1>Partner API contracts</h1>
  <p>The OpenAPI 3.1 contracts of the partner APIs, rendered with Redoc. Every page works offline, opened from disk.</p>
${entries.map(renderEntry).join('\n')}
</body>
</html>
`;
}
