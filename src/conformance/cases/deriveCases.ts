/**
 * Derives the suite's target-neutral cases from one loaded API, never from a hand-written list:
 * - positive: a valid request per request body (named example, else a verified sample) and per
 *   security alternative the engine can send;
 * - negative: the same valid request with exactly one constraint broken (credentials, required
 *   body, each schema constraint of the body and of path, query, header and cookie parameters,
 *   malformed JSON).
 * Cases only one kind of target can run (documented responses from a mock) come from its adapter.
 *
 * Foreign documents (`--spec`) are derived operation by operation: an operation that cannot be
 * tested gives one skipped case with the reason and a JSON pointer, a schema that does not
 * compile one failed `schema-compile` case, an invalid documented example one failed
 * `document-example` case, and the other operations go on. This project's documents stay fail
 * closed: anything that cannot be derived stops the run (SuiteSetupError).
 */
import { isDeepStrictEqual } from 'node:util';
import type { LoadedApi } from '../../core/loadApi.js';
import { bodyValidationStatus, documentedStatusKey, parameterValidationStatus, successStatuses } from '../../core/statusMatch.js';
import { placeCredential } from '../../openapi/securitySchemes.js';
import { childPointer, isObject, resolveRef } from '../../openapi/jsonPointer.js';
import type { OpenApiDocument } from '../../openapi/loadDocument.js';
import { matchMediaType } from '../../openapi/mediaTypes.js';
import { isValidationStatus } from '../../openapi/statusKeys.js';
import type { Operation } from '../../openapi/operations.js';
import { SuiteSetupError } from '../failClosed.js';
import { OTHER_SCHEME_NAME, type RequestSpec, type RuleId, type TestCase } from '../model.js';
import { acceptFor, buildValidRequest, setParameter } from './buildValidRequest.js';
import { makeCase } from './caseFactory.js';
import { arrayParameterViolations } from './arrayParameterViolations.js';
import { boundaryValues } from './boundaryValues.js';
import { MAX_BUILT_SIZE, deriveSchemaViolations, type Violation } from './deriveSchemaViolations.js';
import { metaSchemaViolation } from './metaSchemaViolation.js';
import { nonUnicodePattern } from './nonUnicodePattern.js';
import { OperationSkip, parameterExamples, parameterValueErrors, planOperation, travelsAsWritten, type OperationPlan } from './operationPlan.js';
import { objectParameterViolations } from './objectParameterViolations.js';
import { prismUncheckedScheme } from './prismUncheckedScheme.js';
import { responseOnlyProperties } from './responseOnlyProperties.js';
import { breakableParameter, parameterNameKind, PRISM_EMPTY_VALUE, sendableBrokenValue, sendableParameterName } from './parameterWire.js';

