// The mock target adapter's own checks, on the inline document of the check tests.
import { describe, expect, it } from 'vitest';
import { mockTarget } from '../../../../src/conformance/targets/mock/mockTarget.js';
import { ok, response, rules } from '../../checks/inlineDocument.js';

const asMock = { target: 'mock' as const, extraChecks: mockTarget.checks };

describe('example-body', () => {
  it('passes the documented example it asked for', () => {
    expect(rules(response(200, ok), { ...asMock, expect: { statuses: ['200'], documented: { status: '200', exampleName: 'ok', example: ok } } })).toEqual([]);
  });
  it('fails another body', () => {
    expect(rules(response(200, { ...ok, count: 4 }), { ...asMock, expect: { statuses: ['200'], documented: { status: '200', exampleName: 'ok', example: ok } } })).toEqual(['example-body']);
  });
});

describe('mock-violation', () => {
  const expectation = { statuses: ['400'], violationAt: ['request', 'path', 'id'] };
  it('fails when Prism reports no violation where the case made it', () => {
    expect(rules(response(400, {}), { ...asMock, expect: expectation })).toEqual(['mock-violation']);
    expect(rules(response(400, {}, { 'sl-violations': JSON.stringify([{ location: ['request', 'query', 'x'], message: 'm' }]) }), { ...asMock, expect: expectation })).toEqual(['mock-violation']);
  });
  it('passes when it does, in either form of the header', () => {
    expect(rules(response(400, {}, { 'sl-violations': JSON.stringify([{ location: ['request', 'path', 'ID'], message: 'm' }]) }), { ...asMock, expect: expectation })).toEqual([]);
    const long = `Too many violations! ${JSON.stringify([{ location: ['request', 'path', 'id'], message: 'm' }, { location: ['request', 'body'], message: 'a message long enough to be cut' }]).slice(0, -20)}`;
    expect(rules(response(400, {}, { 'sl-violations': long }), { ...asMock, expect: expectation })).toEqual([]);
  });
});
