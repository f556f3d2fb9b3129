import { describe, expect, it } from 'vitest';
import { checkResponse } from '../../../src/conformance/checks/checkResponse.js';
import { ok, operation, response, rules, validator } from './inlineDocument.js';

describe('body-schema', () => {
  it('passes a body valid against its schema', () => expect(rules(response(200, ok))).toEqual([]));
  it('fails an invalid one, naming the instance path', () => {
    const failures = checkResponse({ operation, validator, expect: { statuses: [] }, target: 'live', response: response(200, { ...ok, count: -1 }) });
    expect(failures).toMatchObject([{ rule: 'body-schema', instancePath: '/count' }]);
  });
  it('keeps the value the body holds at the failing spot, as received', () => {
    const failures = checkResponse({ operation, validator, expect: { statuses: [] }, target: 'live', response: response(200, { ...ok, count: -1 }) });
    expect(failures.map((f) => f.instanceValue)).toEqual([-1]);
  });
  it('validates the range’s own media type and schema', () => {
    expect(rules({ status: 409, headers: { 'content-type': 'application/problem+json' }, bodyText: '{}' })).toEqual(['body-schema']);
  });
});