/** Security alternatives to send, each once (two requirements naming the same schemes with other scopes are one way in). */
export function distinctRequirements(plan: OperationPlan): Record<string, string[]>[] {
  const seen = new Set<string>();
  return plan.requirements.filter((r) => {
    const key = Object.keys(r).sort().join('+');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const requirementLabel = (r: Record<string, string[]> | undefined) => (r && Object.keys(r).length > 0 ? Object.keys(r).join('+') : 'anonymous');

function withAccept(op: Operation, request: RequestSpec, statuses: readonly string[]): RequestSpec {
  const accept = acceptFor(op, statuses.length > 0 ? statuses : op.statuses());
  return accept ? { ...request, headers: { Accept: accept, ...request.headers } } : request;
}

/** The http schemes Prism has a handler for (prism-http's security handlers); it answers 401 to a request relying on any other. */
const PRISM_HTTP_SCHEMES = new Set(['basic', 'bearer', 'digest']);

/** The http schemes a requirement sends in `Authorization`, as the document writes their names (`bearer`, `Basic`, Okta's `postBody`). */
function httpSchemeNames(doc: OpenApiDocument, requirement: Record<string, string[]> | undefined): string[] {
  const schemes = doc.components?.securitySchemes;
  const found: string[] = [];
  for (const name of Object.keys(requirement ?? {})) {
    let scheme: unknown;
    try {
      scheme = isObject(schemes) ? resolveRef(doc, schemes[name], childPointer('#/components/securitySchemes', name)).value : undefined;
    } catch {
      continue; // a broken scheme is reported where its credential is placed
    }
    if (isObject(scheme) && scheme.type === 'http' && typeof scheme.scheme === 'string') found.push(scheme.scheme);
  }
  return found;
}

/** Why Prism cannot accept a request sent with `requirement`: one of its schemes is an http scheme Prism does not know (Okta's `postBody`). */
function prismUnknownHttpScheme(doc: OpenApiDocument, requirement: Record<string, string[]> | undefined): string | undefined {
  const unknown = httpSchemeNames(doc, requirement).find((scheme) => !PRISM_HTTP_SCHEMES.has(scheme.toLowerCase()));
  return unknown === undefined ? undefined : `Prism has no handler for the http scheme '${unknown}' (only basic, bearer and digest): it answers 401 to every request relying on it`;
}

/** Whether every scheme of a requirement is an apiKey sent in a header of its own (not `Authorization`, where a scheme name may be part of the key). */
function ownHeaderKeysOnly(doc: OpenApiDocument, requirement: Record<string, string[]>): boolean {
  const schemes = doc.components?.securitySchemes;
  const names = Object.keys(requirement);
  return names.length > 0 && names.every((name) => {
    let scheme: unknown;
    try {
      scheme = isObject(schemes) ? resolveRef(doc, schemes[name], childPointer('#/components/securitySchemes', name)).value : undefined;
    } catch {
      return false;
    }
    return isObject(scheme) && scheme.type === 'apiKey' && scheme.in === 'header' && typeof scheme.name === 'string' && scheme.name.toLowerCase() !== 'authorization';
  });
}

/** The http schemes (`basic`, `bearer` …, in lower case) a requirement sends in `Authorization`. */
const httpSchemesOf = (doc: OpenApiDocument, requirement: Record<string, string[]> | undefined): string[] => httpSchemeNames(doc, requirement).map((scheme) => scheme.toLowerCase());

/** Why Prism cannot run a request whose http scheme name is in lower case: its bearer handler matches `Bearer` exactly. */
const PRISM_CASE_SENSITIVE_BEARER = 'Prism reads the Bearer scheme name case-sensitively (only "Bearer …"), though RFC 9110 §11.1 makes it case-insensitive';

/**
 * Per way in that sends an http scheme: the valid request with the scheme name in lower case
 * (`bearer <token>`). RFC 9110 §11.1 makes the scheme case-insensitive, so it is the same
 * credential, and a server that matches `Bearer` exactly refuses clients that write it otherwise.
 */
function lowerCaseSchemeCases(api: LoadedApi, op: Operation, plan: OperationPlan, statuses: string[]): TestCase[] {
  const requirements = distinctRequirements(plan);
  const [, body] = plan.bodies[0] ?? [undefined, undefined];
  const cases: TestCase[] = [];
  for (const requirement of requirements) {
    const http = httpSchemesOf(api.doc, requirement);
    if (http.length === 0 || prismUnknownHttpScheme(api.doc, requirement)) continue;
    const label = requirements.length > 1 ? requirementLabel(requirement) : undefined;
    cases.push(
      makeCase(api.name, op, {
        idSuffix: `valid${label ? ` ${label}` : ''} scheme lower-case`,
        kind: 'positive',
        title: `valid request${label ? ` (auth ${label})` : ''} with the Authorization scheme name in lower case (RFC 9110 §11.1: case-insensitive)`,
        request: { ...withAccept(op, buildValidRequest(api, op, { body, requirement }), statuses), authorizationScheme: 'lower-case' },
        expect: { statuses, valid: true },
        ...(http.includes('bearer') ? { mockCaveat: PRISM_CASE_SENSITIVE_BEARER } : {}),
      }),
    );
  }
  return cases;
}

function positiveCases(api: LoadedApi, op: Operation, plan: OperationPlan): TestCase[] {
  const cases: TestCase[] = [];
  const requirements = distinctRequirements(plan);
  const statuses = successStatuses(op.statuses());
  for (const requirement of requirements.length > 0 ? requirements : [undefined]) {
    const label = requirements.length > 1 ? requirementLabel(requirement) : undefined;
    const mockCaveat = prismUnknownHttpScheme(api.doc, requirement);
    for (const [name, body] of plan.bodies) {
      const how = [name ? `body '${name}'` : op.requestBody() ? 'no body' : undefined, label ? `auth ${label}` : undefined].filter(Boolean).join(', ');
      cases.push(
        makeCase(api.name, op, {
          idSuffix: `valid${name ? ` ${name}` : op.requestBody() ? ' no-body' : ''}${label ? ` ${label}` : ''}`,
          kind: 'positive',
          title: `valid request${how ? ` (${how})` : ''}`,
          request: withAccept(op, buildValidRequest(api, op, { body, ...(requirement ? { requirement } : {}) }), statuses),
          expect: { statuses, valid: true },
          ...(mockCaveat ? { mockCaveat } : {}),
        }),
      );
    }
  }
  return [...cases, ...lowerCaseSchemeCases(api, op, plan, statuses), ...parameterExampleCases(api, op, plan, statuses)];
}

/**
 * Each further documented example of a parameter a valid request sends (the request uses the
 * first), required or optional, sent once in its place: a parameter documented in several forms (a prefixed id and the
 * bare uuid) is accepted in each. Examples its schema rejects are the document's defect, reported
 * where the plan is made, and not sent here.
 */
function parameterExampleCases(api: LoadedApi, op: Operation, plan: OperationPlan, statuses: string[]): TestCase[] {
  const [, body] = plan.bodies.find(([, b]) => b !== undefined) ?? [undefined, undefined];
  const cases: TestCase[] = [];
  // Optional parameters too: a client-chosen one (an Idempotency-Key) may document its shortest value.
  for (const planned of [...plan.parameters, ...plan.optional]) {
    if (!breakableParameter(api.doc, planned.in, planned.name) || planned.parameter.value.schema === undefined) continue;
    const schemaPointer = childPointer(planned.parameter.pointer, 'schema');
    const used = JSON.stringify(planned.value);
    const seen = new Set([used]);
    for (const example of parameterExamples(api, planned.parameter)) {
      const key = JSON.stringify(example.value);
      if (seen.has(key) || parameterValueErrors(api, schemaPointer, example.value).length > 0 || !travelsAsWritten(planned.parameter, example.value)) continue;
      seen.add(key);
      const request = buildValidRequest(api, op, { body, without: planned.parameter.pointer });
      setParameter(request, planned, example.value);
      const name = example.pointer.match(/\/examples\/([^/]+)\/value$/)?.[1] ?? String(seen.size - 1);
      cases.push(
        makeCase(api.name, op, {
          idSuffix: `valid ${planned.in}.${planned.name} example ${name}`,
          kind: 'positive',
          title: `valid request (${planned.in} ${planned.name} as its example ${name})`,
          request: withAccept(op, request, statuses),
          expect: { statuses, valid: true },
        }),
      );
    }
  }
  return cases;
}

const PRISM_IGNORES_COOKIES = 'Prism does not validate cookie parameters';
const PRISM_IGNORES_ITEM_COUNT = 'Prism does not validate the item count of an array parameter';
/** Prism's deepObject reader builds the object from the schema's declared properties only: an unknown one is dropped before validation. */
const PRISM_DEEP_OBJECT_UNKNOWN = 'Prism reads a deepObject parameter as the properties its schema declares, so it never sees an unknown one';
const UNKNOWN_PROPERTY_KEYWORDS = new Set(['additionalProperties', 'unevaluatedProperties']);
/** Prism's reader of an exploded object query parameter (form, deepObject) gives an empty object when the query holds none of its properties: `required` never fails. */
const PRISM_EXPLODED_OBJECT_MISSING = 'Prism builds an exploded object query parameter from whichever of its properties the query holds (an empty object when none), so it never finds it missing';
/** Whether a query parameter travels as one query pair per property (`style: form` exploded, the default, or `deepObject`) with an object value. */
function explodedObject(parameter: Record<string, unknown>, value: unknown): boolean {
  if (parameter.in !== 'query' || !isObject(value)) return false;
  return parameter.style === 'deepObject' || ((parameter.style ?? 'form') === 'form' && parameter.explode !== false);
}
/** Integer formats whose range Prism does not check (its int64 accepts any integer; the others it does not know). */
const PRISM_UNCHECKED_RANGE = /^format (int64|int8|int16|uint8|uint16|uint32|uint64)$/;
/** Text formats Prism's ajv does not know (it ignores them): an http-date of any text passes there. */
const PRISM_UNKNOWN_FORMAT = /^format (http-date)$/;
const prismRange = (rule: string) =>
  PRISM_UNCHECKED_RANGE.test(rule) ? `Prism does not check the range of ${rule}` : PRISM_UNKNOWN_FORMAT.test(rule) ? `Prism does not check ${rule} (a format it does not know)` : undefined;
/** Media types a JSON body is sent under to break "the operation takes only these", the first the operation does not document. */
const UNDOCUMENTED_MEDIA_TYPES = ['text/plain', 'application/xml'];
/** Why a rule is not broken: the value breaking it would be past what the suite builds. */
const tooLargeReason = (where: string, rule: string) =>
  `${where}: ${rule} is broken only by a value of more than ${MAX_BUILT_SIZE.toLocaleString('en')} items, properties or characters, more than the suite builds`;
/**
 * The longest parameter value a case sends (path, query, header or cookie: all travel in the
 * request head): beyond it the request head, not the parameter, is what a server rejects.
 */
const MAX_HEAD_VALUE = 4096;
/** Whether `value` of a parameter in `location` is longer than a request head carries. */
const pastHeadLimit = (location: string, length: number) => ['path', 'query', 'header', 'cookie'].includes(location) && length > MAX_HEAD_VALUE;
/** Why a rule of a parameter is not broken: its value would not fit in a request head. */
const pastHeadReason = (location: string, name: string, rule: string, length: number) =>
  `${location} ${name}: ${rule} takes a value of ${length} characters, longer than the ${MAX_HEAD_VALUE} a ${location === 'path' || location === 'query' ? 'URL' : 'request head'} may carry here (Node's HTTP server, like most, rejects a request head over 16 KiB with 431)`;

/** The status a negative case expects: `default` reads as "a client error" (any 4xx the document does not list otherwise). */
function negativeStatus(expected: string): string {
  return expected === 'default' ? '4XX' : expected;
}

/**
 * What a correct server may answer a request it cannot authenticate, of what the operation
 * documents (exactly, under 4XX or under default): 401 (RFC 9110 §15.5.2), and 403 where the
 * document gives it, a server being free to refuse rather than ask again (§15.5.4). Empty when
 * the operation documents neither. (A malformed Authorization header may also get an explicit
 * 400: RFC 6750 §3.1's invalid_request; the caller adds it.)
 */
function refusalStatuses(keys: readonly string[]): string[] {
  return ['401', '403'].filter((status) => documentedStatusKey(keys, Number(status)) !== undefined);
}

function negativeCases(api: LoadedApi, op: Operation, plan: OperationPlan): TestCase[] {
  const foreign = api.mode === 'foreign';
  const cases: TestCase[] = [];
  const skipped = new Set<string>();
  const caveat = (schemaPointer: string) => {
    if (!foreign) return undefined;
    const pattern = nonUnicodePattern(api.doc, schemaPointer);
    if (pattern !== undefined) return `Prism does not validate a schema whose pattern ${JSON.stringify(pattern)} is not valid under the u flag (${schemaPointer})`;
    const invalid = metaSchemaViolation(api.doc, schemaPointer);
    return invalid === undefined ? undefined : `Prism does not validate a schema that holds a node the JSON Schema 2020-12 meta-schema rejects (${invalid.pointer}: ${invalid.message})`;
  };
  const negative = (idSuffix: string, brokenRule: string, request: RequestSpec, expected: string | readonly string[] | undefined, extra: Partial<TestCase['expect']> = {}, mockCaveat?: string) => {
    if (!expected || expected.length === 0) {
      if (!foreign) throw new SuiteSetupError(`${op.operationId} declares no client-error status for '${brokenRule}' (${op.pointer}/responses)`);
      skipped.add(brokenRule.split(':')[0] as string);
      return;
    }
    const keys = typeof expected === 'string' ? [expected] : [...expected];
    const statuses = keys.map(negativeStatus);
    cases.push(
      makeCase(api.name, op, {
        idSuffix: `negative ${idSuffix}`,
        kind: 'negative',
        title: `rejects ${brokenRule}`,
        brokenRule,
        request: withAccept(op, request, keys),
        expect: { statuses, ...extra },
        ...(mockCaveat ? { mockCaveat } : {}),
      }),
    );
  };
  // Foreign documents: where an operation documents neither 400 nor 422, the other client error
  // clientErrorStatusKey falls back to (409, 413…) is a guess, and a correct server may answer
  // another documented one (a 404 for a path value no resource has): any client error is
  // expected, also where the only client errors documented are others (a 404 alone).
  const anyClientError = op.statuses().some((s) => /^4\d\d$/.test(s));
  const validation = (key: string | undefined) => {
    if (!foreign) return key;
    if (key === undefined) return anyClientError ? '4XX' : undefined;
    return /^\d{3}$/.test(key) && !isValidationStatus(key) ? '4XX' : key;
  };
  const [, exampleBody] = plan.bodies.find(([, body]) => body !== undefined) ?? [undefined, undefined];
  const valid = () => buildValidRequest(api, op, { body: exampleBody });
  // A valid request with one value at a bound the document states: a server enforcing a tighter one refuses it.
  const successes = successStatuses(op.statuses());
  const atBound = (where: string, request: RequestSpec, freshResource: boolean) =>
    makeCase(api.name, op, {
      idSuffix: `valid ${where}`,
      kind: 'positive',
      title: `valid request (${where})`,
      request: withAccept(op, request, successes),
      expect: { statuses: successes, valid: true },
      ...(freshResource ? { freshResource: true as const } : {}),
    });

  // Credentials: only where every way in needs some (an empty requirement means anonymous access is allowed).
  const requirements = distinctRequirements(plan);
  if (requirements.length > 0 && requirements.every((r) => Object.keys(r).length > 0)) {
    const unauthorised = foreign ? refusalStatuses(op.statuses()) : ['401'];
    // Prism lets a request through on an alternative whose scheme it does not check (mutualTLS…).
    const unchecked = foreign ? prismUncheckedScheme(api.doc, op.security()) : undefined;
    const uncheckedCaveat = unchecked === undefined ? undefined : `Prism does not check security scheme ${unchecked}: it lets any request through on the alternative naming it`;
    negative('auth missing', 'credentials: missing', { ...valid(), auth: { kind: 'none' } }, unauthorised, {}, uncheckedCaveat);
    // A malformed Authorization header breaks every scheme but http basic, which Prism may read
    // differently, and an apiKey sent in the Authorization header itself, for which any text is a key.
    const authorizationOf = (name: string) => {
      const headers = (placeCredential(api.doc, name, 'u:p') as { headers?: Record<string, string> }).headers ?? {};
      return Object.entries(headers).find(([header]) => header.toLowerCase() === 'authorization')?.[1];
    };
    // An apiKey named Authorization: the header's whole text is the key, so any text is one.
    const takesRawAuthorization = (name: string) => authorizationOf(name) === 'u:p';
    const acceptsAnyAuthorization = (name: string) => takesRawAuthorization(name) || authorizationOf(name)?.startsWith('Basic ') === true;
    const malformed = foreign && unauthorised.length > 0 && op.statuses().includes('400') ? [...unauthorised, '400'] : unauthorised;
    if (!foreign || !requirements.some((r) => Object.keys(r).some(acceptsAnyAuthorization))) {
      negative('auth malformed', 'credentials: malformed Authorization header', { ...valid(), auth: { kind: 'malformed', header: 'Authorization', value: 'Basic bm90LWEta2V5' } }, malformed, {}, uncheckedCaveat);
    }
    // Well-formed credentials no server issued, once per way in: a server that checks only that a
    // key or token is present accepts them. Prism does exactly that, so the mock cannot run them.
    for (const requirement of requirements) {
      const label = requirements.length > 1 ? ` (${requirementLabel(requirement)})` : '';
      negative(`auth unknown${label.replace(/[()]/g, '')}`, `credentials: unknown${label}`, { ...valid(), auth: { kind: 'unknown', schemes: Object.keys(requirement) } }, unauthorised, {}, 'Prism accepts any credential that is present');
    }
    // The credential given, each of its letters in the other case, once per way in: keys and
    // tokens are compared exactly, so a server that matches them case-insensitively takes one it
    // never issued. The curl line shows the variable; its value is what was respelled.
    for (const requirement of requirements) {
      const label = requirements.length > 1 ? ` (${requirementLabel(requirement)})` : '';
      negative(`auth credential letter-case${label.replace(/[()]/g, '')}`, `credentials: the credential given, each letter in the other case${label}`, { ...valid(), auth: { kind: 'requirement', schemes: Object.keys(requirement) }, credentialRespelled: 'letter-case' }, unauthorised, {}, 'Prism accepts any credential that is present');
    }
    // A key that travels in a header of its own (`X-Api-Key`), sent as `Bearer <key>`: that header
    // carries the key alone, so a server that strips a scheme name from it reads it loosely.
    for (const requirement of requirements) {
      if (!ownHeaderKeysOnly(api.doc, requirement)) continue;
      const label = requirements.length > 1 ? ` (${requirementLabel(requirement)})` : '';
      negative(`auth credential bearer-prefix${label.replace(/[()]/g, '')}`, `credentials: the key given, after a Bearer scheme name in its own header${label}`, { ...valid(), auth: { kind: 'requirement', schemes: Object.keys(requirement) }, credentialRespelled: 'bearer-prefix' }, malformed, {}, 'Prism accepts any credential that is present');
    }
    // The credential given, in Authorization without its http scheme name (`<token>`, not
    // `Bearer <token>`): no credential of the scheme, so a server that takes it reads the header
    // loosely. A malformed header, so a documented 400 is accepted as for the one above. Bearer
    // only: the text after `Basic` means nothing alone, and Prism reads a basic header its own way
    // (the corpus' influxdb-v1-compat mock answers 200 to the base64 text alone).
    // Where another way in is an apiKey named Authorization (PagerDuty's `Token token=…` beside
    // Bearer), the bare credential is that way's own valid request: not sent. The credential after
    // another scheme name is a key of that way too, one no server issued, which Prism takes.
    for (const requirement of requirements) {
      const http = httpSchemesOf(api.doc, requirement);
      if (http.length === 0 || http.some((scheme) => scheme !== 'bearer')) continue;
      const others = requirements.filter((r) => r !== requirement).flatMap((r) => Object.keys(r));
      const rawElsewhere = others.filter(takesRawAuthorization);
      const otherCaveat = rawElsewhere.length > 0 ? `another way in (${rawElsewhere.join(', ')}) is an apiKey in Authorization, whose key is the header's whole text, and Prism accepts any credential that is present` : undefined;
      const label = requirements.length > 1 ? ` (${requirementLabel(requirement)})` : '';
      if (rawElsewhere.length === 0) negative(`auth scheme omitted${label.replace(/[()]/g, '')}`, `credentials: the credential given, without its scheme name${label}`, { ...buildValidRequest(api, op, { body: exampleBody, requirement }), authorizationScheme: 'omitted' }, malformed);
      // The same credential under another scheme name (`Token <token>`): a server that reads the
      // text after any scheme name as the token takes it.
      negative(`auth scheme other-name${label.replace(/[()]/g, '')}`, `credentials: the credential given, under the scheme name ${OTHER_SCHEME_NAME} instead of Bearer${label}`, { ...buildValidRequest(api, op, { body: exampleBody, requirement }), authorizationScheme: 'other-name' }, malformed, {}, otherCaveat);
    }
  }

  // Body.
  const body = op.requestBody();
  const bodySchema = plan.bodyMediaType ? op.schemaPointer('request', plan.bodyMediaType) : undefined;
  if (body && bodySchema) {
    const status = validation(bodyValidationStatus(op.statuses()));
    const bodyCaveat = caveat(bodySchema);
    if (body.value.required === true) {
      const { body: _omitted, ...noBody } = valid();
      negative('body missing', 'body: required', noBody, status, { violationAt: ['request'] });
    }
    negative('body malformed-json', 'body: malformed JSON', { ...valid(), body: { raw: '{"unterminated": ', contentType: plan.bodyMediaType ?? 'application/json' } }, status);
    // The valid body under a media type the operation does not take: a server that reads any
    // body as JSON accepts it. 415 where the operation documents it, else the body's client error.
    const undocumented = UNDOCUMENTED_MEDIA_TYPES.find((type) => matchMediaType(Object.keys(isObject(body.value.content) ? body.value.content : {}), type) === undefined);
    if (exampleBody !== undefined && undocumented) {
      const unsupported = op.statuses().includes('415') ? '415' : status;
      negative('body content-type', `body: Content-Type ${undocumented} (not documented)`, { ...valid(), body: { json: exampleBody, contentType: undocumented } }, unsupported, { violationAt: ['request'] });
    }
    // Each constraint of the body broken once, from every named example in turn: the first breaks
    // what it holds, the next ones what only they hold (a `bulk` list, another `anyOf` branch),
    // each (place, keyword) once, and no body twice.
    const derived = new Set<string>();
    const sent = new Set<string>();
    for (const [, example] of plan.bodies.filter(([, b]) => b !== undefined)) {
      // JSON `null` as an optional body reads as "no body" to servers (and to Prism): not a violation.
      const ambiguous = (v: { instancePath: string; value: unknown }) => body.value.required !== true && v.instancePath === '' && v.value === null;
      const contentType = plan.bodyMediaType && plan.bodyMediaType !== 'application/json' ? { contentType: plan.bodyMediaType } : {};
      const onTooLarge = (rule: string, instancePath: string) => {
        const where = `body${instancePath.replaceAll('/', '.')}`;
        const keyword = rule.split(' ')[0];
        if (derived.has(`${where} ${keyword}`)) return;
        derived.add(`${where} ${keyword}`);
        cases.push(preflightCase(api, op, `negative ${where} ${keyword}`, 'skipped', tooLargeReason(where, rule), bodySchema));
      };
      const violations = deriveSchemaViolations(api.validator, api.doc, bodySchema, example, { direction: 'request', onTooLarge }).filter((v) => !ambiguous(v));
      if (example === exampleBody) {
        const isValid = (value: unknown) => api.validator.validate(bodySchema, value).length === 0;
        const minimal = withoutOptionalMembers(example, isValid);
        if (minimal !== undefined && !plan.bodies.some(([, b]) => isDeepStrictEqual(b, minimal))) cases.push(atBound('body fewest members', { ...valid(), body: { json: minimal, ...contentType } }, true));
        for (const b of boundaryValues(violations, example, (value) => api.validator.validate(bodySchema, value).length === 0, { numeric: true, beyondAscii: true })) {
          const where = `body${b.instancePath.replaceAll('/', '.')}`;
          cases.push(atBound(`${where} at ${b.rule}`, { ...valid(), body: { json: b.value, ...contentType } }, true));
        }
      }
      for (const v of violations) {
        const where = `body${v.instancePath.replaceAll('/', '.')}`;
        if (derived.has(`${where} ${v.keyword}`) || sent.has(JSON.stringify(v.value))) continue;
        derived.add(`${where} ${v.keyword}`);
        sent.add(JSON.stringify(v.value));
        negative(`${where} ${v.keyword}`, `${where}: ${v.rule}`, { ...valid(), body: { json: v.value, ...contentType } }, status, {
          ...(v.field ? { fieldErrorKey: v.field } : {}),
          violationAt: ['request', 'body', ...v.instancePath.split('/').filter(Boolean)],
        }, prismRange(v.rule) ?? bodyCaveat);
      }
    }
    // The answer's own fields (id, status, timestamps) sent in a body that takes none of them.
    if (exampleBody !== undefined) {
      for (const p of responseOnlyProperties(api, op, bodySchema, exampleBody, successStatuses(op.statuses()))) {
        const sent = { ...(exampleBody as Record<string, unknown>), [p.name]: p.value };
        negative(`body.${p.name} additionalProperties`, `body.${p.name}: additionalProperties false (a field of the ${p.status} answer, not of the body)`, { ...valid(), body: { json: sent, ...(plan.bodyMediaType && plan.bodyMediaType !== 'application/json' ? { contentType: plan.bodyMediaType } : {}) } }, status, {
          fieldErrorKey: p.name,
          violationAt: ['request', 'body'],
        }, bodyCaveat);
      }
    }
  }

  // Path, query, header and cookie parameters with a scalar value, an array or an object of
  // scalars (serialised per style), each constraint broken once; a header
  // or cookie carrying a credential is left to the credential cases (see parameterWire.ts).
  const inOrder = op.parameters().flatMap((p) => [...plan.parameters, ...plan.optional].filter((planned) => planned.parameter.pointer === p.pointer));
  for (const planned of inOrder) {
    const { name, in: location, parameter, value } = planned;
    if (!breakableParameter(api.doc, location, name) || parameter.value.schema === undefined) continue;
    const schemaPointer = `${parameter.pointer}/schema`;
    let violations: { keyword: string; rule: string; instancePath: string; value: unknown }[];
    const allowEmpty = parameter.value.allowEmptyValue === true;
    if (Array.isArray(value)) violations = arrayParameterViolations(api.validator, api.doc, schemaPointer, value).filter((v) => (v.value as string[]).every((item) => sendableBrokenValue(location, item)));
    else if (value !== null && typeof value === 'object') {
      violations = objectParameterViolations(api.validator, api.doc, schemaPointer, value as Record<string, unknown>).filter((v) => Object.values(v.value as Record<string, string>).every((item) => sendableBrokenValue(location, item)));
    } else violations = deriveSchemaViolations(api.validator, api.doc, schemaPointer, String(value), {
      wire: 'parameter',
      onTooLarge: (rule) => cases.push(preflightCase(api, op, `negative ${location}.${name} ${rule.split(' ')[0]}`, 'skipped', tooLargeReason(`${location} ${name}`, rule), schemaPointer)),
    }).filter((v) => sendableBrokenValue(location, String(v.value), allowEmpty));
    if (!Array.isArray(value) && (value === null || typeof value !== 'object')) {
      for (const b of boundaryValues(violations as Violation[], String(value), (candidate) => parameterValueErrors(api, schemaPointer, candidate).length === 0, { numeric: false })) {
        if (!sendableBrokenValue(location, String(b.value), allowEmpty) || pastHeadLimit(location, String(b.value).length)) continue;
        const request = buildValidRequest(api, op, { body: exampleBody, without: parameter.pointer });
        setParameter(request, planned, b.value);
        cases.push(atBound(`${location}.${name} at ${b.rule}`, request, false));
      }
    }
    const status = validation(parameterValidationStatus(op.statuses()));
    const mockCaveat = location === 'cookie' ? PRISM_IGNORES_COOKIES : caveat(schemaPointer);
    for (const v of violations) {
      const length = Array.isArray(v.value) ? v.value.join(',').length : String(v.value).length;
      if (pastHeadLimit(location, length)) {
        cases.push(preflightCase(api, op, `negative ${location}.${name} ${v.keyword}`, 'skipped', pastHeadReason(location, name, v.rule, length), schemaPointer));
        continue;
      }
      const request = buildValidRequest(api, op, { body: exampleBody, without: parameter.pointer });
      setParameter(request, planned, Array.isArray(v.value) || isObject(v.value) ? v.value : String(v.value));
      if (location === 'header') request.ownHeaders = [name];
      const at = v.instancePath.replaceAll('/', '.');
      const itemCount = Array.isArray(value) && (v.keyword === 'maxItems' || v.keyword === 'minItems') && location !== 'cookie' ? PRISM_IGNORES_ITEM_COUNT : undefined;
      const empty = v.value === '' && location !== 'path' ? PRISM_EMPTY_VALUE : undefined;
      const deepUnknown = parameter.value.style === 'deepObject' && UNKNOWN_PROPERTY_KEYWORDS.has(v.keyword) ? PRISM_DEEP_OBJECT_UNKNOWN : undefined;
      negative(`${location}.${name}${at} ${v.keyword}`, `${location} ${name}${at}: ${v.rule}`, request, status, { fieldErrorKey: name, violationAt: ['request', location, name] }, itemCount ?? empty ?? deepUnknown ?? (location === 'cookie' ? mockCaveat : prismRange(v.rule) ?? mockCaveat));
    }
  }
  // Required query, header and cookie parameters, each left out once (not one the suite sets
  // itself, nor one that carries a credential: the request's credentials would put it back).
  for (const planned of plan.parameters) {
    const { name, in: location, parameter } = planned;
    if (location === 'path' || parameter.value.required !== true || !breakableParameter(api.doc, location, name)) continue;
    const status = validation(parameterValidationStatus(op.statuses()));
    const request = buildValidRequest(api, op, { body: exampleBody, without: parameter.pointer });
    if (location === 'header') request.ownHeaders = [name];
    const caveatMissing = location === 'cookie' ? PRISM_IGNORES_COOKIES : explodedObject(planned.parameter.value, planned.value) ? PRISM_EXPLODED_OBJECT_MISSING : undefined;
    negative(`${location}.${name} missing`, `${location} ${name}: required`, request, status, { fieldErrorKey: name, violationAt: ['request', location, name] }, caveatMissing);
  }
  // Credential cases want a refusal (401, 403); the others any client error.
  const noRefusal = [...skipped].filter((rule) => rule === 'credentials');
  const noClientError = [...skipped].filter((rule) => rule !== 'credentials');
  if (noRefusal.length > 0 && anyClientError) {
    cases.push(preflightCase(api, op, 'negative no-refusal', 'skipped', `${op.operationId} documents no 401 or 403 (nor a 4XX or default that holds them): no negative case for credentials`, `${op.pointer}/responses`));
  } else noClientError.unshift(...noRefusal);
  if (noClientError.length > 0) {
    cases.push(preflightCase(api, op, 'negative no-client-error', 'skipped', `${op.operationId} documents no client-error status: no negative case for ${noClientError.join(', ')}`, `${op.pointer}/responses`));
  }
  return cases;
}

/**
 * The object `body` with every member left out that it stays valid without (one at a time, in
 * order): the smallest body the document accepts (`{}` for an optional audit note), which a server
 * that requires a field the document leaves optional refuses. Undefined when nothing can go.
 */
function withoutOptionalMembers(body: unknown, isValid: (value: unknown) => boolean): Record<string, unknown> | undefined {
  if (!isObject(body)) return undefined;
  let smallest: Record<string, unknown> = { ...body };
  for (const name of Object.keys(body)) {
    const { [name]: _left, ...rest } = smallest;
    if (isValid(rest)) smallest = rest;
  }
  return Object.keys(smallest).length < Object.keys(body).length ? smallest : undefined;
}

/** A case decided before sending: skipped (cannot be tested) or failed (a defect of the document under `rule`). */
export function preflightCase(api: LoadedApi, op: Operation, idSuffix: string, outcome: 'skipped' | 'failed', reason: string, pointer: string, rule?: RuleId): TestCase {
  return makeCase(api.name, op, {
    idSuffix,
    kind: 'positive',
    title: outcome === 'skipped' ? 'operation not tested' : 'document defect',
    request: { method: op.method.toUpperCase(), pathTemplate: op.path, pathParams: {}, query: {}, headers: {}, auth: { kind: 'none' } },
    expect: { statuses: [] },
    preflight: { outcome, reason, pointer, ...(rule ? { rule } : {}) },
  });
}

/** The cases of one operation; for a foreign document, what cannot be derived becomes one preflight case. */
function operationCases(api: LoadedApi, op: Operation): TestCase[] {
  const issue = api.issues?.get(op.pointer);
  if (issue) {
    return [issue.kind === 'error'
      ? preflightCase(api, op, 'schema-compile', 'failed', issue.reason, issue.pointer, 'schema-compile')
      : preflightCase(api, op, 'untestable', 'skipped', issue.reason, issue.pointer)];
  }
  if (api.mode !== 'foreign') {
    const plan = planOperation(api, op);
    return [...positiveCases(api, op, plan), ...negativeCases(api, op, plan)];
  }
  let plan: OperationPlan;
  try {
    plan = planOperation(api, op);
  } catch (error) {
    return [preflightCase(api, op, 'untestable', 'skipped', (error as Error).message, error instanceof OperationSkip ? error.pointer : op.pointer)];
  }
  const defects = plan.defects.map((d) => preflightCase(api, op, `document-example ${d.where}`, 'failed', d.message, d.pointer, 'document-example'));
  let positives: TestCase[];
  try {
    positives = positiveCases(api, op, plan);
  } catch (error) {
    return [...defects, preflightCase(api, op, 'untestable', 'skipped', (error as Error).message, error instanceof OperationSkip ? error.pointer : op.pointer)];
  }
  let negatives: TestCase[];
  try {
    negatives = negativeCases(api, op, plan);
  } catch (error) {
    negatives = [preflightCase(api, op, 'negative untestable', 'skipped', `no negative cases: ${(error as Error).message}`, error instanceof OperationSkip ? error.pointer : op.pointer)];
  }
  return [...defects, ...positives, ...negatives];
}

/**
 * A parameter list holding two parameters of one name and location (OpenAPI: it MUST NOT; a
 * header's name in any letter case is one header): one failed case per repetition, at the later one.
 * Path-level parameters an operation overrides are merged away by `parameters()` and never seen here.
 */
function repeatedParameters(api: LoadedApi, op: Operation): TestCase[] {
  const firstAt = new Map<string, string>();
  const cases: TestCase[] = [];
  for (const p of op.parameters()) {
    const location = String(p.value.in);
    const name = location === 'header' ? String(p.value.name).toLowerCase() : String(p.value.name);
    const key = `${location}\u0000${name}`;
    const first = firstAt.get(key);
    if (first === undefined) {
      firstAt.set(key, p.pointer);
      continue;
    }
    const reason = `${location} parameter '${name}' is declared twice (${first} and ${p.pointer}): a parameter list must not repeat a name and location, and which of the two a server reads is anyone's guess`;
    cases.push(preflightCase(api, op, `document-parameter ${location}.${name}`, 'failed', reason, p.pointer, 'document-parameter'));
  }
  return cases;
}

/**
 * A header or cookie parameter whose name is not a token (RFC 9110 §5.1, RFC 6265 §4.1.1): no
 * request can carry it, so it is a defect of the document, one failed case at the parameter. An
 * optional one is left out of every request; a required one leaves the operation untested.
 */
function unsendableParameters(api: LoadedApi, op: Operation): TestCase[] {
  return op.parameters().flatMap((p) => {
    const location = String(p.value.in);
    const name = String(p.value.name);
    if (sendableParameterName(location, name)) return [];
    const reason = `${location} parameter ${JSON.stringify(name)} is not a valid ${parameterNameKind(location)}: a token, no spaces, separators or control characters, so no request can carry it`;
    return [preflightCase(api, op, `document-parameter ${location}.${name}`, 'failed', reason, p.pointer, 'document-parameter')];
  });
}

/** Every target-neutral case of one API, in document order. Throws SuiteSetupError when one of this project's documents cannot be tested. */
export function deriveCases(api: LoadedApi): TestCase[] {
  const firstWithId = new Map<string, Operation>();
  return api.operations.flatMap((op) => {
    const first = firstWithId.get(op.operationId);
    if (!first) firstWithId.set(op.operationId, op);
    const cases = [...(api.mode === 'foreign' ? [...repeatedParameters(api, op), ...unsendableParameters(api, op)] : []), ...operationCases(api, op)];
    if (!first || api.mode !== 'foreign' || typeof op.raw.operationId !== 'string') return cases;
    // OpenAPI: an operationId MUST be unique. Both are still tested; the later one names the defect.
    const reason = `operationId '${op.operationId}' is also that of ${first.method.toUpperCase()} ${first.path} (${first.pointer}): an operationId must be unique in the document, and the cases, reports and --grep of both now name one operation`;
    return [preflightCase(api, op, 'document-operation-id', 'failed', reason, childPointer(op.pointer, 'operationId'), 'document-operation-id'), ...cases];
  });
}

/** Throws SuiteSetupError when two cases share an id. */
export function assertUniqueIds(cases: readonly TestCase[]): void {
  const seen = new Set<string>();
  for (const c of cases) {
    if (seen.has(c.id)) throw new SuiteSetupError(`two cases derived with the same id '${c.id}'`);
    seen.add(c.id);
  }
}

/** The cases with every repeated id given a distinct suffix (` #2`, ` #3`…), in order: two rules breaking the same keyword stay two cases. */
export function uniqueIds(cases: readonly TestCase[]): TestCase[] {
  const seen = new Map<string, number>();
  const taken = new Set(cases.map((c) => c.id));
  return cases.map((c) => {
    const n = (seen.get(c.id) ?? 0) + 1;
    seen.set(c.id, n);
    if (n === 1) return c;
    let k = n;
    while (taken.has(`${c.id} #${k}`)) k++;
    taken.add(`${c.id} #${k}`);
    return { ...c, id: `${c.id} #${k}` };
  });
}
