/**
 * Derives the suite's cases from one bundled document, never from a hand-written list:
 * - documented responses: every status and named example of every operation (mock only, through
 *   Prism's `Prefer` header);
 * - positive: a valid request per named request example and per security alternative;
 * - negative: the same valid request with exactly one constraint broken (credentials, required
 *   body, each schema constraint of the body and of path and query parameters, malformed JSON).
 */
import type { OpenApiDocument } from '../../openapi/loadDocument.js';
import { listOperations, type Operation } from '../../openapi/operations.js';
import type { SchemaValidator } from '../../openapi/schemaValidator.js';
import { SuiteSetupError } from '../failClosed.js';
import type { ApiName, RequestSpec, TestCase } from '../model.js';
import { buildValidRequest, parameterExample, securityAlternatives } from './buildValidRequest.js';
import { deriveSchemaViolations } from './deriveSchemaViolations.js';
import { bodyValidationStatus, mockValidationStatuses, parameterValidationStatus, successStatuses } from './expectedStatuses.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

interface Context {
  api: ApiName;
  doc: OpenApiDocument;
  validator: SchemaValidator;
}

function makeCase(ctx: Context, op: Operation, fields: Omit<TestCase, 'api' | 'operationId' | 'method' | 'pathTemplate' | 'writes' | 'id'> & { idSuffix: string }): TestCase {
  const { idSuffix, ...rest } = fields;
  return {
    id: `${ctx.api} ${op.operationId} ${idSuffix}`,
    api: ctx.api,
    operationId: op.operationId,
    method: op.method.toUpperCase(),
    pathTemplate: op.path,
    writes: !SAFE_METHODS.has(op.method.toUpperCase()),
    ...rest,
  };
}

/** The named request examples of an operation (name → value), or one unnamed "no body" entry. */
function requestBodies(op: Operation): [string | undefined, unknown][] {
  const body = op.requestBody();
  if (!body) return [[undefined, undefined]];
  const examples = Object.entries(op.namedExamples('request'));
  if (examples.length === 0) {
    throw new SuiteSetupError(`cannot build a valid request for ${op.operationId}: its request body (${body.pointer}) has no named example`);
  }
  return body.value.required === true ? examples : [[undefined, undefined], ...examples];
}

function documentedResponseCases(ctx: Context, op: Operation): TestCase[] {
  const [, firstBody] = requestBodies(op)[0] ?? [];
  const cases: TestCase[] = [];
  for (const status of op.statuses()) {
    const examples = Object.entries(op.namedExamples(status));
    const variants: [string | undefined, unknown][] = examples.length > 0 ? examples : [[undefined, undefined]];
    for (const [name, example] of variants) {
      const request = buildValidRequest(ctx.doc, op, { body: firstBody });
      request.headers.Prefer = name ? `code=${status}, example=${name}` : `code=${status}`;
      cases.push(
        makeCase(ctx, op, {
          idSuffix: `documented ${status}${name ? ` ${name}` : ''}`,
          kind: 'documented-response',
          title: `documented ${status}${name ? ` (example '${name}')` : ''}`,
          request,
          expect: { statuses: [status], ...(name ? { exampleBody: example } : {}) },
          only: 'mock',
        }),
      );
    }
  }
  return cases;
}

function positiveCases(ctx: Context, op: Operation): TestCase[] {
  const cases: TestCase[] = [];
  const schemes = securityAlternatives(op);
  for (const scheme of schemes.length > 0 ? schemes : [undefined]) {
    for (const [name, body] of requestBodies(op)) {
      const request = buildValidRequest(ctx.doc, op, { body, ...(scheme ? { scheme } : {}) });
      const how = [name ? `body '${name}'` : op.requestBody() ? 'no body' : undefined, scheme && schemes.length > 1 ? `auth ${scheme}` : undefined].filter(Boolean).join(', ');
      cases.push(
        makeCase(ctx, op, {
          idSuffix: `valid${name ? ` ${name}` : op.requestBody() ? ' no-body' : ''}${scheme && schemes.length > 1 ? ` ${scheme}` : ''}`,
          kind: 'positive',
          title: `valid request${how ? ` (${how})` : ''}`,
          request,
          // Against a mock a valid request must succeed. A live target without provider states
          // may not hold the example's resource, so any documented status is accepted there and
          // the response is still checked in full.
          expect: { statuses: successStatuses(op) },
          only: 'mock',
        }),
        makeCase(ctx, op, {
          idSuffix: `valid-live${name ? ` ${name}` : op.requestBody() ? ' no-body' : ''}${scheme && schemes.length > 1 ? ` ${scheme}` : ''}`,
          kind: 'positive',
          title: `valid request${how ? ` (${how})` : ''}, any documented status`,
          request,
          expect: { statuses: [] },
          only: 'live',
        }),
      );
    }
  }
  return cases;
}

