import { childPointer, encodePointer, getAtPointer, isObject, resolveRef } from './jsonPointer.js';
import type { OpenApiDocument } from './loadDocument.js';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
export type HttpMethod = (typeof METHODS)[number];

/** A `$ref`-resolved object of the document with the pointer it was found at. */
export interface Located<T = Record<string, unknown>> {
  value: T;
  pointer: string;
}

/** One operation of a bundled document, with its parts `$ref`-resolved on demand. */
export interface Operation {
  method: HttpMethod;
  path: string;
  pointer: string;
  operationId: string;
  raw: Record<string, unknown>;
  /** Parameters of the path item and the operation (the operation's win), resolved. */
  parameters(): Located[];
  parameter(name: string, location?: string): Located | undefined;
  /** The request body object, resolved, or undefined when the operation takes none. */
  requestBody(): Located | undefined;
  /** Documented status keys (`'200'`, `'404'`, `'default'` …) in document order. */
  statuses(): string[];
  response(status: string): Located | undefined;
  /** Pointer of the schema of `status`'s `mediaType` content (or of the request body's with 'request'). */
  schemaPointer(status: string | 'request', mediaType?: string): string | undefined;
  /** Named examples of `status`'s (or the request body's) content, by name, resolved to their values. */
  namedExamples(status: string | 'request', mediaType?: string): Record<string, unknown>;
  /** Response headers of `status`, by name, resolved. */
  responseHeaders(status: string): Record<string, Located>;
  /** The operation's security requirements (its own, else the document's). */
  security(): Record<string, string[]>[];
}

function resolveObject(doc: OpenApiDocument, value: unknown, pointer: string): Located {
  const resolved = resolveRef(doc, value, pointer);
  if (!isObject(resolved.value)) throw new Error(`Expected an object at ${resolved.pointer}`);
  return { value: resolved.value, pointer: resolved.pointer };
}

function makeOperation(doc: OpenApiDocument, path: string, method: HttpMethod): Operation {
  const itemPointer = encodePointer(['paths', path]);
  const item = resolveObject(doc, getAtPointer(doc, itemPointer), itemPointer);
  const pointer = childPointer(item.pointer, method);
  const raw = item.value[method];
  if (!isObject(raw)) throw new Error(`No operation at ${pointer}`);

  const content = (status: string | 'request'): Located | undefined => {
    const holder = status === 'request' ? op.requestBody() : op.response(status);
    if (!holder) return undefined;
    const c = holder.value.content;
    return isObject(c) ? { value: c, pointer: childPointer(holder.pointer, 'content') } : undefined;
  };
  const media = (status: string | 'request', mediaType: string): Located | undefined => {
    const c = content(status);
    const m = c?.value[mediaType];
    return c && isObject(m) ? { value: m, pointer: childPointer(c.pointer, mediaType) } : undefined;
  };

  const op: Operation = {
    method,
    path,
    pointer,
    operationId: typeof raw.operationId === 'string' ? raw.operationId : `${method} ${path}`,
    raw,
    parameters() {
      const collect = (list: unknown, at: string): Located[] =>
        Array.isArray(list) ? list.map((p, i) => resolveObject(doc, p, childPointer(at, 'parameters', i))) : [];
      const own = collect(raw.parameters, pointer).filter((p) => !isIgnoredHeader(p));
      const key = (p: Located) => `${String(p.value.in)}:${String(p.value.name)}`;
      const ownKeys = new Set(own.map(key));
      return [...collect(item.value.parameters, item.pointer).filter((p) => !ownKeys.has(key(p)) && !isIgnoredHeader(p)), ...own];
    },
    parameter(name, location) {
      return op.parameters().find((p) => p.value.name === name && (location === undefined || p.value.in === location));
    },
    requestBody() {
      return raw.requestBody === undefined ? undefined : resolveObject(doc, raw.requestBody, childPointer(pointer, 'requestBody'));
    },
    statuses() {
      return isObject(raw.responses) ? Object.keys(raw.responses).filter((key) => !isExtension(key)) : [];
    },
    response(status) {
      const responses = raw.responses;
      if (!isObject(responses) || responses[status] === undefined) return undefined;
      return resolveObject(doc, responses[status], childPointer(pointer, 'responses', status));
    },
    schemaPointer(status, mediaType = 'application/json') {
      const m = media(status, mediaType);
      return m && m.value.schema !== undefined ? childPointer(m.pointer, 'schema') : undefined;
    },
    namedExamples(status, mediaType = 'application/json') {
      const m = media(status, mediaType);
      if (!m || !isObject(m.value.examples)) return {};
      const examplesPointer = childPointer(m.pointer, 'examples');
      return Object.fromEntries(
        Object.entries(m.value.examples).map(([name, e]) => [name, resolveObject(doc, e, childPointer(examplesPointer, name)).value.value]),
      );
    },
    responseHeaders(status) {
      const r = op.response(status);
      const headers = r?.value.headers;
      if (!r || !isObject(headers)) return {};
      return Object.fromEntries(
        Object.entries(headers)
          .filter(([name]) => name.toLowerCase() !== 'content-type')
          .map(([name, h]) => [name, resolveObject(doc, h, childPointer(r.pointer, 'headers', name))]),
      );
    },
    security() {
      const list = raw.security ?? doc.security;
      return Array.isArray(list) ? (list as Record<string, string[]>[]) : [];
    },
  };
  return op;
}

/**
 * Header parameters the specification says SHALL be ignored (OpenAPI 3.0.3 §4.7.12.1, 3.1
 * §4.8.12.1): `Accept`, `Content-Type` and `Authorization` are said by the media types and the
 * security schemes. PagerDuty's `Accept: application/vnd.pagerduty+json;version=2`, sent as
 * written, asked for a media type no response has (Prism: 406).
 */
export const IGNORED_HEADER_PARAMETERS: ReadonlySet<string> = new Set(['accept', 'content-type', 'authorization']);

function isIgnoredHeader(parameter: Located): boolean {
  return parameter.value.in === 'header' && typeof parameter.value.name === 'string' && IGNORED_HEADER_PARAMETERS.has(parameter.value.name.toLowerCase());
}

/** An `x-` field: a specification extension, whose value is anything, never a path or a status. */
function isExtension(key: string): boolean {
  return key.startsWith('x-');
}

/** Every operation of the document, in document order (the Paths Object's `x-` extensions are no paths). */
export function listOperations(doc: OpenApiDocument): Operation[] {
  const operations: Operation[] = [];
  for (const [path, value] of Object.entries(doc.paths ?? {})) {
    if (isExtension(path)) continue;
    const item = resolveObject(doc, value, encodePointer(['paths', path])).value;
    for (const method of METHODS) if (isObject(item[method])) operations.push(makeOperation(doc, path, method));
  }
  return operations;
}

/** The operation at `method path`; throws naming it when the document has none. */
export function getOperation(doc: OpenApiDocument, method: HttpMethod, path: string): Operation {
  const found = listOperations(doc).find((o) => o.method === method && o.path === path);
  if (!found) throw new Error(`The document has no operation ${method.toUpperCase()} ${path}`);
  return found;
}
