// Loads any OpenAPI 3.0/3.1 document a user points the suite at: one JSON or YAML file, or the
// root of a multi-file document, bundled with @redocly/openapi-core (external `$ref`s pulled into
// `#/components`, internal `$ref`s kept), its `nullable`s read across allOf and oneOf as their
// authors meant them (see nullableAcrossCombinators.ts), then upgraded to 3.1 (see
// upgradeDocument.ts); a 3.1 document loses the `nullable` ajv cannot compile (see dropUntypedNullable.ts).

import { readFile, stat } from 'node:fs/promises';
import { resolve as resolvePath } from 'node:path';
import type { bundle, NormalizedProblem } from '@redocly/openapi-core';
import { isObject } from './jsonPointer.js';
import { findRefCycle } from './refCycle.js';
import { toOpenApiDocument, type OpenApiDocument } from './loadDocument.js';
import { dropUntypedNullable } from './dropUntypedNullable.js';
import { nullableAcrossCombinators } from './nullableAcrossCombinators.js';
import { isOpenApi30, upgradeDocument } from './upgradeDocument.js';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/** Whether `source` is an http(s) URL on a loopback address. */
function isLoopbackUrl(source: string): boolean {
  try {
    const url = new URL(source);
    return (url.protocol === 'http:' || url.protocol === 'https:') && (LOOPBACK_HOSTS.has(url.hostname) || url.hostname.startsWith('127.'));
  } catch {
    return false;
  }
}

/**
 * @redocly/openapi-core, imported on first use: it takes a few hundred ms to import, and only the
 * documents given with `--spec` are read with it. Its resolver reads files and loopback URLs and
 * refuses any other URL, so loading a document never reaches an outside host.
 */
async function redocly() {
  const core = await import('@redocly/openapi-core');
  class LoopbackResolver extends core.BaseResolver {
    override async loadExternalRef(absoluteRef: string) {
      if (/^[a-z][a-z0-9+.-]*:\/\//i.test(absoluteRef) && !absoluteRef.startsWith('file://') && !isLoopbackUrl(absoluteRef)) {
        throw new Error(`refusing to fetch ${absoluteRef}: only files and loopback URLs are read`);
      }
      return super.loadExternalRef(absoluteRef);
    }
  }
  return { bundle: core.bundle, createConfig: core.createConfig, LoopbackResolver };
}

function describeProblem(problem: NormalizedProblem): string {
  const where = problem.location[0];
  const at = where ? ` (${where.source.absoluteRef}${where.pointer ?? ''})` : '';
  return `${problem.message}${at}`;
}

/**
 * Reads the OpenAPI 3.0.x or 3.1.x document at `source` (a file path, or an http URL on loopback)
 * with every external `$ref` resolved, and returns it as a 3.1 document object. The Error, one
 * line, names `source` and what is wrong: missing file, YAML/JSON syntax, unresolvable `$ref`,
 * not an OpenAPI 3.0/3.1 document.
 */
export async function loadAnyDocument(source: string): Promise<OpenApiDocument> {
  const isUrl = /^https?:\/\//i.test(source);
  if (isUrl && !isLoopbackUrl(source)) {
    throw new Error(`OpenAPI document ${source}: only files and loopback URLs are read`);
  }
  const ref = isUrl ? source : resolvePath(source);
  if (!isUrl) {
    try {
      if (!(await stat(ref)).isFile()) throw new Error('not a file');
    } catch (error) {
      throw new Error(`Cannot read OpenAPI document ${source}: ${(error as Error).message}`);
    }
  }
  let result: Awaited<ReturnType<typeof bundle>>;
  try {
    const { bundle, createConfig, LoopbackResolver } = await redocly();
    const config = await createConfig({});
    result = await bundle({ ref, config, externalRefResolver: new LoopbackResolver() });
  } catch (error) {
    const cycle = isUrl || !/circular/i.test((error as Error).message) ? undefined : await refCycleIn(ref);
    const why = cycle ? `a $ref cycle that never reaches a value: ${cycle.join(' → ')}` : oneLine((error as Error).message);
    throw new Error(`Cannot load OpenAPI document ${source}: ${why}`);
  }
  const errors = result.problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) {
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
    throw new Error(`Cannot load OpenAPI document ${source}: ${oneLine(describeProblem(errors[0] as NormalizedProblem))}${more}`);
  }
  const parsed: unknown = result.bundle.parsed;
  if (!isObject(parsed)) throw new Error(`OpenAPI document ${source} is not an OpenAPI document: expected an object at the top level`);
  if (typeof parsed.swagger === 'string') {
    throw new Error(`OpenAPI document ${source} is Swagger ${parsed.swagger}; only OpenAPI 3.0.x and 3.1.x are read`);
  }
  if (!isOpenApi30(parsed) && !/^3\.1\.\d+(-[0-9A-Za-z.-]+)?$/.test(String(parsed.openapi))) {
    throw new Error(`OpenAPI document ${source} is not an OpenAPI 3.0.x or 3.1.x document (openapi: ${JSON.stringify(parsed.openapi)})`);
  }
  const read = nullableAcrossCombinators(parsed);
  const upgraded = upgradeDocument(read);
  return toOpenApiDocument(upgraded === read ? dropUntypedNullable(read) : upgraded, `OpenAPI document ${source}`);
}

/** The `$ref` cycle of the root file, when the bundler stopped on one there (it does not say where). */
async function refCycleIn(file: string): Promise<string[] | undefined> {
  try {
    const { parseYaml } = await import('@redocly/openapi-core');
    return findRefCycle(parseYaml(await readFile(file, 'utf8')));
  } catch {
    return undefined;
  }
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}
