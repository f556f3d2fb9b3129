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

// OpenAPI 3.0.3 §4.7.12.1 and 3.1 §4.8.12.1: a header parameter named Accept, Content-Type or
// Authorization SHALL be ignored (the media types and security schemes say those); §4.7.17.1 /
// §4.8.17.1: a response header named Content-Type likewise.
const withReservedHeaders: OpenApiDocument = {
  openapi: '3.1.0',
  info: { title: 't', version: '1' },
  paths: {
    '/chats': {
      parameters: [{ name: 'accept', in: 'header', required: true, schema: { type: 'string', default: 'application/vnd.example+json;version=2' } }],
      get: {
        parameters: [
          { name: 'Content-Type', in: 'header', schema: { type: 'string' } },
          { name: 'AUTHORIZATION', in: 'header', required: true, schema: { type: 'string' } },
          { name: 'Authorization', in: 'query', schema: { type: 'string' } },
          { name: 'X-Trace', in: 'header', schema: { type: 'string' } },
        ],
        responses: { '200': { description: 'ok', headers: { 'content-type': { schema: { type: 'string', enum: ['application/json'] } }, 'X-Rate': { schema: { type: 'integer' } } } } },
      },
    },
  },
};

describe('reserved header names', () => {
  it('ignores header parameters named Accept, Content-Type or Authorization, in any letter case, and keeps the rest', () => {
    const [op] = listOperations(withReservedHeaders);
    expect(op!.parameters().map((p) => `${String(p.value.in)} ${String(p.value.name)}`)).toEqual(['query Authorization', 'header X-Trace']);
    expect(op!.parameter('accept', 'header')).toBeUndefined();
  });

  it('ignores a response header named Content-Type', () => {
    const [op] = listOperations(withReservedHeaders);
    expect(Object.keys(op!.responseHeaders('200'))).toEqual(['X-Rate']);
  });
});
