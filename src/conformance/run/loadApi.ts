import { listOperations } from '../../openapi/operations.js';
import { loadDocument, type OpenApiDocument } from '../../openapi/loadDocument.js';
import { createSchemaValidator, type SchemaValidator } from '../../openapi/schemaValidator.js';
import { SuiteSetupError } from '../failClosed.js';
import type { ApiName } from '../model.js';
import { documentFile } from './documentFile.js';

export interface LoadedApi {
  api: ApiName;
  file: string;
  doc: OpenApiDocument;
  validator: SchemaValidator;
}

/**
 * Loads an API's bundled document and compiles every schema the suite will check against, so a
 * schema ajv cannot compile, a `$ref` that does not resolve, or a documented JSON response without
 * a schema stops the run before any request (fail closed), naming the pointer.
 */
export async function loadApi(api: ApiName, file = documentFile(api)): Promise<LoadedApi> {
  let doc: OpenApiDocument;
  try {
    doc = await loadDocument(file);
  } catch (error) {
    throw new SuiteSetupError((error as Error).message);
  }
  const validator = createSchemaValidator(doc);
  try {
    for (const op of listOperations(doc)) {
      const request = op.schemaPointer('request');
      if (request) validator.compile(request);
      for (const status of op.statuses()) {
        const response = op.response(status);
        const content = response?.value.content as Record<string, { schema?: unknown }> | undefined;
        for (const [type, media] of Object.entries(content ?? {})) {
          if (media.schema === undefined) throw new SuiteSetupError(`${op.operationId} documents a ${status} ${type} response without a schema (${response?.pointer}/content)`);
          validator.compile(op.schemaPointer(status, type) as string);
        }
        for (const header of Object.values(op.responseHeaders(status))) if (header.value.schema !== undefined) validator.compile(`${header.pointer}/schema`);
      }
      for (const p of op.parameters()) if (p.value.schema !== undefined) validator.compile(`${p.pointer}/schema`);
    }
  } catch (error) {
    if (error instanceof SuiteSetupError) throw error;
    throw new SuiteSetupError(`${file}: ${(error as Error).message}`);
  }
  return { api, file, doc, validator };
}
