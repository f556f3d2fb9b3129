/**
 * What a valid request to one operation is made of, worked out once per operation: a valid value
 * for every required (and every path) parameter, the JSON request bodies to send, and the security
 * requirements the engine can satisfy. Values come from the document's examples first, then from
 * its schema (openapi-sampler); every one is verified with ajv before it is used, and a documented
 * example that is invalid is kept as a document defect instead.
 *
 * An operation that cannot be tested throws: OperationSkip (foreign documents: reported as a
 * skipped case with its pointer, the run goes on) or SuiteSetupError (this project's documents:
 * the run stops, fail closed).
 */
import type { LoadedApi } from '../../core/loadApi.js';
import { coerceParameter } from '../../core/coerceParameter.js';
import { childPointer, getAtPointer, isObject, resolveRef } from '../../openapi/jsonPointer.js';
import type { OpenApiDocument } from '../../openapi/loadDocument.js';
import { isJsonMediaType } from '../../openapi/mediaTypes.js';
import type { Located, Operation } from '../../openapi/operations.js';
import { templatePattern } from '../../openapi/pathTemplate.js';
import { oversizedMinimum } from '../../openapi/oversizedMinimum.js';
import { MAX_SAMPLED_SIZE, oversizedInWords, sampleQuietly } from '../../openapi/sampleQuietly.js';
import { placeCredential } from '../../openapi/securitySchemes.js';
import { SuiteSetupError } from '../failClosed.js';
import { clientDefaultHeader, headerCarries, leavesPathSegmentEmpty, parameterNameKind, sendableParameterName } from './parameterWire.js';
import { pruneToValid } from './pruneSample.js';
import { withDiscriminatorTags } from './discriminatorTags.js';
import { discriminatorMismatches } from '../checks/body-discriminator.js';
import { patternStrings, repairToValid } from './repairSample.js';
import { directionalErrors, withoutReadOnly } from './requestDirection.js';
import { ABSENT, createSchemaWalker, parameterReadTypes, stated } from './schemaWalk.js';
import { errorInWords, errorsInWords } from '../../openapi/schemaValidator.js';

/** The engine cannot test this operation; `pointer` is the place in the document that is why. */
export class OperationSkip extends Error {
  override name = 'OperationSkip';
  constructor(message: string, readonly pointer: string) {
    super(message);
  }
}

/** A documented example that its own schema rejects: a defect of the document, never sent as valid. */
export interface ExampleDefect {
  /** Short id part: `body example 'x'`, `query.limit example`. */
  where: string;
  message: string;
  pointer: string;
}

export interface PlannedParameter {
  parameter: Located;
  name: string;
  in: string;
  /** The value (typed: a number for an integer parameter, an array for an array one). */
  value: unknown;
  /** Whether the value came from the document (an example) rather than the sampler. */
  documented: boolean;
}

export interface OperationPlan {
  /** The parameters every valid request sends (required ones, and path ones). */
  parameters: PlannedParameter[];
  /** Optional query, header and cookie parameters with a valid value: not sent by valid requests, broken one at a time by negative cases. */
  optional: PlannedParameter[];
  /** The JSON media type request bodies are sent as, when the operation takes one. */
  bodyMediaType?: string;
  /** Request bodies to send: name (undefined: no body, or a sampled one) → value. */
  bodies: [string | undefined, unknown][];
  /** Security alternatives the engine can send (an empty one: no credentials needed). */
  requirements: Record<string, string[]>[];
  defects: ExampleDefect[];
}

const plans = new WeakMap<Operation, OperationPlan>();

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

/** The schema types of a parameter, as a server reading its string would coerce to. */
function parameterTypes(api: LoadedApi, pointer: string): Set<string> {
  return parameterReadTypes(createSchemaWalker(api.validator, api.doc).facets(pointer, ABSENT));
}

/**
 * Whether `value` is a valid value of the parameter schema at `pointer`, read as a server reads a
 * parameter: a scalar travels as a string, then is coerced; when the schema also allows strings
 * (`anyOf: [integer, string]`), the uncoerced string is valid too.
 */
