import { childPointer, isObject, isRef, resolveRef } from './jsonPointer.js';
import type { OpenApiDocument } from './loadDocument.js';

/** Why an example can't be checked against a schema. */
export type ExampleIssue = 'missing-schema' | 'external-value' | 'missing-value';

/** One example value and the schema it must satisfy. */
export interface CollectedExample {
  /** Display name, from the first place of use: `GET /v1/users response 200 application/json examples.ok`. */
  name: string;
  /**
   * Every place of use, in document order: the path from the document root to the `example` or
   * `examples.<name>` entry, reading each `$ref` met on the way (to a response, parameter…) as if
   * it were inlined. A component's own location counts as a place of use too.
   */
  usedAt: string[];
  /** Where the value lives, after following `$ref`s (`#/components/examples/Ok/value`). */
  pointer: string;
  /** The schema the value must satisfy (a `{ $ref }`-only schema is followed); absent with `missing-schema`. */
  schemaPointer?: string;
  /** Set when the example can't be validated. */
  issue?: ExampleIssue;
  /** The `externalValue` of an `external-value` example. */
  externalValue?: string;
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const SUBSCHEMA_KEYWORDS = [
  'additionalProperties', 'items', 'contains', 'not', 'if', 'then', 'else', 'propertyNames',
  'unevaluatedItems', 'unevaluatedProperties', 'contentSchema',
];
const SUBSCHEMA_LIST_KEYWORDS = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];
const SUBSCHEMA_MAP_KEYWORDS = ['properties', 'patternProperties', 'dependentSchemas', '$defs', 'definitions'];

// Where the walk is: `at` is the real pointer of the current node, `use` the place-of-use path
// (equal to `at` until a `$ref` is followed), `label` the display-name prefix.
interface Place {
  at: string;
  use: string;
  label: string;
}

function child(place: Place, label: string, ...tokens: (string | number)[]): Place {
  return { at: childPointer(place.at, ...tokens), use: childPointer(place.use, ...tokens), label };
}

/**
 * Lists every example in `doc`: in media types of request bodies and responses, in parameters and
 * headers (including through `$ref`s and in components nothing uses) and schema-level `example` /
 * `examples` in every schema. Throws on a `$ref` that does not resolve.
 */
