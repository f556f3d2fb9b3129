/**
 * The smallest document the check tests need, inline so that a contract edit elsewhere never
 * breaks a check's test: one operation with a JSON 200, a 400 naming invalid fields, a 429 with
 * a required integer header, and a `4XX` range.
 */
import { checkResponse, type CheckInput } from '../../../src/conformance/checks/checkResponse.js';
import type { ObservedResponse, RuleId } from '../../../src/conformance/model.js';
import { toOpenApiDocument } from '../../../src/openapi/loadDocument.js';
import { listOperations } from '../../../src/openapi/operations.js';
import { createSchemaValidator } from '../../../src/openapi/schemaValidator.js';

const json = (schema: unknown) => ({ 'application/json': { schema } });

export const doc = toOpenApiDocument(
  {
    openapi: '3.1.0',
    info: { title: 'inline', version: '1' },
    paths: {
      '/things/{id}': {
        get: {
          operationId: 'getThing',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: {
            '200': { description: 'ok', content: json({ type: 'object', required: ['id', 'count'], properties: { id: { type: 'string' }, count: { type: 'integer', minimum: 0 } } }) },
            '400': { description: 'invalid', content: json({ type: 'object', properties: { error: { type: 'object' } } }) },
            '429': {
              description: 'slow down',
              headers: { 'Retry-After': { required: true, schema: { type: 'integer', minimum: 0 } } },
              content: json({ type: 'object' }),
            },
            '4XX': { description: 'other client errors', content: { 'application/problem+json': { schema: { type: 'object', required: ['title'], properties: { title: { type: 'string' } } } } } },
          },
        },
      },
    },
  },
  'inline document',
);

export const operation = listOperations(doc)[0]!;
export const validator = createSchemaValidator(doc);

export const response = (status: number, body: unknown, headers: Record<string, string> = {}): ObservedResponse => ({
  status,
  headers: { 'content-type': 'application/json', ...headers },
  bodyText: typeof body === 'string' ? body : JSON.stringify(body),
});

/** The rule ids of every failure `checkResponse` finds. */
export const rules = (observed: ObservedResponse, extra: Partial<CheckInput> = {}): RuleId[] =>
  checkResponse({ operation, validator, expect: { statuses: [] }, target: 'live', response: observed, ...extra }).map((f) => f.rule);

export const ok = { id: 't1', count: 3 };
