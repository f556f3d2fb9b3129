/**
 * Hostile requests for the sandbox, driven by the documents: each documented operation's valid
 * requests (required parameters from their examples, each named request example as the body,
 * the demo key of its API in the scheme's header, as the suite builds them), then ONE mutation at
 * random: a body field given a hostile value, a random key added (built-in member names
 * included) or one of the body's given twice, the whole body replaced (wrong type, deep nesting,
 * not JSON, bytes that are no UTF-8, another media type, too large), a parameter or a header
 * replaced (control characters, cursors carrying impossible dates). Used by the fuzz test
 * (tests/sandbox/http/fuzz.test.ts, bounded and seeded) and `npm run bench` (long runs).
 *
 * The property (`checkAnswer`): the answer is a documented status of the operation in its API's
 * own envelope (the suite's checkResponse), never a 5xx, and carries no database or JavaScript text.
 */
import fc from 'fast-check';
import { deriveCases } from '../../src/conformance/cases/deriveCases.js';
import { checkResponse } from '../../src/conformance/checks/checkResponse.js';
import { prepareRequest } from '../../src/conformance/run/sendRequest.js';
import type { LoadedApi } from '../../src/core/loadApi.js';
import type { Operation } from '../../src/openapi/operations.js';
import type { HttpResult, RawBody, SandboxRequest } from '../../src/sandbox/http/httpTypes.js';
import { buildRouteTable, type RouteTable } from '../../src/sandbox/http/routeTable.js';

/** One valid request of one operation, before any mutation. */
export interface FuzzBase {
  api: LoadedApi;
  operation: Operation;
  method: string;
  pathTemplate: string;
  pathParams: Record<string, string>;
  query: Record<string, string>;
  headers: Record<string, string>;
  body: unknown;
}

/** A request as sent: the base's parts with one of them changed. */
export interface FuzzInput {
  base: FuzzBase;
  mutation: string;
  pathParams: Record<string, string>;
  query: Record<string, string>;
  headers: Record<string, string>;
  body: RawBody;
}

/** Every valid request of every operation of `apis` (the suite's positive cases); `keyOf(api)` is the demo key of that API. */
export function fuzzBases(apis: LoadedApi[], keyOf: (api: LoadedApi) => string): FuzzBase[] {
  return apis.flatMap((api) =>
    deriveCases(api)
      .filter((c) => c.kind === 'positive' && !c.preflight)
      .map((c) => {
        const spec = c.request;
        // The headers the suite would send, the demo key in the scheme's header, without Accept and Content-Type.
        const prepared = prepareRequest(api.doc, 'http://sandbox.invalid', spec, { apiKey: keyOf(api), apiKeyEnv: 'KEY', extraHeaders: [] });
        const headers = Object.fromEntries(Object.entries(prepared.headers).filter(([k]) => !/^(accept|content-type)$/i.test(k)));
        const body = spec.body && 'json' in spec.body ? spec.body.json : undefined;
        return { api, operation: c.operation, method: spec.method, pathTemplate: spec.pathTemplate, pathParams: spec.pathParams, query: spec.query, headers, body };
      }),
  );
}

const BUILT_IN_NAMES = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'prototype', 'length', 'then'];
const CONTROL = fc.constantFrom('\u0000', '\u0001', '\u0007', '\b', '\t', '\n', '\r', '\u001b', '\u007f', '\u2028', '\ud800', '\ufeff');

/** A string with control characters, NUL above all, spliced into ordinary text. */
const hostileString = fc
  .tuple(fc.string({ maxLength: 12 }), fc.array(CONTROL, { minLength: 1, maxLength: 3 }), fc.string({ maxLength: 12 }))
  .map(([a, c, b]) => `${a}${c.join('')}${b}`);

