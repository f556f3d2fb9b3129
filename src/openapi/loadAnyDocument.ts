// Loads any OpenAPI 3.0/3.1 document a user points the suite at: one JSON or YAML file, or the
// root of a multi-file document, bundled with @redocly/openapi-core (external `$ref`s pulled into
// `#/components`, internal `$ref`s kept), its `nullable`s read across allOf and oneOf as their
// authors meant them (see nullableAcrossCombinators.ts), then upgraded to 3.1 (see
// upgradeDocument.ts); a 3.1 document loses the `nullable` ajv cannot compile (see dropUntypedNullable.ts),
// its boolean exclusive bounds are read as 3.0's (booleanExclusiveBounds.ts), and a `type: 'null'`
// that empties the oneOf beside it is read as "or null" (nullTypeBesideCombinator.ts); a `$ref` to
// an `$anchor` becomes the pointer of the schema declaring it (anchorRefs.ts), and one naming the
// root file itself its local form (selfFileRefs.ts), one naming a schema's `$id` that schema's pointer
// (idRefs.ts, before bundling).

import { readFile, realpath, stat } from 'node:fs/promises';
import { dirname, resolve as resolvePath, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { bundle, NormalizedProblem } from '@redocly/openapi-core';
import { findAliasCycle } from './aliasCycle.js';
import { anchorRefsAsPointers } from './anchorRefs.js';
import { selfFileRefsAsLocal } from './selfFileRefs.js';
import { idRefsAsPointers } from './idRefs.js';
import { expandedSize } from './expandedSize.js';
import { getAtPointer, isObject } from './jsonPointer.js';
import { findRefCycle } from './refCycle.js';
import { toOpenApiDocument, type OpenApiDocument } from './loadDocument.js';
import { dropUntypedNullable } from './dropUntypedNullable.js';
import { nullableAcrossCombinators } from './nullableAcrossCombinators.js';
import { nullTypeIntoCombinator } from './nullTypeBesideCombinator.js';
import { numericExclusiveBounds } from './booleanExclusiveBounds.js';
import { isOpenApi30, upgradeDocument } from './upgradeDocument.js';
import { danglingRefNote, structureNotes } from './structureNotes.js';
import { findUnwalkableMemberName } from './unwalkableMemberName.js';

/**
 * Nodes a document file may have once its YAML aliases are expanded: the largest public documents
 * of the corpus have tens of thousands; an alias bomb has hundreds of millions.
 */
const MAX_EXPANDED_NODES = 20_000_000;

/** Bytes a document file (the root or one its `$ref`s name) may have: the largest public documents have tens of MiB. */
const MAX_DOCUMENT_BYTES = 256 * 1024 * 1024;

/** Throws, naming `file`, when it is larger than MAX_DOCUMENT_BYTES: read whole, it could exhaust memory. */
async function assertReadableSize(file: string, shown: string): Promise<void> {
  let size: number;
  try {
    size = (await stat(file)).size;
  } catch {
    return; // a missing file: the resolver says so
  }
  if (size > MAX_DOCUMENT_BYTES) {
    throw new Error(`${shown} is ${Math.round(size / 1024 / 1024)} MiB, more than the ${MAX_DOCUMENT_BYTES / 1024 / 1024} MiB a document file may be; nothing was read`);
  }
}

/** Which URLs a load may fetch (the document itself, its external `$ref`s), and the rule in words for the refusal. */
export interface FetchPolicy {
  mayFetch(url: string): boolean;
  rule: string;
  /** Reads a URL `mayFetch` allows (within the caller's limits, no redirect followed); default: the bundler's own reader. */
  read?(url: string): Promise<{ body: string; mimeType?: string }>;
}

/** The root file is a Swagger (OpenAPI 2) document: said before the bundler reads it as a 3.x one and stumbles. */
/** The root file has no `openapi` field: a fragment other files `$ref` (a schema file), or no API description at all. */
class NotOpenApi extends Error {
  constructor(keys: string[]) {
    const shown = keys.slice(0, 5).join(', ') + (keys.length > 5 ? ', …' : '');
    super(`its top level has no 'openapi' field (it has ${shown || 'nothing'}): a fragment other files $ref, or no API description`);
  }
}

/** The root file's `openapi` field is not text (YAML reads an unquoted `openapi: 3.1` as a number). */
class UnquotedVersion extends Error {
  constructor(version: unknown) {
    super(`its openapi field is the ${typeof version} ${JSON.stringify(version)}, where OpenAPI asks for a version string such as "3.1.0" (quote it in YAML)`);
  }
}

/** The root file's `openapi` names a version the suite does not read (`'3'`, `3.2.0`). */
class UnreadVersion extends Error {
  constructor(readonly version: string) {
    super(version);
  }
}

/** Whether a document's `openapi` is a 3.0.x or 3.1.x version: the ones the suite reads. */
const readVersion = (doc: { openapi?: unknown }) => isOpenApi30(doc) || /^3\.1\.\d+(-[0-9A-Za-z.-]+)?$/.test(String(doc.openapi));

class SwaggerDocument extends Error {
  constructor(readonly version: unknown) {
    // YAML reads an unquoted `swagger: 2.0` as the number 2
    super(typeof version === 'number' && Number.isInteger(version) ? version.toFixed(1) : String(version));
  }
}

/** The default: files only, no URL at all. */
const FILES_ONLY: FetchPolicy = { mayFetch: () => false, rule: 'only files are read' };

/**
 * @redocly/openapi-core, imported on first use: it takes a few hundred ms to import, and only the
 * documents given with `--spec` are read with it. Its resolver reads files, and URLs only where
 * `policy` allows (core's: loopback), so loading a document never reaches an outside host.
 */
async function redocly(policy: FetchPolicy, folder: string | undefined) {
  const core = await import('@redocly/openapi-core');
  class PolicyResolver extends core.BaseResolver {
    override async loadExternalRef(absoluteRef: string) {
      const isFile = !/^[a-z][a-z0-9+.-]*:\/\//i.test(absoluteRef) || /^file:\/\//i.test(absoluteRef);
      if (!isFile && !policy.mayFetch(absoluteRef)) {
        throw new Error(`refusing to fetch ${absoluteRef}: ${policy.rule}`);
      }
      if (isFile) await assertInside(absoluteRef, folder);
      else if (policy.read) {
        const { body, mimeType } = await policy.read(absoluteRef);
        return new core.Source(absoluteRef, body, mimeType);
      }
      return super.loadExternalRef(absoluteRef);
    }

    override parseDocument(source: Parameters<InstanceType<typeof core.BaseResolver>['parseDocument']>[0], isRoot?: boolean) {
      const document = super.parseDocument(source, isRoot);
      if (isRoot && isObject(document.parsed) && 'swagger' in document.parsed) throw new SwaggerDocument(document.parsed.swagger);
      if (expandedSize(document.parsed, MAX_EXPANDED_NODES) > MAX_EXPANDED_NODES) {
        throw new Error(`the YAML aliases of ${source.absoluteRef} expand it to more than ${MAX_EXPANDED_NODES.toLocaleString('en-US')} nodes (an alias bomb?); nothing was read`);
      }
      const unwalkable = findUnwalkableMemberName(document.parsed);
      if (unwalkable) {
        throw new Error(`the member '${unwalkable.name}' at ${unwalkable.pointer} of ${source.absoluteRef} is named as a method of Object.prototype, which @redocly/openapi-core (the reader of --spec documents) cannot walk; nothing was read`);
      }
      const cycle = findAliasCycle(document.parsed);
      if (cycle) {
        throw new Error(`the YAML alias at ${cycle.alias} repeats ${cycle.repeats}, which holds it, so ${source.absoluteRef} never ends once its aliases are expanded; nothing was read`);
      }
      if (isRoot && isObject(document.parsed) && !('openapi' in document.parsed)) throw new NotOpenApi(Object.keys(document.parsed));
      if (isRoot && isObject(document.parsed) && typeof document.parsed.openapi !== 'string') throw new UnquotedVersion(document.parsed.openapi);
      if (isRoot && isObject(document.parsed) && !readVersion(document.parsed)) throw new UnreadVersion(String(document.parsed.openapi));
      if (isRoot) idRefsAsPointers(document.parsed); // a $ref to a schema's own $id is no file or URL to read
      return document;
    }
  }
  return { bundle: core.bundle, createConfig: core.createConfig, lintDocument: core.lintDocument, PolicyResolver };
}

/**
 * A file a `$ref` names is read only inside `folder` (the root document's, its symlinks resolved),
 * or not at all for a document read from a URL: a hostile document cannot make the suite read
 * `../../.ssh/id_rsa` or `/etc/passwd` into a report.
 */
async function assertInside(ref: string, folder: string | undefined): Promise<void> {
  const path = /^file:\/\//i.test(ref) ? fileURLToPath(ref) : resolvePath(ref);
  let real: string;
  try {
    real = await realpath(path);
  } catch {
    real = resolvePath(path); // a missing file: the resolver says so, if it is inside
  }
  if (folder === undefined || (real !== folder && !real.startsWith(folder.endsWith(sep) ? folder : folder + sep))) {
    throw new Error(`refusing to read ${ref}: it is outside the folder of the document${folder ? ` (${folder})` : ''}, and only files inside it are read`);
  }
  await assertReadableSize(real, ref);
}

function describeProblem(problem: NormalizedProblem): string {
  const where = problem.location[0];
  const at = where ? ` (${where.source.absoluteRef}${where.pointer ?? ''})` : '';
  return `${problem.message}${at}`;
}

/**
 * Reads the OpenAPI 3.0.x or 3.1.x document at `source` (a file path, or an http URL `policy` allows)
 * with every external `$ref` resolved, and returns it as a 3.1 document object. The Error, one
 * line, names `source` and what is wrong: missing file, YAML/JSON syntax, unresolvable `$ref`,
 * not an OpenAPI 3.0/3.1 document. With `notes`, the parts of the wrong type for OpenAPI, which
 * the suite cannot use as written, are pushed to it as lines for people (structureNotes.ts).
 */
export async function loadAnyDocument(source: string, policy: FetchPolicy = FILES_ONLY, options: { notes?: string[] } = {}): Promise<OpenApiDocument> {
  const isUrl = /^https?:\/\//i.test(source);
  if (isUrl && !policy.mayFetch(source)) {
    throw new Error(`OpenAPI document ${source}: ${policy.rule}`);
  }
  const ref = isUrl ? source : resolvePath(source);
  if (!isUrl) {
    try {
      if (!(await stat(ref)).isFile()) throw new Error('not a file');
    } catch (error) {
      throw new Error(`Cannot read OpenAPI document ${source}: ${(error as Error).message}`);
    }
    await assertReadableSize(ref, `OpenAPI document ${source}`);
  }
  let result: Awaited<ReturnType<typeof bundle>>;
  let lintStructure: (() => Promise<NormalizedProblem[]>) | undefined;
  try {
    const { bundle, createConfig, lintDocument, PolicyResolver } = await redocly(policy, isUrl ? undefined : await realpath(dirname(ref)));
    const config = await createConfig({});
    result = await bundle({ ref, config, externalRefResolver: new PolicyResolver() });
    const bundled = result.bundle;
    lintStructure = async () => lintDocument({ document: bundled, config: (await createConfig({ extends: [], rules: { struct: 'error' } })).styleguide, externalRefResolver: new PolicyResolver() });
  } catch (error) {
    if (error instanceof NotOpenApi) throw new Error(`OpenAPI document ${source} is not an OpenAPI document: ${error.message}`);
    if (error instanceof UnreadVersion) throw new Error(`OpenAPI document ${source} is not an OpenAPI 3.0.x or 3.1.x document (openapi: ${JSON.stringify(error.version)})`);
    if (error instanceof UnquotedVersion) throw new Error(`OpenAPI document ${source} is not an OpenAPI 3.0.x or 3.1.x document: ${error.message}`);
    if (error instanceof SwaggerDocument) {
      if (!/^[12]\.\d+$/.test(error.message)) throw new Error(`OpenAPI document ${source} has swagger: ${JSON.stringify(error.version)}, which is no Swagger version; only OpenAPI 3.0.x and 3.1.x are read`);
      throw new Error(`OpenAPI document ${source} is Swagger ${error.message}; only OpenAPI 3.0.x and 3.1.x are read`);
    }
    const cycle = isUrl || !/circular/i.test((error as Error).message) ? undefined : await refCycleIn(ref);
    const why = cycle ? `a $ref cycle that never reaches a value: ${cycle.join(' → ')}` : oneLine((error as Error).message);
    throw new Error(`Cannot load OpenAPI document ${source}: ${why}`);
  }
  const parsedBundle: unknown = isUrl ? result.bundle.parsed : selfFileRefsAsLocal(result.bundle.parsed, ref);
  const dangling = result.problems.filter((p) => p.severity === 'error' && danglingLocalRef(p, ref, parsedBundle) !== undefined);
  const errors = result.problems.filter((p) => p.severity === 'error' && !isMappingToName(p) && !dangling.includes(p));
  if (errors.length > 0) {
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
    throw new Error(`Cannot load OpenAPI document ${source}: ${oneLine(describeProblem(errors[0] as NormalizedProblem))}${more}`);
  }
  const parsed: unknown = parsedBundle;
  if (!isObject(parsed)) throw new Error(`OpenAPI document ${source} is not an OpenAPI document: expected an object at the top level`);
  if (!readVersion(parsed)) {
    throw new Error(`OpenAPI document ${source} is not an OpenAPI 3.0.x or 3.1.x document (openapi: ${JSON.stringify(parsed.openapi)})`);
  }
  if (options.notes) {
    for (const problem of dangling) {
      options.notes.push(danglingRefNote(`${problem.location[0]?.pointer ?? '#'}/$ref`, danglingLocalRef(problem, ref, parsedBundle) as string));
    }
    try {
      options.notes.push(...structureNotes(await lintStructure()));
    } catch {
      // the bundle was read; a lint that cannot run on it only costs the notes
    }
  }
  const read = nullableAcrossCombinators(anchorRefsAsPointers(parsed));
  const upgraded = upgradeDocument(read);
  return toOpenApiDocument(nullTypeIntoCombinator(upgraded === read ? numericExclusiveBounds(dropUntypedNullable(read)) : upgraded), `OpenAPI document ${source}`);
}

/**
 * A discriminator `mapping` value may name a schema (`Cat`) instead of referencing one (OpenAPI
 * 3.0 §4.7.25, 3.1 §4.8.25); the bundler reads every mapping value as a `$ref` and cannot resolve
 * a name. The value is kept as written, and the suite reads it as the name of a component schema.
 */
function isMappingToName(problem: NormalizedProblem): boolean {
  const pointer = problem.location[0]?.pointer ?? '';
  return problem.message.startsWith("Can't resolve $ref") && /\/discriminator\/mapping\/[^/]+$/.test(pointer);
}

/**
 * The `$ref` of a problem the bundler reports for a local reference of the root file that names
 * nothing (`#/components/links/getBurger` where there is no such link), or undefined for any other
 * problem. Such a reference does not stop the document from loading: the suite reads it where an
 * operation needs it (a schema that does not compile fails that operation, naming it), and Prism's
 * copy leaves it out; a file or URL that cannot be read still stops the load.
 */
function danglingLocalRef(problem: NormalizedProblem, root: string, bundled: unknown): string | undefined {
  const where = problem.location[0];
  if (problem.message !== "Can't resolve $ref" || !where?.pointer || where.source.absoluteRef !== root) return undefined;
  let node: unknown;
  try {
    node = getAtPointer(bundled, where.pointer);
  } catch {
    return undefined;
  }
  return isObject(node) && typeof node.$ref === 'string' && node.$ref.startsWith('#') ? node.$ref : undefined;
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
