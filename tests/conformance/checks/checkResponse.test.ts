import { describe, expect, it } from 'vitest';
import type { Check } from '../../../src/conformance/checks/check.js';
import { checkResponse } from '../../../src/conformance/checks/checkResponse.js';
import { ok, operation, response, validator } from './inlineDocument.js';

const throwing: Check = { id: 'field-errors', description: 'throws', appliesTo: () => true, run: () => { throw new RangeError('Maximum call stack size exceeded'); } };

describe('checkResponse', () => {
  it('a check that cannot run on an answer fails it under its own rule, saying why, and the other checks still run', () => {
    const failures = checkResponse({ operation, validator, expect: { statuses: [] }, target: 'live', response: response(200, { ...ok, count: -1 }), extraChecks: [throwing] });
    expect(failures.map((f) => f.rule)).toEqual(['body-schema', 'field-errors']);
    expect(failures[1]?.message).toBe('field-errors could not check this answer: Maximum call stack size exceeded');
  });
});