export function parameterValueErrors(api: LoadedApi, pointer: string, value: unknown): string[] {
  if (isObject(value) || Array.isArray(value)) return api.validator.validate(pointer, value).map(errorInWords);
  const wire = String(value);
  const types = parameterTypes(api, pointer);
  const coerced = coerceParameter(types, wire);
  const errors = api.validator.validate(pointer, coerced);
  if (errors.length > 0 && coerced !== wire && api.validator.validate(pointer, wire).length === 0) return [];
  return errors.map(errorInWords);
}

/** A value openapi-sampler builds for the schema at `pointer` (readOnly left out for requests, writeOnly for responses), repaired where it breaks a pattern, enum or const; or undefined. */
export function sampleSchema(api: LoadedApi, pointer: string, direction: 'request' | 'response' = 'request'): unknown {
  const schema = getAtPointer(api.doc, pointer);
  if (schema === undefined) return undefined;
  const skip = direction === 'request' ? { skipReadOnly: true } : { skipWriteOnly: true };
  let sampled: unknown;
  try {
    sampled = sampleQuietly(schema, { ...skip, enablePatterns: true }, api.doc, pointer);
  } catch {
    return undefined;
  }
  // openapi-sampler's strings for patterns and the like can break the schema: repaired here, checked by ajv.
  return repairToValid(sampled, (value) => api.validator.validate(pointer, value));
}

/**
 * Sampled values for the schema at `pointer`: openapi-sampler's own, then one per branch of its
 * root `oneOf`/`anyOf` (the sampler always takes the first branch, and where two branches overlap,
 * the first can be the one value the whole schema rejects). Each still has to be checked against
 * the whole schema by the caller.
 */
export function sampleCandidates(api: LoadedApi, pointer: string, direction: 'request' | 'response' = 'request'): unknown[] {
  const out: unknown[] = [];
  const first = sampleSchema(api, pointer, direction);
  if (first !== undefined) out.push(first);
  const root = resolveRef(api.doc, getAtPointer(api.doc, pointer), pointer);
  if (!isObject(root.value)) return out;
  // openapi-sampler writes the values an `if` names (Redoc's demo User: `userStatus: 10`), so the
  // `then` must hold, and it may not be met (a phone whose pattern matches nothing). Sampled once
  // more without the conditional, the value may take the `else` way; checked by the caller all the same.
  if (root.value.if !== undefined) {
    const { if: _if, then: _then, else: _else, ...unconditional } = root.value;
    try {
      const skip = direction === 'request' ? { skipReadOnly: true } : { skipWriteOnly: true };
      const sampled = sampleQuietly(unconditional, { ...skip, enablePatterns: true }, api.doc, root.pointer);
      if (sampled !== undefined) out.push(repairToValid(sampled, (value) => api.validator.validate(pointer, value)));
    } catch {
      // no such sample
    }
  }
  for (const keyword of ['oneOf', 'anyOf'] as const) {
    const branches = root.value[keyword];
    if (!Array.isArray(branches)) continue;
    for (let i = 0; i < branches.length; i++) {
      const sampled = sampleSchema(api, childPointer(root.pointer, keyword, i), direction);
      if (sampled !== undefined) out.push(sampled);
    }
  }
  return out;
}

/**
 * The skip of `what` (a parameter, the request body), which has no valid example nor sample of its
 * schema at `pointer`: saying so, or, when the schema asks for a value larger than the suite builds,
 * which bound, at its own pointer.
 */
function noValidValue(api: LoadedApi, what: string, pointer: string): OperationSkip {
  const found = oversizedMinimum(api.doc, getAtPointer(api.doc, pointer), pointer, MAX_SAMPLED_SIZE);
  if (found) return new OperationSkip(`${what} has no valid example, and none is sampled from its schema: its ${oversizedInWords(found)}`, found.pointer);
  return new OperationSkip(`${what} has no valid example and no valid value could be sampled from its schema`, pointer);
}