export function collectExamples(doc: OpenApiDocument): CollectedExample[] {
  const found = new Map<string, CollectedExample>();
  const walkedSchemas = new Set<string>();
  const pathItemsInProgress = new Set<string>();

  function add(use: string, name: string, entry: Omit<CollectedExample, 'name' | 'usedAt'>): void {
    const key = [entry.pointer, entry.schemaPointer, entry.issue].join('\u0000');
    const existing = found.get(key);
    if (!existing) found.set(key, { name, usedAt: [use], ...entry });
    else if (!existing.usedAt.includes(use)) existing.usedAt.push(use);
  }

  function resolve(node: unknown, place: Place): { node: Record<string, unknown>; place: Place } | undefined {
    const { value, pointer } = resolveRef(doc, node, place.at);
    return isObject(value) ? { node: value, place: { ...place, at: pointer } } : undefined;
  }

  function entries(node: unknown): [string, unknown][] {
    return isObject(node) ? Object.entries(node) : [];
  }

  function walkPathItem(raw: unknown, place: Place): void {
    const resolved = resolve(raw, place);
    if (!resolved || pathItemsInProgress.has(resolved.place.at)) return;
    const { node, place: here } = resolved;
    pathItemsInProgress.add(here.at);
    walkParameters(node.parameters, here);
    for (const method of METHODS) {
      if (node[method] !== undefined) walkOperation(node[method], child(here, `${method.toUpperCase()} ${here.label}`, method));
    }
    pathItemsInProgress.delete(here.at);
  }

  function walkOperation(raw: unknown, place: Place): void {
    if (!isObject(raw)) return;
    walkParameters(raw.parameters, place);
    if (raw.requestBody !== undefined) walkRequestBody(raw.requestBody, child(place, `${place.label} request body`, 'requestBody'));
    for (const [status, response] of entries(raw.responses)) {
      walkResponse(response, child(place, `${place.label} response ${status}`, 'responses', status));
    }
    for (const [name, callback] of entries(raw.callbacks)) {
      walkCallback(callback, child(place, `${place.label} callback ${name}`, 'callbacks', name));
    }
  }

  function walkCallback(raw: unknown, place: Place): void {
    const resolved = resolve(raw, place);
    if (!resolved) return;
    for (const [expression, pathItem] of Object.entries(resolved.node)) {
      walkPathItem(pathItem, child(resolved.place, `${place.label} ${expression}`, expression));
    }
  }

  function walkParameters(raw: unknown, place: Place): void {
    if (Array.isArray(raw)) raw.forEach((parameter, index) => walkParameter(parameter, child(place, place.label, 'parameters', index)));
  }

  function walkParameter(raw: unknown, place: Place): void {
    const resolved = resolve(raw, place);
    if (!resolved) return;
    const { node, place: here } = resolved;
    walkExampleHolder(node, { ...here, label: `${place.label} parameter ${String(node.in)}:${String(node.name)}` });
  }

  function walkHeaders(raw: unknown, place: Place): void {
    for (const [name, header] of entries(raw)) walkHeader(header, child(place, `${place.label} header ${name}`, 'headers', name));
  }

  function walkHeader(raw: unknown, place: Place): void {
    const resolved = resolve(raw, place);
    if (resolved) walkExampleHolder(resolved.node, resolved.place);
  }

  function walkRequestBody(raw: unknown, place: Place): void {
    const resolved = resolve(raw, place);
    if (resolved) walkContent(resolved.node.content, resolved.place);
  }

  function walkResponse(raw: unknown, place: Place): void {
    const resolved = resolve(raw, place);
    if (!resolved) return;
    walkHeaders(resolved.node.headers, resolved.place);
    walkContent(resolved.node.content, resolved.place);
  }

  function walkContent(raw: unknown, place: Place): void {
    for (const [mediaType, media] of entries(raw)) {
      if (!isObject(media)) continue;
      const here = child(place, `${place.label} ${mediaType}`, 'content', mediaType);
      walkExampleHolder(media, here);
      for (const [property, encoding] of entries(media.encoding)) {
        if (isObject(encoding)) walkHeaders(encoding.headers, child(here, `${here.label} encoding ${property}`, 'encoding', property));
      }
    }
  }

  // A media type, parameter or header: its `schema`, `example`, `examples` and (for the latter
  // two) the media types of its `content`.
  function walkExampleHolder(node: Record<string, unknown>, place: Place): void {
    let schemaPointer: string | undefined;
    if (node.schema !== undefined) {
      const schemaAt = childPointer(place.at, 'schema');
      walkSchema(node.schema, schemaAt);
      schemaPointer = isObject(node.schema) && Object.keys(node.schema).length === 1 && isRef(node.schema)
        ? resolveRef(doc, node.schema, schemaAt).pointer
        : schemaAt;
    }
    const withSchema = (pointer: string) =>
      schemaPointer === undefined ? { pointer, issue: 'missing-schema' as const } : { pointer, schemaPointer };

    if (node.example !== undefined) {
      add(childPointer(place.use, 'example'), `${place.label} example`, withSchema(childPointer(place.at, 'example')));
    }
    for (const [name, raw] of entries(node.examples)) {
      const use = childPointer(place.use, 'examples', name);
      const label = `${place.label} examples.${name}`;
      const { value: example, pointer } = resolveRef(doc, raw, childPointer(place.at, 'examples', name));
      if (isObject(example) && example.value !== undefined) {
        add(use, label, withSchema(childPointer(pointer, 'value')));
      } else if (isObject(example) && typeof example.externalValue === 'string') {
        add(use, label, { pointer, schemaPointer, issue: 'external-value', externalValue: example.externalValue });
      } else {
        add(use, label, { pointer, schemaPointer, issue: 'missing-value' });
      }
    }
    if (node.content !== undefined) walkContent(node.content, place);
  }

  // Schema-level `example` and `examples` of `schema` and all its subschemas; `$ref`s are not
  // followed (their targets are walked where they live).
  function walkSchema(schema: unknown, at: string): void {
    if (!isObject(schema) || walkedSchemas.has(at)) return;
    walkedSchemas.add(at);
    if (schema.example !== undefined) {
      const pointer = childPointer(at, 'example');
      add(pointer, `schema ${at} example`, { pointer, schemaPointer: at });
    }
    if (Array.isArray(schema.examples)) {
      schema.examples.forEach((_, index) => {
        const pointer = childPointer(at, 'examples', index);
        add(pointer, `schema ${at} examples[${index}]`, { pointer, schemaPointer: at });
      });
    }
    for (const keyword of SUBSCHEMA_KEYWORDS) walkSchema(schema[keyword], childPointer(at, keyword));
    for (const keyword of SUBSCHEMA_LIST_KEYWORDS) {
      const list = schema[keyword];
      if (Array.isArray(list)) list.forEach((sub, index) => walkSchema(sub, childPointer(at, keyword, index)));
    }
    for (const keyword of SUBSCHEMA_MAP_KEYWORDS) {
      for (const [name, sub] of entries(schema[keyword])) walkSchema(sub, childPointer(at, keyword, name));
    }
  }

  const root = (...tokens: string[]): Place => {
    const at = childPointer('#', ...tokens);
    return { at, use: at, label: tokens.join('.') };
  };

  for (const [path, item] of entries(doc.paths)) walkPathItem(item, { ...root('paths', path), label: path });
  for (const [name, item] of entries(doc.webhooks)) walkPathItem(item, { ...root('webhooks', name), label: `webhook ${name}` });

  const components = doc.components ?? {};
  for (const [name, schema] of entries(components.schemas)) walkSchema(schema, root('components', 'schemas', name).at);
  for (const [name, response] of entries(components.responses)) walkResponse(response, root('components', 'responses', name));
  for (const [name, body] of entries(components.requestBodies)) walkRequestBody(body, root('components', 'requestBodies', name));
  for (const [name, item] of entries(components.pathItems)) walkPathItem(item, root('components', 'pathItems', name));
  for (const [name, callback] of entries(components.callbacks)) walkCallback(callback, root('components', 'callbacks', name));
  for (const [name, header] of entries(components.headers)) walkHeader(header, root('components', 'headers', name));
  for (const [name, parameter] of entries(components.parameters)) walkParameter(parameter, root('components', 'parameters', name));

  return [...found.values()];
}
