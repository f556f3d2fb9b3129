import { describe, expect, it } from 'vitest';
import { listOperations } from '../../src/openapi/operations.js';
import type { OpenApiDocument } from '../../src/openapi/loadDocument.js';

// OpenAPI 3.0.3 §4.7.8 and 3.1 §4.8.8: the Paths Object's fields are the paths, each starting
// with "/", and it may be extended with `x-` fields, whose values are anything.
const withExtensions: OpenApiDocument = {
  openapi: '3.1.0',
  info: { title: 't', version: '1' },
  paths: {
    'x-null': null,
    'x-number': 1,
    'x-looks-like-a-path-item': { get: { responses: { default: { description: 'not an operation' } } } },
    '/things': {
      'x-note': 'extension of a path item',
      get: {
        operationId: 'listThings',
        responses: { '200': { description: 'ok' }, 'x-response-note': { whatever: true } },
      },
    },
  },
};

describe('listOperations', () => {
  it('lists the operations of the paths only, not of the `x-` extensions of the Paths Object', () => {
    const ops = listOperations(withExtensions);
    expect(ops.map((o) => `${o.method} ${o.path}`)).toEqual(['get /things']);
  });

  it('reads the statuses of a Responses Object without its `x-` extensions', () => {
    const [op] = listOperations(withExtensions);
    expect(op!.statuses()).toEqual(['200']);
  });
});
