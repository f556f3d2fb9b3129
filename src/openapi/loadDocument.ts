import { readFile } from 'node:fs/promises';

/** A bundled OpenAPI 3.1 document, typed only as far as this module relies on it. */
export interface OpenApiDocument {
  openapi: string;
  info?: Record<string, unknown>;
  paths?: Record<string, unknown>;
  webhooks?: Record<string, unknown>;
  components?: Record<string, Record<string, unknown> | undefined>;
  [field: string]: unknown;
}

/** Checks that `value` (read from `source`) is an OpenAPI 3.1.x document object. */
export function toOpenApiDocument(value: unknown, source: string): OpenApiDocument {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error(`${source} is not an OpenAPI document: expected a JSON object at the top level`);
  }
  const version = (value as Record<string, unknown>).openapi;
  if (typeof version !== 'string' || !/^3\.1\.\d+(-[0-9A-Za-z.-]+)?$/.test(version)) {
    throw new Error(`${source} is not an OpenAPI 3.1.x document (openapi: ${JSON.stringify(version)})`);
  }
  return value as OpenApiDocument;
}

/** Reads a bundled OpenAPI 3.1 JSON file; the Error names the file when it is missing, not JSON or not 3.1.x. */
export async function loadDocument(file: string): Promise<OpenApiDocument> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new Error(`Cannot read OpenAPI document ${file}: ${(error as Error).message}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Error(`OpenAPI document ${file} is not valid JSON: ${(error as Error).message}`);
  }
  return toOpenApiDocument(value, `OpenAPI document ${file}`);
}
