import { describe, expect, it } from 'vitest';
import { clientErrorStatusKey, documentedStatusKey, preferCodeFor, statusMatches } from '../../src/openapi/statusKeys.js';

describe('status keys', () => {
  it('prefers the exact code, then the range, then default', () => {
    const keys = ['200', '4XX', '404', 'default'];
    expect(documentedStatusKey(keys, 404)).toBe('404');
    expect(documentedStatusKey(keys, 409)).toBe('4XX');
    expect(documentedStatusKey(keys, 500)).toBe('default');
    expect(documentedStatusKey(['2xx'], 204)).toBe('2xx');
    expect(documentedStatusKey(['200'], 500)).toBeUndefined();
  });

  it('never counts default as an expected status', () => {
    expect(statusMatches(['2XX', 'default'], 201)).toBe(true);
    expect(statusMatches(['200', 'default'], 500)).toBe(false);
  });

  it('keeps today\'s rules for the client-error status: 422 then 400 for bodies, 400 then 422 for parameters', () => {
    expect(clientErrorStatusKey(['400', '422'], 'body')).toBe('422');
    expect(clientErrorStatusKey(['400', '422'], 'parameter')).toBe('400');
  });

  it('falls back to another validation 4xx, then 4XX, then default, else nothing', () => {
    expect(clientErrorStatusKey(['401', '415', '4XX'])).toBe('415');
    expect(clientErrorStatusKey(['401', '404', '4XX', 'default'])).toBe('4XX');
    expect(clientErrorStatusKey(['200', 'default'])).toBe('default');
    expect(clientErrorStatusKey(['200', '401'])).toBeUndefined();
  });

  it('asks a mock for a concrete code, never for default', () => {
    expect(preferCodeFor('404', ['404'])).toBe(404);
    expect(preferCodeFor('4XX', ['4XX'])).toBe(400);
    expect(preferCodeFor('4XX', ['400', '401', '4XX'])).toBe(402);
    expect(preferCodeFor('default', ['default'])).toBeUndefined();
  });
});
