import { readFileSync } from 'node:fs';
import { documentFile } from '../../conformance/run/documentFile.js';
import type { ApiName } from '../../conformance/model.js';
import { toOpenApiDocument } from '../../openapi/loadDocument.js';
import { getOperation, type HttpMethod } from '../../openapi/operations.js';

const cache = new Map<ApiName, ReturnType<typeof toOpenApiDocument>>();

/**
 * A named response example of a bundled document, so the sandbox answers with the documented
 * messages and codes instead of a second copy of them. Throws naming what is missing.
 */
export function documentedExample(api: ApiName, method: HttpMethod, path: string, status: string, name: string): unknown {
  let doc = cache.get(api);
  if (!doc) {
    const file = documentFile(api);
    doc = toOpenApiDocument(JSON.parse(readFileSync(file, 'utf8')), file);
    cache.set(api, doc);
  }
  const example = getOperation(doc, method, path).namedExamples(status)[name];
  if (example === undefined) throw new Error(`${api}: ${method.toUpperCase()} ${path} documents no ${status} example '${name}'`);
  return example;
}
