// Each response check, shown passing on a good response and failing on one that breaks its rule.
import { beforeAll, describe, expect, it } from 'vitest';
import { checkResponse, type CheckInput } from '../../src/conformance/checks/checkResponse.js';
import type { ObservedResponse } from '../../src/conformance/model.js';
import type { Operation } from '../../src/openapi/operations.js';
import { openContract, type Contract } from '../support/contract.js';

let layers: Contract;
let revoke: Operation;
beforeAll(async () => {
  layers = await openContract('layers');
  revoke = layers.operation('delete', '/v1/social-accounts/{socialAccountId}');
});

const revoked = { socialAccountId: 'sa_9c1e42a0-b7f3-4e5d-a2c1-8b4f5e6c7d8e', status: 'disconnected', disconnectedReason: 'revoked_by_partner', canceledScheduledPosts: 4, disconnectedAt: '2026-04-18T19:15:02Z' };
const json = (status: number, body: unknown, headers: Record<string, string> = {}): ObservedResponse => ({ status, headers: { 'content-type': 'application/json', ...headers }, bodyText: JSON.stringify(body) });
const check = (response: ObservedResponse, extra: Partial<CheckInput> = {}) =>
  checkResponse({ operation: revoke, validator: layers.validator, expect: { statuses: [] }, target: 'live', response, ...extra }).map((f) => f.rule);
const rateLimited = { error: { code: 'RATE_LIMITED', message: 'x', requestId: 'req_1' } };

describe('checkResponse', () => {
  it('passes a response that honours the contract', () => {
    expect(check(json(200, revoked))).toEqual([]);
    expect(check(json(429, rateLimited, { 'retry-after': '30' }))).toEqual([]);
  });
  it('status-documented', () => expect(check(json(418, {}))).toEqual(['status-documented']));
  it('status-expected', () => expect(check(json(200, revoked), { expect: { statuses: ['404'] } })).toEqual(['status-expected']));
  it('content-type', () => expect(check({ status: 200, headers: { 'content-type': 'text/html' }, bodyText: '<p>' })).toEqual(['content-type']));
  it('body-json', () => expect(check({ status: 200, headers: { 'content-type': 'application/json' }, bodyText: '{"a":' })).toEqual(['body-json']));
  it('body-schema, with the instance path', () => {
    const failures = checkResponse({ operation: revoke, validator: layers.validator, expect: { statuses: [] }, target: 'live', response: json(200, { ...revoked, canceledScheduledPosts: -1 }) });
    expect(failures).toMatchObject([{ rule: 'body-schema', instancePath: '/canceledScheduledPosts' }]);
  });
  it('body-schema: a 404 must carry NOT_FOUND', () => expect(check(json(404, { error: { code: 'INTERNAL', message: 'x', requestId: 'req_1' } }))).toContain('body-schema'));
  it('header-required', () => expect(check(json(429, rateLimited))).toEqual(['header-required']));
  it('header-schema', () => expect(check(json(429, rateLimited, { 'retry-after': 'soon' }))).toEqual(['header-schema']));
  it('field-errors (live): the key named must be the offending field', () => {
    const validation = { error: { code: 'VALIDATION', message: 'x', requestId: 'req_1', details: { fieldErrors: { other: ['bad'] } } } };
    expect(check(json(400, validation), { expect: { statuses: ['400'], fieldErrorKey: 'socialAccountId' } })).toEqual(['field-errors']);
    expect(check(json(400, validation), { expect: { statuses: ['400'], fieldErrorKey: 'other' } })).toEqual([]);
  });
  it('example-body (mock): the mock must answer the documented example', () => {
    expect(check(json(200, revoked), { target: 'mock', expect: { statuses: ['200'], exampleBody: { ...revoked, canceledScheduledPosts: 0 } } })).toEqual(['example-body']);
    expect(check(json(200, revoked), { target: 'mock', expect: { statuses: ['200'], exampleBody: revoked } })).toEqual([]);
  });
  it('mock-violation (mock): Prism must report the violation where the case made it', () => {
    const invalid = json(400, { error: { code: 'VALIDATION', message: 'x', requestId: 'req_1', details: { fieldErrors: { socialAccountId: ['bad'] } } } });
    const expectPath = { statuses: ['400'], mockViolationLocation: ['request', 'path', 'socialAccountId'] };
    expect(check(invalid, { target: 'mock', expect: expectPath })).toEqual(['mock-violation']);
    const reported = { ...invalid, headers: { ...invalid.headers, 'sl-violations': JSON.stringify([{ location: ['request', 'path', 'socialaccountid'] }]) } };
    expect(check(reported, { target: 'mock', expect: expectPath })).toEqual([]);
  });
  it('mockStatuses apply only against a mock', () => {
    const expectation = { statuses: ['400'], mockStatuses: ['422'] };
    const body = { error: { code: 'VALIDATION', message: 'x', requestId: 'req_1', details: { fieldErrors: { a: ['b'] } } } };
    expect(check(json(400, body), { expect: expectation })).toEqual([]);
    expect(check(json(400, body), { target: 'mock', expect: expectation })).toEqual(['status-expected']);
  });
});
