/** One API as listed on the docs index page. */
export interface DocsEntry {
  file: string;
  title: string;
  version: string;
  summary: string;
}

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The docs site's index page: a plain, self-contained list of the API pages. */
export function renderIndexPage(entries: DocsEntry[]): string {
  const items = entries
    .map(
      (e) =>
        `    <li><a href="${escapeHtml(e.file)}">${escapeHtml(e.title)}</a> <small>v${escapeHtml(e.version)}</small><br>${escapeHtml(e.summary)}</li>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Partner API contracts</title>
  <style>
    body { font: 16px/1.5 system-ui, sans-serif; max-width: 44rem; margin: 3rem auto; padding: 0 1rem; color: #222; }
    li { margin: 0 0 1rem; }
    small { color: #666; }
  </style>
</head>
<body>
  <h1>Partner API contracts</h1>
  <p>The OpenAPI 3.1 contracts of the partner APIs, rendered with Redoc. Every page works offline.</p>
  <ul>
${items}
  </ul>
</body>
</html>
`;
}
