// Response headers declared with `content` (a media type and its schema) instead of `schema`,
// and `format: http-date` headers: both are validated. A JSON header is parsed, then checked
// against its media type's schema; an http-date must be an IMF-fixdate, the one form a sender
// may generate (RFC 9110 §5.6.7).
import { describe, expect, it } from 'vitest';
import { checkResponse } from '../../../src/conformance/checks/checkResponse.js';
import { toOpenApiDocument } from '../../../src/openapi/loadDocument.js';
import { listOperations } from '../../../src/openapi/operations.js';
import { createSchemaValidator } from '../../../src/openapi/schemaValidator.js';

const doc = toOpenApiDocument(
  {
    openapi: '3.1.0',
    info: { title: 'inline', version: '1' },
    paths: {
      '/x': {
        get: {
          operationId: 'getX',
          responses: {
            '200': {
              description: 'ok',
              headers: {
                'X-Quota': { content: { 'application/json': { schema: { type: 'object', required: ['left'], properties: { left: { type: 'integer', minimum: 0 } } } } } },
                'X-Note': { content: { 'text/plain': { schema: { type: 'string', maxLength: 5 } } } },
                'Last-Modified': { schema: { type: 'string', format: 'http-date' } },
              },
            },
          },
        },
      },
    },
  },
  'inline document',
);
const operation = listOperations(doc)[0]!;
const validator = createSchemaValidator(doc);
const failures = (headers: Record<string, string>) =>
  checkResponse({ operation, doc, validator, expect: { statuses: [] }, target: 'live', response: { status: 200, headers, bodyText: '' } }).map((f) => `${f.rule}: ${f.message}`);

describe('header-schema for content headers and http-date', () => {
  it('passes valid values', () => {
    expect(failures({ 'x-quota': '{"left":3}', 'x-note': 'hi', 'last-modified': 'Sun, 06 Nov 1994 08:49:37 GMT' })).toEqual([]);
  });

  it('fails a JSON header that breaks its schema or is not JSON', () => {
    expect(failures({ 'x-quota': '{"left":-1}' })).toEqual([expect.stringMatching(/^header-schema: header 'X-Quota: \{"left":-1\}' .*left must be >= 0/)]);
    expect(failures({ 'x-quota': 'left=3' })).toEqual([expect.stringMatching(/^header-schema: header 'X-Quota: left=3' is not JSON \(application\/json, as its content declares\)/)]);
  });

  it('fails a text header that breaks its schema', () => {
    expect(failures({ 'x-note': 'too long' })).toEqual([expect.stringMatching(/^header-schema: header 'X-Note: too long' must NOT have more than 5 characters/)]);
  });

  it('fails an http-date that is not an IMF-fixdate', () => {
    for (const bad of ['Sunday, 06-Nov-94 08:49:37 GMT', 'Sun Nov  6 08:49:37 1994', '1994-11-06T08:49:37Z', 'Sun, 31 Nov 1994 08:49:37 GMT', 'Sun, 06 Nov 1994 08:49:37 UTC']) {
      expect(failures({ 'last-modified': bad }), bad).toEqual([expect.stringMatching(/^header-schema: header 'Last-Modified: .*' must match format "http-date"/)]);
    }
  });
});
