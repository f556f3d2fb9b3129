import { describe, expect, it } from 'vitest';
import { makeCase } from '../../../../src/conformance/cases/caseFactory.js';
import type { RequestSpec } from '../../../../src/conformance/model.js';
import { liveTarget } from '../../../../src/conformance/targets/live/liveTarget.js';
import { mockTarget } from '../../../../src/conformance/targets/mock/mockTarget.js';
import { toOpenApiDocument } from '../../../../src/openapi/loadDocument.js';
import { listOperations } from '../../../../src/openapi/operations.js';

const doc = toOpenApiDocument(
  {
    openapi: '3.1.0',
    info: { title: 'inline', version: '1' },
    paths: { '/x': { post: { operationId: 'postX', responses: { '201': { description: 'made' }, '400': { description: 'bad' }, '422': { description: 'invalid' } } } } },
  },
  'inline',
);
const op = listOperations(doc)[0]!;
const request: RequestSpec = { method: 'POST', pathTemplate: '/x', pathParams: {}, query: {}, headers: {}, auth: { kind: 'none' } };

describe('the mock target adapter', () => {
  it('asks Prism for a documented response with Prefer', () => {
    const c = makeCase('inline', op, { idSuffix: 'documented 201 made', kind: 'documented-response', title: 't', request, expect: { statuses: ['201'], documented: { status: '201', exampleName: 'made' } } });
    expect(mockTarget.request(c).headers.Prefer).toBe('code=201, example=made');
    expect(liveTarget.request(c).headers.Prefer).toBeUndefined();
  });
  it('accepts the 400 or 422 Prism answers for any invalid request, where the case knows where it broke a rule', () => {
    const c = makeCase('inline', op, { idSuffix: 'negative', kind: 'negative', title: 't', request, expect: { statuses: ['422'], violationAt: ['request', 'body'] } });
    expect(mockTarget.expectedStatuses(c)).toEqual(['400', '422']);
    expect(liveTarget.expectedStatuses(c)).toEqual(['422']);
  });
  it("expects the documented 415, which Prism answers, for a body under a media type the operation does not take (Vonage's createApplication: 400 expected, 415 got)", () => {
    const takes415 = listOperations(toOpenApiDocument({
      openapi: '3.1.0',
      info: { title: 'inline', version: '1' },
      paths: { '/x': { post: { operationId: 'postX', requestBody: { content: { 'application/json': { schema: { type: 'object' } } } }, responses: { '201': { description: 'made' }, '400': { description: 'bad' }, '415': { description: 'unsupported' } } } } },
    }, 'inline'))[0]!;
    const plain = makeCase('inline', takes415, { idSuffix: 'negative body content-type', kind: 'negative', title: 't', request: { ...request, body: { json: {}, contentType: 'text/plain' } }, expect: { statuses: ['415'], violationAt: ['request'] } });
    expect(mockTarget.expectedStatuses(plain)).toEqual(['415']);
    const schema = makeCase('inline', takes415, { idSuffix: 'negative body type', kind: 'negative', title: 't', request: { ...request, body: { json: [] } }, expect: { statuses: ['400'], violationAt: ['request', 'body'] } });
    expect(mockTarget.expectedStatuses(schema)).toEqual(['400']);
  });
  it('skips malformed JSON, which Prism answers in its own envelope', () => {
    const c = makeCase('inline', op, { idSuffix: 'malformed', kind: 'negative', title: 't', request: { ...request, body: { raw: '{', contentType: 'application/json' } }, expect: { statuses: ['422'] } });
    expect(mockTarget.skipReason(c)).toMatch(/malformed JSON/);
    expect(liveTarget.skipReason(c)).toBeUndefined();
  });
  it('skips a body past the 10 MiB Prism reads (it answers 413 of its own: SendGrid\'s 30,001 contacts), not one below it', () => {
    const items = (n: number) => Array.from({ length: n }, () => 'x'.repeat(1000));
    const big = makeCase('inline', op, { idSuffix: 'big', kind: 'negative', title: 't', request: { ...request, body: { json: { contacts: items(11_000) } } }, expect: { statuses: ['422'] } });
    expect(mockTarget.skipReason(big)).toMatch(/^Prism reads a request body of at most 10 MiB \(it answers a 413 of its own past it\); this one has 10\.5 MiB/);
    expect(liveTarget.skipReason(big)).toBeUndefined();
    const small = makeCase('inline', op, { idSuffix: 'small', kind: 'negative', title: 't', request: { ...request, body: { json: { contacts: items(10_000) } } }, expect: { statuses: ['422'] } });
    expect(mockTarget.skipReason(small)).toBeUndefined();
  });
  it('a live target accepts any documented status but a 5xx for a valid request (its resource may be absent)', () => {
    const c = makeCase('inline', op, { idSuffix: 'valid', kind: 'positive', title: 't', request, expect: { statuses: ['201'] } });
    expect(liveTarget.expectedStatuses(c)).toEqual(['2XX', '3XX', '4XX']);
    expect(mockTarget.expectedStatuses(c)).toEqual(['201']);
  });
});
