/**
 * The copy of a foreign document written for Prism (a `--spec` document; this project's documents
 * are served as generated). Prism reads some parts of a 3.1 document otherwise than the suite, or
 * cannot read them at all; the copy removes those differences, and nothing else:
 *
 * - the schema dialect: Prism validates with JSON Schema draft-07 unless `jsonSchemaDialect`
 *   names 2020-12 (prism-http picks its ajv by `$schema`), so `prefixItems`, `$ref` siblings and
 *   `dependentRequired` were ignored and a valid `tags: ["x", 1]` with `items: false` rejected.
 *   The suite reads every document as OpenAPI 3.1 (3.0 is upgraded first), whose default dialect
 *   is 2020-12: the copy says so.
 * - `$ref`s in extensions (`x-topics: { content: { $ref: ./docs/intro.md } }`): the bundler leaves
 *   them, and Prism, which resolves every `$ref`, stops on a file that is not beside the copy. An
 *   extension holding a `$ref` that does not resolve inside the document is left out, and so is an
 *   example (or default, const, enum) holding one: a `$ref` in data is no reference, but Prism reads it as one.
 * - response header examples that are not strings (`Link` with `example: ['<…>; rel="next"']`):
 *   Prism sends the example as the header and then crashes on it while validating its own answer
 *   (`value.split is not a function`). A header travels as text, so the copy writes each example
 *   as its `simple`-style text (`a,b` for an array); a header without an example gets a sampled
 *   one its schema accepts (Prism sends `null` or the word `string` for it, which breaks any
 *   object, array or patterned header), repaired as the suite repairs its own samples (a string
 *   matching the pattern, a value of the enum) where openapi-sampler's breaks the schema.
 * - `explode` of a `form` parameter (query, cookie) left unsaid: OpenAPI's default is `true`, and
 *   Prism reads it as `false`, so of `?type=a&type=b` it validates only the last value, split on
 *   commas (DigitalOcean's `deployment_types=not_in_enum&deployment_types=AUTOSCALED` passed).
 *   The copy says `explode: true` where the document leaves it to the default.
 * - a response header Content-Encoding: `identity` where its schema allows it, else left out
 *   (Prism never encodes a body, and a `gzip` it announced made the client fail to decode it).
 * - header parameters named `Accept`, `Content-Type` or `Authorization`: OpenAPI says they SHALL be
 *   ignored (the suite does: see operations.ts), and Prism validates them (PagerDuty's MCP
 *   endpoint requires `Accept: application/json, text/event-stream`: every request got Prism's
 *   400). The copy leaves them out of each path item's and operation's parameters.
 * - `x-` extensions of the Paths Object (`x-shared: { get: … }`, `x-note: null`): Prism reads
 *   every member of `paths` as a path and crashes on each request ("Malformed path 'x-shared'").
 *   The copy leaves them out, and a path item whose `$ref` names one gets the item it names.
 */
import { repairToValid, type RepairableError } from '../../cases/repairSample.js';
import { childPointer, getAtPointer, isObject, isRef, refToPointer } from '../../../openapi/jsonPointer.js';
import { holdsDanglingRef, resolvesInside } from '../../../openapi/danglingRef.js';
import type { OpenApiDocument } from '../../../openapi/loadDocument.js';
import { IGNORED_HEADER_PARAMETERS } from '../../../openapi/operations.js';
import { serializeParameter } from '../../../openapi/serializeParameter.js';
import { sampleQuietly } from '../../../openapi/sampleQuietly.js';

const DRAFT_2020_12 = 'https://json-schema.org/draft/2020-12/schema';
/** OpenAPI 3.1's default dialect: 2020-12 with OpenAPI's vocabulary, which Prism does not recognise. */
const OAS_BASE_DIALECT = /^https:\/\/spec\.openapis\.org\/oas\/3\.1\/dialect\/base$/;

/**
 * Members whose value is data that Prism would still dereference: an example (`example`, an
 * Example Object's `value`, a schema's `examples`), `default`, `const`, `enum`. One holding a `$ref`
 * that does not resolve inside the document (GitHub's SCIM examples hold `$ref: https://api.github.com/…`)
 * is left out of Prism's copy: Prism would fetch that URL, or stop on it.
 */
const DATA_MEMBERS = new Set(['example', 'examples', 'value', 'default', 'const', 'enum']);

/** Whether `value` is a `$ref` to a pointer of the document that names nothing (the loader lets such a document load, noting it). */
const danglingLocal = (doc: unknown, value: unknown) => isObject(value) && typeof value.$ref === 'string' && value.$ref.startsWith('#') && !resolvesInside(doc, value.$ref);

/**
 * A copy of `value` without the `x-` members and data members that hold a dangling `$ref`, and
 * without the local `$ref`s that name nothing (a link to a component that is not there): Prism
 * refuses to start on one, and the suite fails the operations that need it.
 */
