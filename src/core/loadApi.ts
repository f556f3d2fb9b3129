/**
 * One API's bundled document loaded once, with its validator and its operations: the object the
 * suite and the sandbox both receive (no module caches). Loading compiles every schema either
 * side will check against, so a schema ajv cannot compile, a `$ref` that does not resolve, or a
 * documented JSON response without a schema stops here, naming the pointer (fail closed).
 */
import { createAjv } from '../openapi/createAjv.js';
import { childPointer } from '../openapi/jsonPointer.js';
import { loadAnyDocument, type FetchPolicy } from '../openapi/loadAnyDocument.js';
import { loadDocument, type OpenApiDocument } from '../openapi/loadDocument.js';
import { listOperations, type Operation } from '../openapi/operations.js';
import { createSchemaValidator, SchemaCompileError, type SchemaValidator } from '../openapi/schemaValidator.js';
import { foreignDialect } from '../openapi/schemaDialect.js';
import { structureNotePointer } from '../openapi/structureNotes.js';
import { boundedFetch } from './boundedFetch.js';
import { isLoopbackUrl } from './loopback.js';
import type { Registry, RegistryEntry } from './registry.js';

/** Why one operation of a foreign document cannot be tested, with the place in the document at fault. */
export interface OperationIssue {
  /** `error`: a defect that fails the operation (a schema ajv cannot compile); `skip`: the engine cannot test it. */
  kind: 'error' | 'skip';
  reason: string;
  pointer: string;
}

export interface LoadedApi {
  name: string;
  entry: RegistryEntry;
  file: string;
  doc: OpenApiDocument;
  validator: SchemaValidator;
  operations: Operation[];
  /** The operation with `operationId`; throws naming the API when there is none. */
  operation(operationId: string): Operation;
  /**
   * `foreign`: a document nobody here wrote (`--spec`): read with the lenient ajv, and each
   * operation the engine cannot test is reported on its own (see `issues`) instead of stopping the
   * run. Absent: one of this project's documents, strict and fail-closed as a whole.
   */
  mode?: 'strict' | 'foreign';
  /** Foreign documents: operations whose schemas do not compile, by the operation's pointer (an operationId may be repeated). */
  issues?: Map<string, OperationIssue>;
  /** Foreign documents: what the lenient ajv let pass (unknown formats, non-`u` patterns), each once. */
  warnings?: string[];
}

/** A document the tools cannot use; the message names the file and the pointer. */
export class DocumentError extends Error {
  override name = 'DocumentError';
}

function compileAll(validator: SchemaValidator, operations: Operation[]): void {
  for (const op of operations) {
    const request = op.schemaPointer('request');
    if (request) validator.compile(request);
    for (const status of op.statuses()) {
      const response = op.response(status);
      const content = response?.value.content as Record<string, { schema?: unknown }> | undefined;
      for (const [type, media] of Object.entries(content ?? {})) {
        if (media.schema === undefined) throw new DocumentError(`${op.operationId} documents a ${status} ${type} response without a schema (${response?.pointer}/content)`);
        validator.compile(op.schemaPointer(status, type) as string);
      }
      for (const header of Object.values(op.responseHeaders(status))) if (header.value.schema !== undefined) validator.compile(`${header.pointer}/schema`);
    }
    for (const p of op.parameters()) if (p.value.schema !== undefined) validator.compile(`${p.pointer}/schema`);
  }
}

/** Loads `name`'s bundled document (or `file` instead) and compiles it; throws DocumentError. */
export async function loadApi(registry: Registry, name: string, file = registry.documentFile(name)): Promise<LoadedApi> {
  const entry = registry.get(name);
  let doc: OpenApiDocument;
  try {
    doc = await loadDocument(file);
  } catch (error) {
    throw new DocumentError((error as Error).message);
  }
  const validator = createSchemaValidator(doc);
  let operations: Operation[];
  try {
    operations = listOperations(doc);
    compileAll(validator, operations);
  } catch (error) {
    if (error instanceof DocumentError) throw error;
    throw new DocumentError(`${file}: ${(error as Error).message}`);
  }
  return {
    name,
    entry,
    file,
    doc,
    validator,
    operations,
    operation(operationId) {
      const found = operations.find((o) => o.operationId === operationId);
      if (!found) throw new DocumentError(`the ${name} document declares no operation ${operationId}`);
      return found;
    },
  };
}

/** Every API of the registry (or those named), loaded side by side. */
export async function loadApis(registry: Registry, names: string[] = registry.apis.map((a) => a.name)): Promise<LoadedApi[]> {
  return Promise.all(names.map((name) => loadApi(registry, name)));
}

/**
 * Compiles one operation's schemas, for a foreign document: parameters, request body, each
 * documented response content and header that has a schema (non-JSON content may have none).
 * The first schema that does not compile is returned as that operation's issue.
 */
