// An answer that cannot carry content (to a HEAD, or a 204/304) has no body to check, whatever
// content the document lists for it; its Content-Type is checked only when it names one.
import { describe, expect, it } from 'vitest';
import { checkResponse } from '../../../src/conformance/checks/checkResponse.js';
import type { ObservedResponse, RuleId } from '../../../src/conformance/model.js';
import { toOpenApiDocument } from '../../../src/openapi/loadDocument.js';
import { listOperations } from '../../../src/openapi/operations.js';
import { createSchemaValidator } from '../../../src/openapi/schemaValidator.js';

const content = { 'application/json': { schema: { type: 'object', required: ['a'] } } };
const doc = toOpenApiDocument(
  {
    openapi: '3.1.0',
    info: { title: 'inline', version: '1' },
    paths: { '/x': { head: { operationId: 'headX', responses: { '200': { description: 'ok', content } } }, get: { operationId: 'getX', responses: { '200': { description: 'ok', content }, '204': { description: 'none', content } } } } },
  },
  'inline',
);
const [head, get] = ['headX', 'getX'].map((id) => listOperations(doc).find((op) => op.operationId === id)!);
const validator = createSchemaValidator(doc);
const rules = (operation: typeof head, response: ObservedResponse): RuleId[] => checkResponse({ operation: operation!, doc, validator, expect: { statuses: [] }, target: 'live', response }).map((f) => f.rule);

describe('answers without content', () => {
  it('a HEAD 200 without Content-Type or body passes; one naming an undocumented type fails', () => {
    expect(rules(head, { status: 200, headers: {}, bodyText: '' })).toEqual([]);
    expect(rules(head, { status: 200, headers: { 'content-type': 'application/json' }, bodyText: '' })).toEqual([]);
    expect(rules(head, { status: 200, headers: { 'content-type': 'text/html' }, bodyText: '' })).toEqual(['content-type']);
  });
  it('a 204 with an empty body passes; a GET 200 with one still fails', () => {
    expect(rules(get, { status: 204, headers: { 'content-type': 'application/json' }, bodyText: '' })).toEqual([]);
    expect(rules(get, { status: 200, headers: { 'content-type': 'application/json' }, bodyText: '' })).toEqual(['body-json']);
  });
});

describe('no-content-framing', () => {
  it('passes a 204 without Content-Length, or with Content-Length: 0', () => {
    expect(rules(get, { status: 204, headers: {}, bodyText: '' })).toEqual([]);
    expect(rules(get, { status: 204, headers: { 'content-length': '0' }, bodyText: '' })).toEqual([]);
  });
  it('fails a 204 that announces content the client then drops, by length or by chunks', () => {
    expect(rules(get, { status: 204, headers: { 'content-length': '5' }, bodyText: '' })).toEqual(['no-content-framing']);
    expect(rules(get, { status: 204, headers: { 'transfer-encoding': 'chunked' }, bodyText: '' })).toEqual(['no-content-framing']);
  });
  it("says when the document itself gives the 204 content (the server may only have sent what the document shows)", () => {
    const failures = checkResponse({ operation: get!, doc, validator, expect: { statuses: [] }, target: 'live', response: { status: 204, headers: { 'content-length': '5' }, bodyText: '' } });
    expect(failures.map((f) => f.message)).toEqual(["the 204 answer announces content ('Content-Length: 5'), which a 204 cannot carry; the document itself gives this 204 content (#/paths/~1x/get/responses/204/content): a defect of the document"]);
  });
  it('leaves a HEAD answer alone: its Content-Length is the one a GET would have', () => {
    expect(rules(head, { status: 200, headers: { 'content-length': '5' }, bodyText: '' })).toEqual([]);
  });
});