function negative(ctx: Context, op: Operation, idSuffix: string, brokenRule: string, request: RequestSpec, expected: string | undefined, extra: Partial<TestCase['expect']> = {}, skipOn?: TestCase['skipOn']): TestCase {
  if (!expected) throw new SuiteSetupError(`${op.operationId} declares no client-error status for '${brokenRule}' (${op.pointer}/responses)`);
  return makeCase(ctx, op, {
    idSuffix: `negative ${idSuffix}`,
    kind: 'negative',
    title: `rejects ${brokenRule}`,
    brokenRule,
    request,
    expect: { statuses: [expected], ...extra },
    ...(skipOn ? { skipOn } : {}),
  });
}

function negativeCases(ctx: Context, op: Operation): TestCase[] {
  const cases: TestCase[] = [];
  const [, exampleBody] = requestBodies(op).find(([, body]) => body !== undefined) ?? [undefined, undefined];
  const valid = () => buildValidRequest(ctx.doc, op, { body: exampleBody });
  const mockStatuses = mockValidationStatuses(op);

  // Credentials.
  if (securityAlternatives(op).length > 0) {
    cases.push(negative(ctx, op, 'auth missing', 'credentials: missing', { ...valid(), auth: { kind: 'none' } }, '401'));
    cases.push(negative(ctx, op, 'auth malformed', 'credentials: malformed Authorization header', { ...valid(), auth: { kind: 'malformed', header: 'Authorization', value: 'Basic bm90LWEta2V5' } }, '401'));
  }

  // Body.
  const body = op.requestBody();
  const bodySchema = op.schemaPointer('request');
  if (body && bodySchema) {
    const status = bodyValidationStatus(op);
    const mock = { mockStatuses };
    if (body.value.required === true) {
      const { body: _omitted, ...noBody } = valid();
      cases.push(negative(ctx, op, 'body missing', 'body: required', noBody, status, { ...mockExpect(mock, ['request']) }));
    }
    cases.push(
      negative(ctx, op, 'body malformed-json', 'body: malformed JSON', { ...valid(), body: { raw: '{"unterminated": ', contentType: 'application/json' } }, status, {}, {
        target: 'mock',
        reason: "Prism answers malformed JSON with its own 400 envelope, not the API's",
      }),
    );
    if (exampleBody !== undefined) {
      // JSON `null` as an optional body reads as "no body" to servers (and to Prism): not a violation.
      const ambiguous = (v: { instancePath: string; value: unknown }) => body.value.required !== true && v.instancePath === '' && v.value === null;
      for (const v of deriveSchemaViolations(ctx.validator, ctx.doc, bodySchema, exampleBody).filter((v) => !ambiguous(v))) {
        const where = `body${v.instancePath.replaceAll('/', '.')}`;
        cases.push(
          negative(ctx, op, `${where} ${v.keyword}`, `${where}: ${v.rule}`, { ...valid(), body: { json: v.value } }, status, {
            ...(v.field ? { fieldErrorKey: v.field } : {}),
            ...mockExpect(mock, ['request', 'body', ...v.instancePath.split('/').filter(Boolean)]),
          }),
        );
      }
    }
  }

  // Path and query parameters.
  for (const parameter of op.parameters()) {
    const { name, in: location } = parameter.value as { name: string; in: string };
    if (location !== 'path' && location !== 'query') continue;
    const example = parameterExample(ctx.doc, parameter);
    if (example === undefined || parameter.value.schema === undefined) continue;
    const status = parameterValidationStatus(op);
    const violations = deriveSchemaViolations(ctx.validator, ctx.doc, `${parameter.pointer}/schema`, String(example), { wire: 'parameter' });
    // An empty query value (`?cursor=`) reads as an absent parameter to many servers (and to Prism):
    // a case built on it would not break one rule for certain, so it is left out.
    for (const v of violations.filter((v) => !(location === 'query' && String(v.value) === ''))) {
      const request = valid();
      if (location === 'path') request.pathParams[name] = String(v.value);
      else request.query[name] = String(v.value);
      cases.push(
        negative(ctx, op, `${location}.${name} ${v.keyword}`, `${location} ${name}: ${v.rule}`, request, status, {
          fieldErrorKey: name,
          ...mockExpect({ mockStatuses }, ['request', location, name]),
        }),
      );
    }
  }
  return cases;
}

/** Against Prism any invalid request answers its first 422/400, so accept those, and ask that it saw the violation where we broke the rule. */
function mockExpect(mock: { mockStatuses: string[] }, location: string[]): Partial<TestCase['expect']> {
  return { mockStatuses: mock.mockStatuses, mockViolationLocation: location };
}

/** Every case of one API, in document order. Throws SuiteSetupError when the document cannot be tested. */
export function deriveCases(api: ApiName, doc: OpenApiDocument, validator: SchemaValidator): TestCase[] {
  const ctx: Context = { api, doc, validator };
  const cases = listOperations(doc).flatMap((op) => [...documentedResponseCases(ctx, op), ...positiveCases(ctx, op), ...negativeCases(ctx, op)]);
  const seen = new Set<string>();
  for (const c of cases) {
    if (seen.has(c.id)) throw new SuiteSetupError(`two cases derived with the same id '${c.id}'`);
    seen.add(c.id);
  }
  return cases;
}