function compileOperation(doc: OpenApiDocument, validator: SchemaValidator, op: Operation): OperationIssue | undefined {
  const pointers: string[] = [];
  for (const p of op.parameters()) if (p.value.schema !== undefined) pointers.push(`${p.pointer}/schema`);
  const body = op.requestBody();
  const content = (holder: { value: Record<string, unknown>; pointer: string } | undefined) => {
    const c = holder?.value.content as Record<string, { schema?: unknown }> | undefined;
    for (const [type, media] of Object.entries(c ?? {})) {
      if (media && typeof media === 'object' && media.schema !== undefined) pointers.push(childPointer(holder!.pointer, 'content', type, 'schema'));
    }
  };
  content(body);
  for (const status of op.statuses()) {
    content(op.response(status));
    for (const header of Object.values(op.responseHeaders(status))) if (header.value.schema !== undefined) pointers.push(`${header.pointer}/schema`);
  }
  for (const pointer of pointers) {
    const dialect = foreignDialect(doc, pointer);
    if (dialect) return { kind: 'skip', reason: `the schema is written in the JSON Schema dialect ${dialect.uri} (declared at ${dialect.pointer}): the suite validates JSON Schema 2020-12, OpenAPI 3.1's own, only`, pointer };
  }
  for (const pointer of pointers) {
    try {
      validator.compile(pointer);
    } catch (error) {
      const at = error instanceof SchemaCompileError ? error.pointer : pointer;
      return { kind: 'error', reason: (error as Error).message, pointer: at };
    }
  }
  return undefined;
}

/**
 * Loads a document nobody here wrote (a file, a multi-file root or a loopback URL; JSON or YAML;
 * OpenAPI 3.0 upgraded to 3.1) as `entry` (an ad-hoc registry entry), with the foreign-mode ajv.
 * Only an unreadable document throws (DocumentError); an operation whose schemas do not compile
 * is listed in `issues` and the others stay testable. `file` is set by the caller that writes the
 * bundled document for Prism.
 */
/** A `--spec` document and its external `$ref`s: files, and URLs on this machine only. */
const LOOPBACK_ONLY: FetchPolicy = { mayFetch: isLoopbackUrl, rule: 'only files and loopback URLs are read', read: readDocumentUrl };

/** A document file's limits read from a URL: as from disk, 256 MiB, and half a minute; a redirect is not followed (it could lead off loopback). */
const DOCUMENT_URL_LIMITS = { timeoutMs: 30_000, maxBodyBytes: 256 * 1024 * 1024 };

async function readDocumentUrl(url: string): Promise<{ body: string; mimeType?: string }> {
  let response: Awaited<ReturnType<typeof boundedFetch>>;
  try {
    response = await boundedFetch(url, { method: 'GET', headers: { Accept: 'application/json, application/yaml, */*' } }, DOCUMENT_URL_LIMITS);
  } catch (error) {
    throw new Error(`cannot read ${url}: ${(error as Error).message}`);
  }
  if (response.status !== 200) throw new Error(`cannot read ${url}: it answered ${response.status}${response.status >= 300 && response.status < 400 ? ' (redirects are not followed)' : ''}`);
  const mimeType = response.headers['content-type']?.split(';')[0]?.trim();
  return { body: response.bodyText, ...(mimeType ? { mimeType } : {}) };
}

export async function loadForeignApi(entry: RegistryEntry, source: string): Promise<LoadedApi> {
  let doc: OpenApiDocument;
  const warnings: string[] = [];
  try {
    doc = await loadAnyDocument(source, LOOPBACK_ONLY, { notes: warnings });
  } catch (error) {
    throw new DocumentError((error as Error).message);
  }
  let validator: SchemaValidator;
  try {
    validator = createSchemaValidator(doc, createAjv(doc, { mode: 'foreign', onWarning: (w) => warnings.push(w.message) }), () => createAjv(doc, { mode: 'foreign', allErrors: false }));
  } catch (error) {
    throw new DocumentError(`${source}: ${(error as Error).message}`);
  }
  let operations: Operation[];
  try {
    operations = listOperations(doc);
  } catch (error) {
    throw new DocumentError(`${source}: ${(error as Error).message}`);
  }
  const issues = new Map<string, OperationIssue>();
  for (const op of operations) {
    let issue: OperationIssue | undefined;
    try {
      issue = compileOperation(doc, validator, op);
    } catch (error) {
      issue = { kind: 'error', reason: (error as Error).message, pointer: op.pointer };
    }
    if (issue) issues.set(op.pointer, issue);
  }
  // A wrong type inside a schema an operation uses (`minimum: '1'`) is its schema-compile issue,
  // pointer and all: the structure note on the same spot would name it twice.
  const named = new Set([...issues.values()].map((issue) => issue.pointer));
  // In place: the validator goes on adding its warnings to this list as it compiles.
  for (let i = warnings.length - 1; i >= 0; i--) {
    const pointer = structureNotePointer(warnings[i] as string);
    if (pointer !== undefined && named.has(pointer)) warnings.splice(i, 1);
  }
  return {
    name: entry.name,
    entry,
    file: source,
    doc,
    validator,
    operations,
    mode: 'foreign',
    issues,
    warnings,
    operation(operationId) {
      const found = operations.find((o) => o.operationId === operationId);
      if (!found) throw new DocumentError(`the ${entry.name} document declares no operation ${operationId}`);
      return found;
    },
  };
}
