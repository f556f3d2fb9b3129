/**
 * The fields an operation's success answer carries and its request body does not take (an id, a
 * status, timestamps: the record's read-only fields), where the body forbids unknown properties
 * (`additionalProperties: false` or `unevaluatedProperties: false` at its root). Each, set on a
 * valid body to the value a documented answer gives it, breaks exactly that rule: a server that
 * validates the body against the record's schema, or copies whatever fields of the record it is
 * sent, accepts it, though it refuses a made-up name such as `__unknown_property`.
 */
import type { LoadedApi } from '../../core/loadApi.js';
import { isObject } from '../../openapi/jsonPointer.js';
import { isJsonMediaType } from '../../openapi/mediaTypes.js';
import type { Operation } from '../../openapi/operations.js';
import { ABSENT, createSchemaWalker, declaredProperties, sampleValue, stated } from './schemaWalk.js';

export interface ResponseOnlyProperty {
  name: string;
  value: unknown;
  /** The success status whose answer carries it. */
  status: string;
}

const STRICT = ['additionalProperties', 'unevaluatedProperties'];
/** Keywords that fail only because a subschema did, beside the strict one. */
const ALONGSIDE = new Set(['anyOf', 'oneOf', 'allOf', '$ref', 'if', 'then', 'else']);

export function responseOnlyProperties(api: LoadedApi, op: Operation, bodySchema: string, body: unknown, statuses: readonly string[]): ResponseOnlyProperty[] {
  if (!isObject(body)) return [];
  const walker = createSchemaWalker(api.validator, api.doc);
  const bodyFacets = walker.facets(bodySchema, body);
  if (!STRICT.some((k) => stated(bodyFacets, k).includes(false))) return [];
  const taken = new Set(declaredProperties(bodyFacets));
  const found = new Map<string, ResponseOnlyProperty>();
  for (const status of statuses) {
    const content = op.response(status)?.value.content;
    for (const mediaType of isObject(content) ? Object.keys(content).filter(isJsonMediaType) : []) {
      const pointer = op.schemaPointer(status, mediaType);
      if (!pointer) continue;
      const examples = Object.values(op.namedExamples(status, mediaType)).filter(isObject);
      const facets = walker.facets(pointer, examples[0] ?? ABSENT);
      for (const name of declaredProperties(facets)) {
        if (taken.has(name) || found.has(name) || Object.hasOwn(body, name)) continue;
        const documented = examples.find((e) => Object.hasOwn(e, name))?.[name];
        const value = documented !== undefined ? documented : (sampleValue(walker, walker.propertyFacets(facets, name, ABSENT)) ?? 'x');
        found.set(name, { name, value, status });
      }
    }
  }
  return [...found.values()].filter(({ name, value }) => breaksOnlyStrictness(api, bodySchema, { ...body, [name]: value }));
}

/** Whether the body fails its schema, and only for an unknown property (and the combinators around it). */
function breaksOnlyStrictness(api: LoadedApi, bodySchema: string, body: unknown): boolean {
  try {
    const errors = api.validator.validate(bodySchema, body);
    return errors.some((e) => STRICT.includes(e.keyword)) && errors.every((e) => STRICT.includes(e.keyword) || ALONGSIDE.has(e.keyword));
  } catch {
    return false;
  }
}