/**
 * An object parameter value (sampled, or a documented example) without the members that are
 * objects or arrays, where it stays valid without them: no style serialises a nested one (form
 * and deepObject write one pair per member), so it would travel as JSON text, which a server
 * (Prism) reads as a string. Other values are returned as they are.
 */
function flatParameterValue(api: LoadedApi, pointer: string, value: unknown): unknown {
  if (!isObject(value)) return value;
  let flat: Record<string, unknown> = value;
  for (const [key, member] of Object.entries(value)) {
    if (member === null || typeof member !== 'object') continue;
    const { [key]: _nested, ...rest } = flat;
    if (parameterValueErrors(api, pointer, rest).length === 0) flat = rest;
  }
  return flat;
}

/** The documented examples of a parameter, each with its pointer: `example`, named `examples`, schema `examples`. */
export function parameterExamples(api: LoadedApi, parameter: Located): { value: unknown; pointer: string }[] {
  const p = parameter.value;
  const out: { value: unknown; pointer: string }[] = [];
  if (p.example !== undefined) out.push({ value: p.example, pointer: childPointer(parameter.pointer, 'example') });
  if (isObject(p.examples)) {
    for (const [name, raw] of Object.entries(p.examples)) {
      const resolved = resolveRef(api.doc, raw, childPointer(parameter.pointer, 'examples', name));
      if (isObject(resolved.value) && resolved.value.value !== undefined) out.push({ value: resolved.value.value, pointer: childPointer(resolved.pointer, 'value') });
    }
  }
  if (out.length === 0 && p.schema !== undefined) {
    const schema = resolveRef(api.doc, p.schema, childPointer(parameter.pointer, 'schema'));
    if (isObject(schema.value) && Array.isArray(schema.value.examples) && schema.value.examples.length > 0) {
      out.push({ value: schema.value.examples[0], pointer: childPointer(schema.pointer, 'examples', 0) });
    }
  }
  return out;
}

/**
 * Whether a valid value of `parameter` reaches a server as written: a path value that fills its
 * segment (leavesPathSegmentEmpty), a header value HTTP carries (headerCarries); any other.
 */
export function travelsAsWritten(parameter: Located, value: unknown): boolean {
  if (parameter.value.in === 'path') return !leavesPathSegmentEmpty(parameter.value, value);
  if (parameter.value.in === 'header') return headerCarries(parameter.value, value);
  return true;
}

/** An optional header parameter the HTTP client would fill with its own default when left out: every valid request sends it (foreign documents). */
function sentAlways(api: LoadedApi, location: string, name: string): boolean {
  return api.mode === 'foreign' && location === 'header' && clientDefaultHeader(name);
}

function planOptional(api: LoadedApi, parameter: Located): PlannedParameter | undefined {
  const { name, in: location, required } = parameter.value as { name: string; in: string; required?: boolean };
  if (location === 'path' || required === true || parameter.value.schema === undefined || !sendableParameterName(location, name) || sentAlways(api, location, name)) return undefined;
  if (api.mode !== 'foreign') {
    const example = parameterExample(api.doc, parameter);
    return example === undefined ? undefined : { parameter, name, in: location, value: example, documented: true };
  }
  const schemaPointer = childPointer(parameter.pointer, 'schema');
  for (const example of parameterExamples(api, parameter)) {
    if (parameterValueErrors(api, schemaPointer, example.value).length === 0 && travelsAsWritten(parameter, example.value)) return { parameter, name, in: location, value: flatParameterValue(api, schemaPointer, example.value), documented: true };
  }
  const sampled = flatParameterValue(api, schemaPointer, sampleSchema(api, schemaPointer));
  return sampled !== undefined && parameterValueErrors(api, schemaPointer, sampled).length === 0 && travelsAsWritten(parameter, sampled) ? { parameter, name, in: location, value: sampled, documented: false } : undefined;
}

