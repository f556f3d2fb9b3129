/**
 * Derives the suite's target-neutral cases from one loaded API, never from a hand-written list:
 * - positive: a valid request per named request example and per security alternative;
 * - negative: the same valid request with exactly one constraint broken (credentials, required
 *   body, each schema constraint of the body and of path and query parameters, malformed JSON).
 * Cases only one kind of target can run (documented responses from a mock) come from its adapter.
 */
import type { LoadedApi } from '../../core/loadApi.js';
import { securityAlternatives } from '../../core/securitySchemes.js';
import { bodyValidationStatus, parameterValidationStatus, successStatuses } from '../../core/statusMatch.js';
import type { Operation } from '../../openapi/operations.js';
import { SuiteSetupError } from '../failClosed.js';
import type { RequestSpec, TestCase } from '../model.js';
import { buildValidRequest, parameterExample } from './buildValidRequest.js';
import { makeCase } from './caseFactory.js';
import { deriveSchemaViolations } from './deriveSchemaViolations.js';
import { requestBodies } from './requestBodies.js';

function positiveCases(api: LoadedApi, op: Operation): TestCase[] {
  const cases: TestCase[] = [];
  const schemes = securityAlternatives(op);
  for (const scheme of schemes.length > 0 ? schemes : [undefined]) {
    for (const [name, body] of requestBodies(op)) {
      const how = [name ? `body '${name}'` : op.requestBody() ? 'no body' : undefined, scheme && schemes.length > 1 ? `auth ${scheme}` : undefined].filter(Boolean).join(', ');
      cases.push(
        makeCase(api.name, op, {
          idSuffix: `valid${name ? ` ${name}` : op.requestBody() ? ' no-body' : ''}${scheme && schemes.length > 1 ? ` ${scheme}` : ''}`,
          kind: 'positive',
          title: `valid request${how ? ` (${how})` : ''}`,
          request: buildValidRequest(api.doc, op, { body, ...(scheme ? { scheme } : {}) }),
          expect: { statuses: successStatuses(op.statuses()) },
        }),
      );
    }
  }
  return cases;
}

function negative(api: LoadedApi, op: Operation, idSuffix: string, brokenRule: string, request: RequestSpec, expected: string | undefined, extra: Partial<TestCase['expect']> = {}): TestCase {
  if (!expected) throw new SuiteSetupError(`${op.operationId} declares no client-error status for '${brokenRule}' (${op.pointer}/responses)`);
  return makeCase(api.name, op, {
    idSuffix: `negative ${idSuffix}`,
    kind: 'negative',
    title: `rejects ${brokenRule}`,
    brokenRule,
    request,
    expect: { statuses: [expected], ...extra },
  });
}

function negativeCases(api: LoadedApi, op: Operation): TestCase[] {
  const cases: TestCase[] = [];
  const [, exampleBody] = requestBodies(op).find(([, body]) => body !== undefined) ?? [undefined, undefined];
  const valid = () => buildValidRequest(api.doc, op, { body: exampleBody });

  // Credentials.
  if (securityAlternatives(op).length > 0) {
    cases.push(negative(api, op, 'auth missing', 'credentials: missing', { ...valid(), auth: { kind: 'none' } }, '401'));
    cases.push(negative(api, op, 'auth malformed', 'credentials: malformed Authorization header', { ...valid(), auth: { kind: 'malformed', header: 'Authorization', value: 'Basic bm90LWEta2V5' } }, '401'));
  }

  // Body.
  const body = op.requestBody();
  const bodySchema = op.schemaPointer('request');
  if (body && bodySchema) {
    const status = bodyValidationStatus(op.statuses());
    if (body.value.required === true) {
      const { body: _omitted, ...noBody } = valid();
      cases.push(negative(api, op, 'body missing', 'body: required', noBody, status, { violationAt: ['request'] }));
    }
    cases.push(negative(api, op, 'body malformed-json', 'body: malformed JSON', { ...valid(), body: { raw: '{"unterminated": ', contentType: 'application/json' } }, status));
    if (exampleBody !== undefined) {
      // JSON `null` as an optional body reads as "no body" to servers (and to Prism): not a violation.
      const ambiguous = (v: { instancePath: string; value: unknown }) => body.value.required !== true && v.instancePath === '' && v.value === null;
      for (const v of deriveSchemaViolations(api.validator, api.doc, bodySchema, exampleBody).filter((v) => !ambiguous(v))) {
        const where = `body${v.instancePath.replaceAll('/', '.')}`;
        cases.push(
          negative(api, op, `${where} ${v.keyword}`, `${where}: ${v.rule}`, { ...valid(), body: { json: v.value } }, status, {
            ...(v.field ? { fieldErrorKey: v.field } : {}),
            violationAt: ['request', 'body', ...v.instancePath.split('/').filter(Boolean)],
          }),
        );
      }
    }
  }

  // Path and query parameters.
  for (const parameter of op.parameters()) {
    const { name, in: location } = parameter.value as { name: string; in: string };
    if (location !== 'path' && location !== 'query') continue;
    const example = parameterExample(api.doc, parameter);
    if (example === undefined || parameter.value.schema === undefined) continue;
    const status = parameterValidationStatus(op.statuses());
    const violations = deriveSchemaViolations(api.validator, api.doc, `${parameter.pointer}/schema`, String(example), { wire: 'parameter' });
    // An empty query value (`?cursor=`) reads as an absent parameter to many servers (and to Prism):
    // a case built on it would not break one rule for certain, so it is left out.
    for (const v of violations.filter((v) => !(location === 'query' && String(v.value) === ''))) {
      const request = valid();
      if (location === 'path') request.pathParams[name] = String(v.value);
      else request.query[name] = String(v.value);
      cases.push(negative(api, op, `${location}.${name} ${v.keyword}`, `${location} ${name}: ${v.rule}`, request, status, { fieldErrorKey: name, violationAt: ['request', location, name] }));
    }
  }
  return cases;
}

/** Every target-neutral case of one API, in document order. Throws SuiteSetupError when the document cannot be tested. */
export function deriveCases(api: LoadedApi): TestCase[] {
  return api.operations.flatMap((op) => [...positiveCases(api, op), ...negativeCases(api, op)]);
}

/** Throws SuiteSetupError when two cases share an id. */
export function assertUniqueIds(cases: readonly TestCase[]): void {
  const seen = new Set<string>();
  for (const c of cases) {
    if (seen.has(c.id)) throw new SuiteSetupError(`two cases derived with the same id '${c.id}'`);
    seen.add(c.id);
  }
}