function withoutDanglingExtensions(doc: unknown, value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((v) => !danglingLocal(doc, v)).map((v) => withoutDanglingExtensions(doc, v));
  if (!isObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, member] of Object.entries(value)) {
    if (danglingLocal(doc, member)) continue;
    if (key.startsWith('x-') && holdsDanglingRef(doc, member)) continue;
    if (DATA_MEMBERS.has(key) && !(key === 'examples' && isObject(member) && !Array.isArray(member)) && holdsDanglingRef(doc, member)) continue;
    out[key] = withoutDanglingExtensions(doc, member);
  }
  return out;
}

/** A header example as the text it travels as (`simple` style); strings are kept. */
function headerText(name: string, example: unknown): unknown {
  if (typeof example === 'string' || example === undefined) return example;
  try {
    return (serializeParameter({ name, in: 'header' }, example) as { value: string }).value;
  } catch {
    return String(example);
  }
}

/** Whether `value` is valid against the schema at `pointer` (of the document, which the copy keeps the pointers of). */
export type Accepts = (pointer: string, value: unknown) => boolean;
/** The schema errors of `value` at `pointer`, for repairing a sample. */
export type ErrorsAt = (pointer: string, value: unknown) => RepairableError[];

/**
 * Writes every example of one Header Object (in place) as header text. A header with no example
 * gets one sampled from its schema, when `accepts` finds the sample valid: Prism sends `null` (or
 * the word `string`) for it, a value its schema rejects (with its own response validation on,
 * Prism then crashed on an array or object header: `Cannot read properties of null (reading 'split')`).
 */
function headerExamplesAsText(doc: unknown, pointer: string, name: string, header: unknown, accepts: Accepts | undefined, errorsAt: ErrorsAt | undefined): void {
  if (!isObject(header) || typeof header.$ref === 'string') return;
  const documented = header.example !== undefined || (isObject(header.examples) && Object.keys(header.examples).length > 0);
  if (!documented && header.schema !== undefined && accepts) {
    try {
      const schemaPointer = childPointer(pointer, 'schema');
      let sample: unknown = sampleQuietly(header.schema, {}, doc);
      if (sample !== undefined && errorsAt) sample = repairToValid(sample, (value) => errorsAt(schemaPointer, value));
      if (sample !== undefined && accepts(schemaPointer, sample)) header.example = sample;
    } catch {
      // no sample: Prism is left to its own
    }
  }
  if (header.example !== undefined) header.example = headerText(name, header.example);
  if (isObject(header.examples)) {
    for (const example of Object.values(header.examples)) {
      if (isObject(example) && example.value !== undefined) example.value = headerText(name, example.value);
    }
  }
}

/**
 * Prism never encodes the bodies it sends, yet answers a Content-Encoding header with its example
 * (or the first enum value: `gzip`), and the client then fails to decode a plain body. The copy's
 * Content-Encoding says `identity` where its schema allows that, and is left out otherwise (in place).
 */
function unencodedBody(headers: Record<string, unknown>, name: string, pointer: string, accepts: Accepts | undefined): void {
  const header = headers[name];
  if (!isObject(header) || typeof header.$ref === 'string') return;
  if (header.schema !== undefined && accepts && !accepts(childPointer(pointer, 'schema'), 'identity')) {
    delete headers[name];
    return;
  }
  delete header.examples;
  header.example = 'identity';
}

/** Writes OpenAPI's default `explode: true` on a form-style parameter that leaves it unsaid (in place). */
function explicitFormExplode(parameter: unknown): void {
  if (!isObject(parameter) || typeof parameter.$ref === 'string' || parameter.explode !== undefined) return;
  const form = parameter.style === undefined ? parameter.in === 'query' || parameter.in === 'cookie' : parameter.style === 'form';
  if (form) parameter.explode = true;
}

/** Every Parameter Object of the document: those of each path item and operation (paths and webhooks), and `components.parameters`. */
function parameterObjects(doc: Record<string, unknown>): unknown[] {
  const found: unknown[] = [];
  const add = (list: unknown) => Array.isArray(list) && found.push(...list);
  for (const field of ['paths', 'webhooks']) {
    const holder = doc[field];
    if (!isObject(holder)) continue;
    for (const item of Object.values(holder)) {
      if (!isObject(item)) continue;
      add(item.parameters);
      for (const operation of Object.values(item)) if (isObject(operation)) add(operation.parameters);
    }
  }
  const components = isObject(doc.components) ? doc.components : {};
  if (isObject(components.parameters)) found.push(...Object.values(components.parameters));
  return found;
}

/** The Response Objects of the document, with their pointers: every operation's (paths and webhooks) and `components.responses`. */
function responseObjects(doc: Record<string, unknown>): [string, unknown][] {
  const responses: [string, unknown][] = [];
  for (const field of ['paths', 'webhooks']) {
    const holder = doc[field];
    if (!isObject(holder)) continue;
    for (const [path, item] of Object.entries(holder)) {
      if (!isObject(item)) continue;
      for (const [method, operation] of Object.entries(item)) {
        if (!isObject(operation) || !isObject(operation.responses)) continue;
        for (const [status, response] of Object.entries(operation.responses)) responses.push([childPointer('#', field, path, method, 'responses', status), response]);
      }
    }
  }
  const components = isObject(doc.components) ? doc.components : {};
  if (isObject(components.responses)) for (const [name, response] of Object.entries(components.responses)) responses.push([childPointer('#/components/responses', name), response]);
  return responses;
}

