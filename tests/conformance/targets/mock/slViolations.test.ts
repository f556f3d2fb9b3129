import { describe, expect, it } from 'vitest';
import { parseSlViolations } from '../../../../src/conformance/targets/mock/slViolations.js';

describe('parseSlViolations', () => {
  it('reads the JSON array', () => {
    expect(parseSlViolations(JSON.stringify([{ location: ['request', 'body', 'a'], message: 'm' }]))).toEqual([{ location: ['request', 'body', 'a'], message: 'm' }]);
  });
  it('reads the "Too many violations!" form, keeping every complete entry of a cut array', () => {
    const full = JSON.stringify([{ location: ['request', 'query', 'q'] }, { location: ['request', 'body'], message: 'with "quotes" and } braces' }, { location: ['x'], message: 'cut off here' }]);
    expect(parseSlViolations(`Too many violations! ${full}`).map((v) => v.location.join('.'))).toEqual(['request.query.q', 'request.body', 'x']);
    expect(parseSlViolations(`Too many violations! ${full.slice(0, -15)}`).map((v) => v.location.join('.'))).toEqual(['request.query.q', 'request.body']);
  });
  it('gives nothing for no header or no array', () => {
    expect(parseSlViolations(undefined)).toEqual([]);
    expect(parseSlViolations('nothing here')).toEqual([]);
  });
});
