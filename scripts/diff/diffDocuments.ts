import { randomUUID } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { runRedocly } from '../runRedocly.js';
import type { Level } from './semver.js';

/** One difference between the released and the current document, rated by `redocly diff`. */
export interface DocumentChange {
  level: Exclude<Level, 'none'>;
  kind: string;
  /** Where in the API: `GET /v1/items responses/403`, or a document pointer outside paths. */
  where: string;
  /** Redocly's explanation, or the kind of change when its rules give none. */
  message: string;
  /** Redocly's rule ids, e.g. `response-removed`. */
  rules: string[];
  /** `file:line` of the change: in the current document, or in the released one for a removal. */
  location: string;
}

interface Located {
  file: string;
  line?: number;
}

interface RedoclyReport {
  reportVersion: string;
  changes: {
    path: string;
    kind: string;
    impact: Exclude<Level, 'none'>;
    property?: string;
    verdicts: { ruleId: string; message: string; location?: Located }[];
    base?: Located;
    revision?: Located;
  }[];
}

const config = join(import.meta.dirname, 'redocly-diff.yaml');
const METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);

function unescapePointer(segment: string): string {
  return decodeURIComponent(segment).replaceAll('~1', '/').replaceAll('~0', '~');
}

/** `#/paths/~1v1~1items/get/responses/403` → `GET /v1/items responses/403`. */
export function describePointer(pointer: string, property?: string): string {
  const segments = pointer.replace(/^#\/?/, '').split('/').map(unescapePointer);
  let where: string;
  if (segments[0] === 'paths' && segments[1] !== undefined) {
    const [, path, method, ...rest] = segments;
    where = method && METHODS.has(method) ? [`${method.toUpperCase()} ${path}`, rest.join('/')].filter(Boolean).join(' ') : [path, method, ...rest].filter(Boolean).join('/');
  } else {
    where = segments.join('/') || '(document)';
  }
  return property ? `${where} · ${property}` : where;
}

/**
 * Diffs `base` (the released document) against `revision` (the current one) with `redocly diff`
 * and the diff-recommended rules. Paths are shown relative to `root`, where Redocly runs.
 */
export async function diffDocuments(base: string, revision: string, root: string): Promise<DocumentChange[]> {
  // Redocly starts before the first await, so callers can do other work while it runs.
  const out = join(tmpdir(), `contracts-diff-${randomUUID()}.json`);
  const args = ['diff', relative(root, base), relative(root, revision), '--config', config, '--format', 'json', '--fail-on', 'none', '--output', out];
  const running = runRedocly(args, root, `redocly diff failed for ${relative(root, revision)}`);
  try {
    await running;
    const report = JSON.parse(await readFile(out, 'utf8')) as RedoclyReport;
    if (report.reportVersion !== '1') throw new Error(`redocly diff: report version ${report.reportVersion} is not the one this script reads (1)`);
    return report.changes.map((change) => {
      const at = change.verdicts.find((v) => v.location)?.location ?? change.revision ?? change.base;
      return {
        level: change.impact,
        kind: change.kind,
        where: describePointer(change.path, change.property),
        message: change.verdicts.map((v) => v.message).join(' ') || change.kind,
        rules: change.verdicts.map((v) => v.ruleId),
        location: at ? `${at.file}${at.line ? `:${at.line}` : ''}` : relative(root, revision),
      };
    });
  } finally {
    await rm(out, { force: true });
  }
}