/** Leaves out of every `parameters` list of paths and webhooks the header parameters OpenAPI says to ignore (in place; a `$ref` is followed to see). */
function withoutIgnoredHeaderParameters(doc: Record<string, unknown>): void {
  const ignored = (parameter: unknown): boolean => {
    let target = parameter;
    for (let hops = 0; hops < 20 && isRef(target); hops++) target = target.$ref.startsWith('#') ? getAtPointer(doc, refToPointer(target.$ref)) : undefined;
    return isObject(target) && target.in === 'header' && typeof target.name === 'string' && IGNORED_HEADER_PARAMETERS.has(target.name.toLowerCase());
  };
  const filter = (holder: Record<string, unknown>) => {
    if (Array.isArray(holder.parameters)) holder.parameters = holder.parameters.filter((p) => !ignored(p));
  };
  for (const field of ['paths', 'webhooks']) {
    const items = doc[field];
    if (!isObject(items)) continue;
    for (const item of Object.values(items)) {
      if (!isObject(item)) continue;
      filter(item);
      for (const operation of Object.values(item)) if (isObject(operation)) filter(operation);
    }
  }
}

/** `paths` without its `x-` extensions, a path item referring to one given the item it names (`doc` is the whole copy). */
function withoutPathsExtensions(doc: Record<string, unknown>): void {
  const paths = doc.paths;
  if (!isObject(paths)) return;
  const extension = (key: string) => key.startsWith('x-');
  const kept: Record<string, unknown> = {};
  for (const [path, item] of Object.entries(paths)) {
    if (extension(path)) continue;
    const named = isRef(item) && item.$ref.startsWith('#/paths/') ? refToPointer(item.$ref) : undefined;
    const target = named === undefined ? undefined : getAtPointer(doc, named);
    kept[path] = named !== undefined && extension(named.slice('#/paths/'.length)) && isObject(target) ? structuredClone(target) : item;
  }
  doc.paths = kept;
}

/** Keywords beside a `$ref` that only annotate: Prism validates nothing by them. */
const REF_ANNOTATIONS = ['title', 'description', 'summary', 'deprecated', '$comment', 'externalDocs'];

/**
 * Every `$ref` of the copy without the annotations beside it (in place; data members are not
 * walked). Prism's dereferencer merges a `$ref` that has siblings into a new object, and in a
 * recursive schema its bundle then points a later `$ref` at the wrong part: Intercom's search
 * query (`oneOf: [{ $ref: single, title }, { $ref: multiple, title }]`, multiple holding a list of
 * either) made both branches match every filter, and Prism refused the document's own example
 * with "must match exactly one schema in oneOf". Without the `title`s it reads the schema right.
 */
function withoutRefAnnotations(node: unknown): void {
  if (Array.isArray(node)) {
    for (const item of node) withoutRefAnnotations(item);
    return;
  }
  if (!isObject(node)) return;
  if (typeof node.$ref === 'string') for (const keyword of REF_ANNOTATIONS) delete node[keyword];
  for (const [key, value] of Object.entries(node)) {
    if (DATA_MEMBERS.has(key) || key.startsWith('x-')) continue;
    withoutRefAnnotations(value);
  }
}

/**
 * The document Prism is given for `doc` (a copy; `doc` is not changed); `accepts` vets the header
 * examples sampled for it, and `errorsAt`, where given, lets a sample its schema rejects be repaired first.
 */
export function documentForPrism(doc: OpenApiDocument, accepts?: Accepts, errorsAt?: ErrorsAt): Record<string, unknown> {
  const copy = withoutDanglingExtensions(doc, doc) as Record<string, unknown>;
  withoutPathsExtensions(copy);
  withoutIgnoredHeaderParameters(copy);
  withoutRefAnnotations(copy);
  const dialect = copy.jsonSchemaDialect;
  if (dialect === undefined || (typeof dialect === 'string' && OAS_BASE_DIALECT.test(dialect))) copy.jsonSchemaDialect = DRAFT_2020_12;
  for (const [pointer, response] of responseObjects(copy)) {
    if (!isObject(response) || !isObject(response.headers)) continue;
    for (const [name, header] of Object.entries(response.headers)) {
      if (name.toLowerCase() === 'content-encoding') unencodedBody(response.headers, name, childPointer(pointer, 'headers', name), accepts);
      else headerExamplesAsText(copy, childPointer(pointer, 'headers', name), name, header, accepts, errorsAt);
    }
  }
  for (const parameter of parameterObjects(copy)) explicitFormExplode(parameter);
  const components = isObject(copy.components) ? copy.components : {};
  if (isObject(components.headers)) {
    for (const [name, header] of Object.entries(components.headers)) headerExamplesAsText(copy, childPointer('#/components/headers', name), name, header, accepts, errorsAt);
  }
  return copy;
}
