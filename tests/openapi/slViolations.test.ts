import { describe, expect, it } from 'vitest';
import { parseSlViolations, prismOwnRejection } from '../../src/openapi/slViolations.js';

const one = { location: ['request', 'body', 'name'], severity: 'Error', code: 'required', message: "Request body must have required property 'name'" };
const two = { location: ['request', 'query', 'limit'], severity: 'Error', code: 'maximum', message: 'Request query parameter limit must be <= 100 {sic}' };

describe('parseSlViolations', () => {
  it('reads the plain JSON array', () => {
    expect(parseSlViolations(JSON.stringify([one, two]))).toEqual([one, two]);
  });

  it('reads the "Too many violations!" form', () => {
    expect(parseSlViolations(`Too many violations! ${JSON.stringify([one, two])}`)).toEqual([one, two]);
  });

  it('keeps the complete entries of a cut-off array, braces inside messages included', () => {
    const full = `Too many violations! ${JSON.stringify([two, one, two])}`;
    const cut = full.slice(0, full.lastIndexOf('{"location"') + 20);
    expect(parseSlViolations(cut)).toEqual([two, one]);
  });

  it('accepts Prism\'s path field and numeric severity', () => {
    expect(parseSlViolations(JSON.stringify([{ path: ['request', 'header'], code: 401, message: 'm', severity: 0 }])))
      .toEqual([{ location: ['request', 'header'], code: '401', message: 'm', severity: 'Error' }]);
  });

  it('gives [] for no header, an empty one, or one without an array', () => {
    expect(parseSlViolations(undefined)).toEqual([]);
    expect(parseSlViolations('')).toEqual([]);
    expect(parseSlViolations('Too many violations!')).toEqual([]);
  });
});

describe('prismOwnRejection', () => {
  const body = { type: 'https://stoplight.io/prism/errors#UNPROCESSABLE_ENTITY', title: 'Invalid request', status: 422, validation: [{ location: ['path', 'resource'], severity: 'Error', code: 'enum', message: 'must be one of a, b' }] };

  it("reads the violations of the 422 Prism makes up, located like the header's", () => {
    expect(prismOwnRejection(422, JSON.stringify(body))).toEqual([{ location: ['request', 'path', 'resource'], severity: 'Error', code: 'enum', message: 'must be one of a, b' }]);
  });

  it('is undefined for any other answer: another status, another problem type, no JSON', () => {
    expect(prismOwnRejection(400, JSON.stringify(body))).toBeUndefined();
    expect(prismOwnRejection(422, JSON.stringify({ ...body, type: 'about:blank' }))).toBeUndefined();
    expect(prismOwnRejection(422, '{')).toBeUndefined();
  });
});