/** A timestamp-shaped string PostgreSQL may refuse (year 0, February 30th, hour 24). */
const oddTimestamp = fc
  .tuple(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), fc.integer({ min: 0, max: 25 }))
  .map(([y, m, d, h]) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}T${String(h).padStart(2, '0')}:00:00.000000Z`);

/** An opaque token shaped like a page cursor (base64url JSON of a timestamp and a uuid). */
const cursorLike = fc.tuple(oddTimestamp, fc.uuid()).map(([t, i]) => Buffer.from(JSON.stringify({ t, i }), 'utf8').toString('base64url'));

/** A JSON text nested far deeper than any value could be built and serialised here (up to 100,000 levels). */
const deepText = fc.tuple(fc.integer({ min: 1000, max: 100_000 }), fc.boolean()).map(([depth, arrays]): RawBody => ({
  kind: 'text',
  text: arrays ? `${'['.repeat(depth)}${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`,
}));

/** A value nested `depth` arrays or objects deep. */
const deep = fc.tuple(fc.integer({ min: 20, max: 300 }), fc.boolean()).map(([depth, arrays]) => {
  let v: unknown = 'x';
  for (let i = 0; i < depth; i++) v = arrays ? [v] : { a: v };
  return v;
});

const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  fc.string(),
  fc.constantFrom(null, true, false, 0, -1, 1e308, -0, '', ' ', '[]', '{}', 'null'),
  fc.integer(),
  fc.double(),
  fc.array(fc.oneof(fc.string(), fc.integer()), { maxLength: 5 }),
  fc.dictionary(fc.oneof(fc.string(), fc.constantFrom(...BUILT_IN_NAMES)), fc.oneof(fc.string(), fc.integer(), hostileString), { maxKeys: 4 }),
  oddTimestamp,
  deep,
);

const hostileParam = fc.oneof(hostileString, fc.string(), cursorLike, oddTimestamp, fc.constantFrom('', '-1', '0', '1e9', 'NaN', 'true', '%00', '../..', 'inf_'));

type Mutation = (base: FuzzBase) => fc.Arbitrary<Omit<FuzzInput, 'base'>>;

const text = (value: unknown): RawBody => (value === undefined ? { kind: 'empty' } : { kind: 'text', text: JSON.stringify(value) });
const unchanged = (b: FuzzBase) => ({ pathParams: b.pathParams, query: b.query, headers: b.headers, body: text(b.body) });
const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const MUTATIONS: Record<string, Mutation> = {
  'body field': (b) => {
    const fields = isPlainObject(b.body) ? Object.keys(b.body) : Array.isArray(b.body) ? b.body.map((_, i) => String(i)) : [];
    if (fields.length === 0) return fc.constant({ ...unchanged(b), mutation: 'body field (none: unchanged)' });
    return fc.tuple(fc.constantFrom(...fields), hostileValue).map(([field, value]) => {
      const body = Array.isArray(b.body) ? b.body.map((v, i) => (String(i) === field ? value : v)) : { ...(b.body as object), [field]: value };
      return { ...unchanged(b), body: text(body), mutation: `body field ${field}` };
    });
  },
  'random key': (b) =>
    fc.tuple(fc.oneof(fc.constantFrom(...BUILT_IN_NAMES), fc.string(), hostileString), hostileValue).map(([key, value]) => {
      const body = isPlainObject(b.body) ? { ...b.body } : {};
      // defineProperty, so `__proto__` is an own key of the JSON text, as a client would send it
      Object.defineProperty(body, key, { value, enumerable: true, configurable: true, writable: true });
      return { ...unchanged(b), body: text(body), mutation: `random key ${JSON.stringify(key)}` };
    }),
  'whole body': (b) =>
    fc.oneof(hostileValue.map((v) => text(v)), deepText, fc.string().map((t): RawBody => ({ kind: 'text', text: t })), fc.constant<RawBody>({ kind: 'text', text: '{"a":' })).map((body) => ({
      ...unchanged(b),
      body,
      mutation: 'whole body',
    })),
  // A key of the body given twice (JSON.parse would keep the second); the value of one hostile.
  'duplicate key': (b) => {
    const fields = isPlainObject(b.body) ? Object.keys(b.body) : [];
    if (fields.length === 0) return fc.constant({ ...unchanged(b), mutation: 'duplicate key (none: unchanged)' });
    return fc.tuple(fc.constantFrom(...fields), hostileValue, fc.boolean()).map(([field, value, first]) => {
      const own = JSON.stringify(b.body).slice(1, -1);
      const extra = `${JSON.stringify(field)}:${JSON.stringify(value) ?? 'null'}`;
      return { ...unchanged(b), body: { kind: 'text', text: first ? `{${extra},${own}}` : `{${own},${extra}}` } as RawBody, mutation: `duplicate key ${field}` };
    });
  },
  // What readBody makes of bytes that are no UTF-8, of a body declared as another media type, and of one over the limit.
  'raw body': (b) =>
    fc
      .constantFrom<RawBody>(
        { kind: 'unreadable', problem: 'The body is not valid UTF-8' },
        { kind: 'text', text: JSON.stringify(b.body ?? {}), mediaTypeProblem: 'Content-Type text/plain is not JSON: send the body as application/json' },
        { kind: 'too-large', limitBytes: 2 * 1024 * 1024 },
      )
      .map((body) => ({ ...unchanged(b), body, mutation: `raw body ${body.kind}` })),
  'many unknown keys': (b) =>
    fc.integer({ min: 200, max: 2000 }).map((n) => {
      const body: Record<string, unknown> = isPlainObject(b.body) ? { ...b.body } : {};
      for (let i = 0; i < n; i++) body[`unknown_${i}`] = i;
      return { ...unchanged(b), body: text(body), mutation: `${n} unknown keys` };
    }),
  parameter: (b) => {
    const names = b.operation.parameters().map((p) => ({ name: String(p.value.name), in: String(p.value.in) }));
    if (names.length === 0) return fc.constant({ ...unchanged(b), mutation: 'parameter (none: unchanged)' });
    return fc.tuple(fc.constantFrom(...names), hostileParam).map(([p, value]) => {
      const u = unchanged(b);
      if (p.in === 'path') return { ...u, pathParams: { ...u.pathParams, [p.name]: value }, mutation: `path ${p.name}` };
      if (p.in === 'query') return { ...u, query: { ...u.query, [p.name]: value }, mutation: `query ${p.name}` };
      return { ...u, headers: { ...u.headers, [p.name]: value }, mutation: `header ${p.name}` };
    });
  },
  credentials: (b) =>
    fc.tuple(fc.constantFrom(...Object.keys(b.headers), 'Authorization'), hostileParam).map(([name, value]) => ({
      ...unchanged(b),
      headers: { ...b.headers, [name]: value },
      mutation: `header ${name}`,
    })),
};

/** One base request with one mutation, chosen at random. */
export function fuzzInput(bases: FuzzBase[]): fc.Arbitrary<FuzzInput> {
  return fc
    .tuple(fc.constantFrom(...bases), fc.constantFrom(...Object.keys(MUTATIONS)))
    .chain(([base, kind]) => MUTATIONS[kind]!(base).map((m) => ({ ...m, base })))
    .map((input) => Object.assign(input, { [fc.toStringMethod]: () => describeInput(input) }));
}

/** Percent-encoding of a path segment as a client would send it (a lone surrogate goes as U+FFFD, as UTF-8 has no other way). */
const encodeSegment = (value: string) => {
  try {
    return encodeURIComponent(value);
  } catch {
    return [...Buffer.from(value, 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0').toUpperCase()}`).join('');
  }
};

