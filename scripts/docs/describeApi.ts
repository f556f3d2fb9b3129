import type { OpenApiDocument } from '../../src/openapi/loadDocument.js';
import { listOperations } from '../../src/openapi/operations.js';
import { operationLink, tagLink } from './deepLink.js';

/** One operation as the index page lists it. */
export interface DocsOperation {
  operationId: string;
  method: string;
  path: string;
  /** Markdown, as in the document. */
  summary: string;
  /** Deep link into the API's page, relative to the index: `<api>.html#/<tag slug>/<operationid>`. */
  href: string;
}

/** One tag of an API with its operations, in document order. */
export interface DocsTag {
  name: string;
  /** Markdown, as in the document ('' when the tag has none). */
  description: string;
  href: string;
  operations: DocsOperation[];
}

/** One API as the index page lists it. */
export interface DocsEntry {
  file: string;
  title: string;
  version: string;
  /** Markdown: the document's `info.summary`. */
  summary: string;
  tags: DocsTag[];
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/**
 * What the index page shows of one bundled document whose page is `file`: its title, version and
 * summary, and its operations grouped under their first tag (declared tags first, in the document's
 * order, then any tag only operations name).
 */
export function describeApi(doc: OpenApiDocument, file: string): DocsEntry {
  const info = (doc.info ?? {}) as Record<string, unknown>;
  const declared = Array.isArray(doc.tags) ? (doc.tags as Record<string, unknown>[]) : [];
  const tags = new Map<string, DocsTag>();
  const tag = (name: string, description = ''): DocsTag => {
    let found = tags.get(name);
    if (!found) tags.set(name, (found = { name, description, href: `${file}${tagLink(name)}`, operations: [] }));
    return found;
  };
  for (const t of declared) if (typeof t.name === 'string') tag(t.name, text(t.description));
  for (const op of listOperations(doc)) {
    const first = Array.isArray(op.raw.tags) ? op.raw.tags.find((t): t is string => typeof t === 'string') : undefined;
    if (!first) throw new Error(`${file}: operation ${op.operationId} has no tag, so Redoc gives it no deep link to list`);
    tag(first).operations.push({
      operationId: op.operationId,
      method: op.method.toUpperCase(),
      path: op.path,
      summary: text(op.raw.summary) || op.operationId,
      href: `${file}${operationLink(first, op.operationId)}`,
    });
  }
  return {
    file,
    title: text(info.title),
    version: text(info.version),
    summary: text(info.summary),
    tags: [...tags.values()].filter((t) => t.operations.length > 0),
  };
}