function planParameter(api: LoadedApi, op: Operation, parameter: Located, defects: ExampleDefect[]): PlannedParameter | undefined {
  const { name, in: location, required } = parameter.value as { name: string; in: string; required?: boolean };
  if (location !== 'path' && required !== true && !sentAlways(api, location, name)) return undefined;
  if (!sendableParameterName(location, name)) throw new OperationSkip(`the required ${location} parameter ${JSON.stringify(name)} cannot be sent: its name is not a valid ${parameterNameKind(location)}`, parameter.pointer);
  const strict = api.mode !== 'foreign';
  const schemaPointer = parameter.value.schema !== undefined ? childPointer(parameter.pointer, 'schema') : undefined;
  const examples = parameterExamples(api, parameter);
  if (strict) {
    // This project's documents: the first example, as before; its validity is checked where negative cases are derived.
    const first = parameterExample(api.doc, parameter);
    if (first === undefined) throw new SuiteSetupError(`cannot build a valid request for ${op.operationId}: parameter '${name}' (${parameter.pointer}) has no example`);
    return { parameter, name, in: location, value: first, documented: true };
  }
  if (!schemaPointer && isObject(parameter.value.content)) return planContentParameter(api, parameter, defects);
  if (!schemaPointer) {
    const first = examples[0];
    if (first) return { parameter, name, in: location, value: first.value, documented: true };
    // Neither a schema nor content (which OpenAPI requires one of): no constraint, so any text fits.
    return { parameter, name, in: location, value: SHORT_SEGMENTS[0], documented: false };
  }
  // A path value must fill its segment, and a header value travel as written: a valid one that would not is passed over.
  const fillsSegment = (value: unknown) => travelsAsWritten(parameter, value);
  for (const example of examples) {
    const errors = parameterValueErrors(api, schemaPointer, example.value);
    if (errors.length === 0 && fillsSegment(example.value)) return { parameter, name, in: location, value: flatParameterValue(api, schemaPointer, example.value), documented: true };
    if (errors.length === 0) continue;
    defects.push({ where: `${location}.${name} example`, message: `the example of parameter '${name}' is invalid against its schema: ${errors.slice(0, 3).join('; ')}: a defect of the document`, pointer: example.pointer });
  }
  const sampled = flatParameterValue(api, schemaPointer, sampleSchema(api, schemaPointer));
  const valid = sampled !== undefined && parameterValueErrors(api, schemaPointer, sampled).length === 0;
  if (valid && fillsSegment(sampled)) return { parameter, name, in: location, value: sampled, documented: false };
  if (location === 'path' || location === 'header') {
    const filled = segmentFillingValue(api, schemaPointer, fillsSegment);
    if (filled !== undefined) return { parameter, name, in: location, value: filled, documented: false };
    if (location === 'header' && (valid || examples.some((e) => parameterValueErrors(api, schemaPointer, e.value).length === 0))) {
      throw new OperationSkip(`header parameter '${name}' has no valid value an HTTP header carries as written (visible ASCII, spaces inside)`, schemaPointer);
    }
    if (location === 'path' && valid) throw new OperationSkip(`path parameter '${name}' has no valid value but one that leaves its path segment empty, which makes another URL`, schemaPointer);
  }
  throw noValidValue(api, `parameter '${name}'`, schemaPointer);
}

/** Short texts tried for a path or header parameter whose sample would not travel as written, before strings built from its patterns. */
const SHORT_SEGMENTS = ['a', '1', 'string'];

/**
 * A valid value of the path or header parameter schema at `pointer` that travels as written
 * (`fills`): a short text, a string built from one of its patterns (shortest first), or another
 * sample of its branches; undefined when there is none.
 */
function segmentFillingValue(api: LoadedApi, pointer: string, fills: (value: unknown) => boolean): unknown {
  const patterns = stated<string>(createSchemaWalker(api.validator, api.doc).facets(pointer, ABSENT), 'pattern').filter((p) => typeof p === 'string');
  const built = patterns.flatMap((pattern) => patternStrings(pattern)).sort((a, b) => a.length - b.length);
  const candidates = [...SHORT_SEGMENTS, ...built, ...sampleCandidates(api, pointer)];
  return candidates.find((value) => fills(value) && parameterValueErrors(api, pointer, value).length === 0);
}