/** The input as the sandbox's `handle()` takes it (path parameters percent-encoded into their segment). */
export function toRequest(input: FuzzInput | FuzzBase): SandboxRequest {
  const base = 'mutation' in input ? input.base : input;
  const path = base.pathTemplate.replace(/\{([^}]+)\}/g, (_, name: string) => encodeSegment(input.pathParams[name] ?? ''));
  const body = 'mutation' in input ? input.body : text(input.body);
  return {
    method: base.method,
    pathname: path,
    searchParams: new URLSearchParams(input.query),
    headers: Object.fromEntries(Object.entries(input.headers).map(([k, v]) => [k.toLowerCase(), v])),
    body,
    remoteAddress: '127.0.0.1',
  };
}

/** Words of an internal error: a JavaScript exception, a stack frame, PostgreSQL's own wording. */
const INTERNAL_TEXT = /TypeError|ReferenceError|RangeError|Cannot read prop|is not a function|at \S+\.[jt]s:\d+|invalid input syntax|violates|out of range|syntax error at|relation "|PGlite|date\/time field/i;

const routeTables = new WeakMap<LoadedApi, RouteTable>();

/**
 * Whether `result` is a fit answer to a path that names no operation of `operation`'s API's: a
 * 404, or a 405 with `Allow`, its body the neutral `{ error, message }` or the API's own error
 * envelope (valid against one of the operation's documented 4xx schemas: a slice answers a miss
 * under its API's paths in that envelope).
 */
