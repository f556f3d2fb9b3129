import { isObject } from '../../openapi/jsonPointer.js';
import type { OpenApiDocument } from '../../openapi/loadDocument.js';
import type { Located, Operation } from '../../openapi/operations.js';
import { securityAlternatives } from '../../core/securitySchemes.js';
import { SuiteSetupError } from '../failClosed.js';
import type { RequestSpec } from '../model.js';

/** The first example a parameter documents: its `example`, its first named example, or its schema's first `examples` entry. */
export function parameterExample(doc: OpenApiDocument, parameter: Located): unknown {
  const p = parameter.value;
  if (p.example !== undefined) return p.example;
  if (isObject(p.examples)) {
    const first = Object.values(p.examples)[0];
    if (isObject(first) && first.value !== undefined) return first.value;
    if (isObject(first) && typeof first.$ref === 'string') {
      const target = first.$ref.replace(/^#\/components\/examples\//, '');
      const example = (doc.components?.examples as Record<string, { value?: unknown }> | undefined)?.[target];
      if (example?.value !== undefined) return example.value;
    }
  }
  const schema = p.schema;
  if (isObject(schema) && Array.isArray(schema.examples) && schema.examples.length > 0) return schema.examples[0];
  if (isObject(schema) && typeof schema.$ref === 'string') {
    const name = schema.$ref.replace(/^#\/components\/schemas\//, '');
    const target = (doc.components?.schemas as Record<string, { examples?: unknown[] }> | undefined)?.[name];
    if (target?.examples?.length) return target.examples[0];
  }
  return undefined;
}

/**
 * A request the document says is valid: required parameters from their examples, the given body
 * (a named request example), authenticated with `scheme` (or the first documented one).
 * Throws SuiteSetupError naming the parameter when a required one has no example.
 */
export function buildValidRequest(
  doc: OpenApiDocument,
  operation: Operation,
  options: { body?: unknown; scheme?: string } = {},
): RequestSpec {
  const request: RequestSpec = {
    method: operation.method.toUpperCase(),
    pathTemplate: operation.path,
    pathParams: {},
    query: {},
    headers: {},
    auth: { kind: 'none' },
  };
  for (const parameter of operation.parameters()) {
    const { name, in: location, required } = parameter.value as { name: string; in: string; required?: boolean };
    if (location !== 'path' && !required) continue;
    const example = parameterExample(doc, parameter);
    if (example === undefined) {
      throw new SuiteSetupError(`cannot build a valid request for ${operation.operationId}: parameter '${name}' (${parameter.pointer}) has no example`);
    }
    const value = String(example);
    if (location === 'path') request.pathParams[name] = value;
    else if (location === 'query') request.query[name] = value;
    else if (location === 'header') request.headers[name] = value;
  }
  const scheme = options.scheme ?? securityAlternatives(operation)[0];
  if (scheme) request.auth = { kind: 'scheme', scheme };
  if (options.body !== undefined) request.body = { json: options.body };
  return request;
}
