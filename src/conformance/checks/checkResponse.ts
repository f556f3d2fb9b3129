/**
 * Checks one response against the document and the case's expectation. Every response gets the
 * contract checks (documented status, content type, body schema, required headers); the case adds
 * its own (expected status, field named in fieldErrors, example body, Prism's violation report).
 */
import { isDeepStrictEqual } from 'node:util';
import { isObject } from '../../openapi/jsonPointer.js';
import type { Operation } from '../../openapi/operations.js';
import type { SchemaValidator } from '../../openapi/schemaValidator.js';
import type { CheckFailure, Expectation, ObservedResponse, TargetInfo } from '../model.js';
import { documentedStatusKey, statusMatches } from './matchStatus.js';

export interface CheckInput {
  operation: Operation;
  validator: SchemaValidator;
  expect: Expectation;
  target: TargetInfo['kind'];
  response: ObservedResponse;
}

const mediaType = (value: string | undefined) => value?.split(';')[0]?.trim().toLowerCase() ?? '';

/** A header's string value as the type its schema declares (`'30'` → 30 for an integer header). */
function coerceHeader(value: string, schema: unknown): unknown {
  const type = isObject(schema) ? schema.type : undefined;
  if ((type === 'integer' || type === 'number') && /^-?\d+(\.\d+)?$/.test(value.trim())) return Number(value);
  if (type === 'boolean' && /^(true|false)$/.test(value)) return value === 'true';
  return value;
}

function checkStatus(input: CheckInput, failures: CheckFailure[]): string | undefined {
  const { operation, response, expect, target } = input;
  const key = documentedStatusKey(operation.statuses(), response.status);
  if (!key) {
    failures.push({
      rule: 'status-documented',
      message: `status ${response.status} is not documented for ${operation.operationId}`,
      expected: operation.statuses().join(', '),
      actual: String(response.status),
    });
  }
  const wanted = target === 'mock' && expect.mockStatuses?.length ? expect.mockStatuses : expect.statuses;
  if (wanted.length > 0 && !statusMatches(wanted, response.status)) {
    failures.push({ rule: 'status-expected', message: `expected status ${wanted.join(' or ')}, got ${response.status}`, expected: wanted.join(' or '), actual: String(response.status) });
  }
  return key;
}

function checkBody(input: CheckInput, key: string, failures: CheckFailure[]): unknown {
  const { operation, response, validator } = input;
  const content = operation.response(key)?.value.content;
  if (!isObject(content) || Object.keys(content).length === 0) return undefined;
  const actualType = mediaType(response.headers['content-type']);
  const documented = Object.keys(content).map((t) => t.toLowerCase());
  if (!documented.includes(actualType)) {
    failures.push({ rule: 'content-type', message: `content type '${actualType || '(none)'}' is not documented for ${response.status}`, expected: documented.join(', '), actual: actualType || '(none)' });
    return undefined;
  }
  if (!/json/.test(actualType)) return undefined;
  let body: unknown;
  try {
    body = JSON.parse(response.bodyText);
  } catch {
    failures.push({ rule: 'body-json', message: 'the body is not valid JSON', actual: response.bodyText.slice(0, 200) });
    return undefined;
  }
  const schemaPointer = operation.schemaPointer(key, Object.keys(content).find((t) => t.toLowerCase() === actualType));
  if (schemaPointer) {
    for (const error of validator.validate(schemaPointer, body)) {
      failures.push({
        rule: 'body-schema',
        message: `body${error.instancePath || ''} ${error.message}${error.keyword === 'enum' ? ` (${JSON.stringify(error.params.allowedValues)})` : ''}${error.keyword === 'additionalProperties' ? ` ('${String(error.params.additionalProperty)}')` : ''}`,
        instancePath: error.instancePath || '/',
        expected: `a body valid against ${schemaPointer}`,
      });
    }
  }
  return body;
}

function checkHeaders(input: CheckInput, key: string, failures: CheckFailure[]): void {
  const { operation, response, validator } = input;
  for (const [name, header] of Object.entries(operation.responseHeaders(key))) {
    const value = response.headers[name.toLowerCase()];
    if (value === undefined) {
      if (header.value.required === true) failures.push({ rule: 'header-required', message: `required header '${name}' is missing from the ${response.status}`, expected: name });
      continue;
    }
    if (header.value.schema === undefined) continue;
    for (const error of validator.validate(`${header.pointer}/schema`, coerceHeader(value, header.value.schema))) {
      failures.push({ rule: 'header-schema', message: `header '${name}: ${value}' ${error.message}`, actual: value });
    }
  }
}

function checkExpectations(input: CheckInput, body: unknown, failures: CheckFailure[]): void {
  const { expect, target, response } = input;
  if (expect.fieldErrorKey && target === 'live' && isObject(body)) {
    const details = isObject(body.error) && isObject(body.error.details) ? body.error.details : undefined;
    const fieldErrors = details?.fieldErrors;
    if (isObject(fieldErrors) && !Object.hasOwn(fieldErrors, expect.fieldErrorKey)) {
      failures.push({ rule: 'field-errors', message: `details.fieldErrors does not name '${expect.fieldErrorKey}'`, expected: expect.fieldErrorKey, actual: Object.keys(fieldErrors).join(', ') || '(empty)' });
    }
  }
  if (target === 'mock' && expect.exampleBody !== undefined && body !== undefined && !isDeepStrictEqual(body, expect.exampleBody)) {
    failures.push({ rule: 'example-body', message: 'the mock did not answer the documented example', expected: JSON.stringify(expect.exampleBody).slice(0, 200), actual: response.bodyText.slice(0, 200) });
  }
  if (target === 'mock' && expect.mockViolationLocation) {
    const wanted = expect.mockViolationLocation.map((t) => t.toLowerCase());
    let reported: { location?: string[] }[] = [];
    try {
      reported = JSON.parse(response.headers['sl-violations'] ?? '[]') as { location?: string[] }[];
    } catch {
      reported = [];
    }
    const matches = reported.some(({ location = [] }) => {
      const got = location.map((t) => String(t).toLowerCase());
      const n = Math.min(got.length, wanted.length);
      return got.slice(0, n).join('/') === wanted.slice(0, n).join('/');
    });
    if (!matches) {
      failures.push({
        rule: 'mock-violation',
        message: 'Prism did not report the violation this case makes: the case may not break the rule it names',
        expected: wanted.join('.'),
        actual: reported.map((r) => (r.location ?? []).join('.')).join(', ') || '(no violation reported)',
      });
    }
  }
}

/** All failures of one response; `[]` when it honours the contract and the expectation. */
export function checkResponse(input: CheckInput): CheckFailure[] {
  const failures: CheckFailure[] = [];
  const key = checkStatus(input, failures);
  const body = key ? checkBody(input, key, failures) : undefined;
  if (key) checkHeaders(input, key, failures);
  checkExpectations(input, body, failures);
  return failures;
}