/**
 * A parameter given by `content` instead of a schema (`filter` as `application/json`): its value
 * travels as the media type's text, so a JSON one is sent as the JSON text of a valid value
 * (`?filter=%7B%22x%22%3A1%7D`), never serialised by `style` like an object; the value is a
 * documented example (on the parameter or its media type) its schema accepts, else a sample.
 */
function planContentParameter(api: LoadedApi, parameter: Located, defects: ExampleDefect[]): PlannedParameter {
  const { name, in: location } = parameter.value as { name: string; in: string };
  const content = parameter.value.content as Record<string, unknown>;
  const [mediaType] = Object.keys(content);
  const mediaPointer = childPointer(parameter.pointer, 'content', mediaType ?? '');
  if (mediaType === undefined || !isJsonMediaType(mediaType)) {
    throw new OperationSkip(`parameter '${name}' is sent as ${mediaType ?? 'no media type'}: only JSON content parameters are sent`, childPointer(parameter.pointer, 'content'));
  }
  const media = isObject(content[mediaType]) ? content[mediaType] : {};
  const schemaPointer = media.schema !== undefined ? childPointer(mediaPointer, 'schema') : undefined;
  const errorsOf = (value: unknown) => (schemaPointer ? api.validator.validate(schemaPointer, value) : []);
  const candidates: { value: unknown; pointer: string }[] = [...parameterExamples(api, parameter)];
  if (media.example !== undefined) candidates.push({ value: media.example, pointer: childPointer(mediaPointer, 'example') });
  if (isObject(media.examples)) {
    for (const [exampleName, raw] of Object.entries(media.examples)) {
      const resolved = resolveRef(api.doc, raw, childPointer(mediaPointer, 'examples', exampleName));
      if (isObject(resolved.value) && resolved.value.value !== undefined) candidates.push({ value: resolved.value.value, pointer: childPointer(resolved.pointer, 'value') });
    }
  }
  for (const candidate of candidates) {
    const errors = errorsOf(candidate.value);
    if (errors.length === 0) return { parameter, name, in: location, value: JSON.stringify(candidate.value), documented: true };
    defects.push({ where: `${location}.${name} example`, message: `the example of parameter '${name}' is invalid against its schema: ${errorsInWords(errors)}: a defect of the document`, pointer: candidate.pointer });
  }
  const raw = schemaPointer ? sampleSchema(api, schemaPointer) : undefined;
  const sampled = raw === undefined ? undefined : pruneToValid(raw, errorsOf);
  if (sampled !== undefined && errorsOf(sampled).length === 0) {
    const tagged = schemaPointer ? withDiscriminatorTags(api.validator, api.doc, schemaPointer, sampled, 'request') : sampled;
    return { parameter, name, in: location, value: JSON.stringify(tagged), documented: false };
  }
  throw noValidValue(api, `parameter '${name}' (${mediaType})`, schemaPointer ?? mediaPointer);
}

/** The content key request bodies are sent as: the first JSON one. */
export function jsonRequestMediaType(op: Operation): string | undefined {
  const content = op.requestBody()?.value.content;
  return isObject(content) ? Object.keys(content).find(isJsonMediaType) : undefined;
}

/**
 * A valid request example as it is sent: without its readOnly properties (a request SHOULD NOT
 * carry them; Prism refuses one where unknown properties are refused), unless leaving them out
 * makes it invalid (a readOnly discriminator, say), when it is sent as documented.
 */
function sendableExample(api: LoadedApi, schemaPointer: string, value: unknown): unknown {
  const stripped = withoutReadOnly(api.validator, api.doc, schemaPointer, value);
  return directionalErrors(api.validator, api.doc, schemaPointer, stripped, 'request').length === 0 ? stripped : value;
}

