/**
 * The three bundled documents the sandbox serves, loaded once at start: each with its validator
 * and its operations. Everything the HTTP layer knows about routes, parameters, bodies, scopes and
 * statuses is read from here, never from a hand-written copy.
 */
import { documentFile } from '../../conformance/run/documentFile.js';
import type { ApiName } from '../../conformance/model.js';
import { loadDocument, type OpenApiDocument } from '../../openapi/loadDocument.js';
import { listOperations, type Operation } from '../../openapi/operations.js';
import { createSchemaValidator, type SchemaValidator } from '../../openapi/schemaValidator.js';

export interface ApiDocument {
  api: ApiName;
  file: string;
  doc: OpenApiDocument;
  validator: SchemaValidator;
  operations: Operation[];
}

export type ApiDocuments = Record<ApiName, ApiDocument>;

export async function loadApiDocument(api: ApiName, file = documentFile(api)): Promise<ApiDocument> {
  const doc = await loadDocument(file);
  return { api, file, doc, validator: createSchemaValidator(doc), operations: listOperations(doc) };
}

/** Loads `generated/{layers,ayrshare,hoko}/openapi.json`. */
export async function loadApiDocuments(): Promise<ApiDocuments> {
  const [layers, ayrshare, hoko] = await Promise.all([loadApiDocument('layers'), loadApiDocument('ayrshare'), loadApiDocument('hoko')]);
  return { layers, ayrshare, hoko };
}