function isUnroutedAnswer(api: LoadedApi, operation: Operation, result: HttpResult): boolean {
  if (result.status !== 404 && result.status !== 405) return false;
  if (result.status === 405 && !Object.keys(result.headers ?? {}).some((h) => h.toLowerCase() === 'allow')) return false;
  const body = result.body as { error?: unknown; message?: unknown } | undefined;
  if (typeof body?.error === 'string' && typeof body.message === 'string') return true;
  return operation
    .statuses()
    .filter((status) => /^4/.test(status))
    .some((status) => {
      const pointer = operation.schemaPointer(status);
      return pointer !== undefined && api.validator.validate(pointer, result.body).length === 0;
    });
}

/**
 * What is wrong with the sandbox's answer to `request`, made from `input` (`[]`: nothing). A
 * mutated path that no longer names the operation (an empty segment) must get a 404/405, neutral
 * or in the API's own envelope (`isUnroutedAnswer`).
 */
export function checkAnswer(input: { base: FuzzBase }, request: SandboxRequest, result: HttpResult): string[] {
  const { operation, api } = input.base;
  const bodyText = result.text ?? (result.body === undefined ? '' : JSON.stringify(result.body));
  const problems: string[] = [];
  if (result.status >= 500) problems.push(`answered ${result.status}`);
  if (INTERNAL_TEXT.test(bodyText)) problems.push(`internal text in the answer: ${bodyText.slice(0, 300)}`);
  if (!routeTables.has(api)) routeTables.set(api, buildRouteTable([api]));
  const match = routeTables.get(api)!.match(request.method, request.pathname);
  if (match.kind !== 'matched' || match.route.operation.operationId !== operation.operationId) {
    if (!isUnroutedAnswer(api, operation, result)) {
      problems.push(`${request.pathname} is no path of ${operation.operationId}: expected a 404/405, neutral or in the API's envelope, got ${result.status} ${bodyText.slice(0, 200)}`);
    }
    return problems;
  }
  const headers = Object.fromEntries(Object.entries(result.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
  const fieldErrors = api.entry.conformance.fieldErrors;
  const failures = checkResponse({
    operation,
    validator: api.validator,
    expect: { statuses: [] },
    target: 'live',
    response: { status: result.status, headers: { 'content-type': 'application/json', ...headers }, bodyText },
    ...(fieldErrors ? { api: { fieldErrors } } : {}),
  });
  problems.push(...failures.map((f) => JSON.stringify(f).slice(0, 400)));
  return problems;
}

/** A one-line account of an input, for a failure message. */
export function describeInput(input: FuzzInput): string {
  const r = toRequest(input);
  const body = r.body.kind === 'text' ? r.body.text : r.body.kind;
  return `${input.base.api.name} ${r.method} ${r.pathname}?${r.searchParams.toString()} (${input.mutation}) body ${JSON.stringify(body.slice(0, 300))}`;
}