function planBodies(api: LoadedApi, op: Operation, defects: ExampleDefect[]): Pick<OperationPlan, 'bodyMediaType' | 'bodies'> {
  const body = op.requestBody();
  if (!body) return { bodies: [[undefined, undefined]] };
  const required = body.value.required === true;
  const mediaType = jsonRequestMediaType(op);
  if (api.mode !== 'foreign') {
    const examples = Object.entries(op.namedExamples('request'));
    if (examples.length === 0) throw new SuiteSetupError(`cannot build a valid request for ${op.operationId}: its request body (${body.pointer}) has no named example`);
    return { bodyMediaType: 'application/json', bodies: required ? examples : [[undefined, undefined], ...examples] };
  }
  if (/^(get|head)$/i.test(op.method)) {
    // The Fetch API sends no content with GET or HEAD, and RFC 9110 (§9.3.1, §9.3.2) gives such
    // content no defined meaning: an optional body is left out, a required one cannot be sent.
    if (required) throw new OperationSkip(`a ${op.method.toUpperCase()} request with a body: the suite's HTTP client (the Fetch API) cannot send one`, body.pointer);
    return { bodies: [[undefined, undefined]] };
  }
  if (!mediaType) {
    const types = Object.keys(isObject(body.value.content) ? body.value.content : {}).join(', ') || 'no content';
    if (required) throw new OperationSkip(`the request body is ${types}: only JSON bodies are sent`, childPointer(body.pointer, 'content'));
    return { bodies: [[undefined, undefined]] };
  }
  const mediaPointer = childPointer(body.pointer, 'content', mediaType);
  const media = (body.value.content as Record<string, Record<string, unknown>>)[mediaType] ?? {};
  const schemaPointer = media.schema !== undefined ? childPointer(mediaPointer, 'schema') : undefined;
  const candidates: [string, unknown, string][] = [];
  if (media.example !== undefined) candidates.push(['example', media.example, childPointer(mediaPointer, 'example')]);
  for (const [name, value] of Object.entries(op.namedExamples('request', mediaType))) candidates.push([name, value, childPointer(mediaPointer, 'examples', name)]);
  const valid: [string | undefined, unknown][] = [];
  for (const [name, value, pointer] of candidates) {
    const errors = schemaPointer ? directionalErrors(api.validator, api.doc, schemaPointer, value, 'request') : [];
    // ajv reads `discriminator` as an annotation: an example whose tag names a schema it breaks is valid to it, not to a server.
    const mismatched = schemaPointer && errors.length === 0 ? discriminatorMismatches(api.validator, api.doc, schemaPointer, value, 'request') : [];
    if (errors.length === 0 && mismatched.length === 0) valid.push([name, schemaPointer ? sendableExample(api, schemaPointer, value) : value]);
    else if (errors.length > 0) defects.push({ where: `body example '${name}'`, message: `request example '${name}' is invalid against its schema: ${errorsInWords(errors)}: a defect of the document`, pointer });
    else defects.push({ where: `body example '${name}'`, message: `request example '${name}' is invalid against the schema its discriminator names: ${mismatched[0]!.message.replace(/^body/, 'the example')}: a defect of the document`, pointer });
  }
  if (valid.length === 0 && schemaPointer) {
    const errors = (value: unknown) => directionalErrors(api.validator, api.doc, schemaPointer, value, 'request');
    for (const raw of sampleCandidates(api, schemaPointer)) {
      const sampled = pruneToValid(raw, errors);
      if (sampled === undefined || errors(sampled).length > 0) continue;
      valid.push(['sampled', withDiscriminatorTags(api.validator, api.doc, schemaPointer, sampled, 'request')]);
      break;
    }
  }
  if (valid.length === 0) {
    if (required) throw noValidValue(api, 'the request body', schemaPointer ?? mediaPointer);
    return { bodies: [[undefined, undefined]] };
  }
  return { bodyMediaType: mediaType, bodies: required ? valid : [[undefined, undefined], ...valid] };
}

/**
 * Why `requirement` cannot be sent, if it cannot (none: it can): a scheme a dummy credential does
 * not place (mutualTLS, an unknown type), or two schemes that travel in one header, query
 * parameter or cookie (OAuth2 and http basic both in `Authorization`, which carries one
 * credential: a request can satisfy only one of them, so the alternative as written is never met).
 */
