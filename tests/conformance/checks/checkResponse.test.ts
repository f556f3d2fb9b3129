import { describe, expect, it, vi } from 'vitest';
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

  it('parses an answer\'s body once, however many checks read it (a 10 MB answer was parsed twice per case)', () => {
    const parse = vi.spyOn(JSON, 'parse');
    try {
      const observed = response(200, { ...ok, note: 'plain' });
      checkResponse({ operation, validator, expect: { statuses: ['200'] }, target: 'live', response: observed });
      expect(parse.mock.calls.filter(([text]) => text === observed.bodyText)).toHaveLength(1);
    } finally {
      parse.mockRestore();
    }
  });
});
