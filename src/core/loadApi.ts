/**
 * One API's bundled document loaded once, with its validator and its operations: the object the
 * suite and the sandbox both receive (no module caches). Loading compiles every schema either
 * side will check against, so a schema ajv cannot compile, a `$ref` that does not resolve, or a
 * documented JSON response without a schema stops here, naming the pointer (fail closed).
 */
import { loadDocument, type OpenApiDocument } from '../openapi/loadDocument.js';
import { listOperations, type Operation } from '../openapi/operations.js';
import { createSchemaValidator, type SchemaValidator } from '../openapi/schemaValidator.js';
import type { Registry, RegistryEntry } from './registry.js';

export interface LoadedApi {
  name: string;
  entry: RegistryEntry;
  file: string;
  doc: OpenApiDocument;
  validator: SchemaValidator;
  operations: Operation[];
  /** The operation with `operationId`; throws naming the API when there is none. */
  operation(operationId: string): Operation;
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