function unsendableBecause(api: LoadedApi, requirement: Record<string, string[]>): string[] {
  const problems: string[] = [];
  const carriers = new Map<string, string>();
  for (const name of Object.keys(requirement)) {
    const placed = placeCredential(api.doc, name, 'user:password');
    if ('error' in placed) {
      problems.push(placed.error);
      continue;
    }
    const places = [...Object.keys(placed.headers).map((h) => `the ${h} header|header ${h.toLowerCase()}`), ...Object.keys(placed.query).map((q) => `the query parameter ${q}|query ${q}`), ...Object.keys(placed.cookies).map((c) => `the cookie ${c}|cookie ${c}`)];
    for (const place of places) {
      const [words, key] = place.split('|') as [string, string];
      const other = carriers.get(key);
      if (other !== undefined) problems.push(`security schemes ${other} and ${name} both travel in ${words}, which carries one credential`);
      else carriers.set(key, name);
    }
  }
  return problems;
}

function planRequirements(api: LoadedApi, op: Operation): Record<string, string[]>[] {
  const all = op.security();
  if (api.mode !== 'foreign') return all;
  const usable = all.filter((r) => unsendableBecause(api, r).length === 0);
  if (all.length > 0 && usable.length === 0) {
    const reasons = all.flatMap((r) => unsendableBecause(api, r));
    throw new OperationSkip(`no security requirement can be sent: ${[...new Set(reasons)].join('; ')}`, Array.isArray(op.raw.security) ? childPointer(op.pointer, 'security') : '#/security');
  }
  return usable;
}

/** The plan of `op` (worked out once); throws OperationSkip or SuiteSetupError, see the module comment. */
export function planOperation(api: LoadedApi, op: Operation): OperationPlan {
  const cached = plans.get(op);
  if (cached) return cached;
  const defects: ExampleDefect[] = [];
  // `/files/{id}#add_shared_link`: what follows `#` is a URL fragment, never sent, so the request would reach another operation.
  if (api.mode === 'foreign' && op.path.includes('#')) throw new OperationSkip(`the path ${op.path} contains '#': a URL fragment is never sent, so the request would reach another operation`, op.pointer);
  // `/responses/{id}/input_items?beta=true`: what follows `?` travels as the query string, so servers (and Prism) route the request by the path before it, which may be another operation's.
  if (api.mode === 'foreign' && op.path.includes('?')) throw new OperationSkip(`the path ${op.path} contains '?': what follows travels as a query string, so the request is routed by ${op.path.slice(0, op.path.indexOf('?'))} and may reach another operation`, op.pointer);
  if (api.mode === 'foreign' && op.statuses().length === 0) throw new OperationSkip('the operation documents no responses: no status to check', op.pointer);
  for (const p of op.parameters()) {
    if (api.mode === 'foreign' && p.value.in === 'path' && !new RegExp(`\\{${String(p.value.name).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\}`).test(op.path)) {
      throw new OperationSkip(`path parameter '${String(p.value.name)}' is not in the path template ${op.path}`, p.pointer);
    }
  }
  // `/items/{id}` with no path parameter `id`: the request would carry `{id}` itself.
  if (api.mode === 'foreign') {
    const declared = new Set(op.parameters().filter((p) => p.value.in === 'path').map((p) => String(p.value.name)));
    const undeclared = templatePattern(op.path).paramNames.find((name) => !declared.has(name));
    if (undeclared !== undefined) throw new OperationSkip(`the path template ${op.path} has {${undeclared}}, which no path parameter declares: the document gives no value to send in its place`, op.pointer);
  }
  const parameters = op.parameters().flatMap((p) => {
    try {
      return planParameter(api, op, p, defects) ?? [];
    } catch (error) {
      // An optional header sent only to keep the client's default out: without a valid value, it is left out instead.
      if (error instanceof OperationSkip && p.value.required !== true && sentAlways(api, String(p.value.in), String(p.value.name))) return [];
      throw error;
    }
  });
  const optional = op.parameters().flatMap((p) => planOptional(api, p) ?? []);
  const plan: OperationPlan = { parameters, optional, ...planBodies(api, op, defects), requirements: planRequirements(api, op), defects };
  plans.set(op, plan);
  return plan;
}
