import { describe, expect, it } from 'vitest';
import { chooseAccept, isJsonMediaType, matchMediaType } from '../../src/openapi/mediaTypes.js';

describe('media types', () => {
  it('recognises JSON: application/json and any +json, with parameters and in any case', () => {
    for (const t of ['application/json', 'Application/JSON; charset=utf-8', 'application/problem+json', 'application/vnd.api+json;v=2']) {
      expect(isJsonMediaType(t), t).toBe(true);
    }
    for (const t of ['text/plain', 'application/jsonl', 'application/x-ndjson', 'image/png', '*/*']) expect(isJsonMediaType(t), t).toBe(false);
  });

  it('chooses Accept: the first JSON type, else the first documented one, else */*', () => {
    expect(chooseAccept(['text/csv', 'application/problem+json', 'application/json'])).toBe('application/problem+json');
    expect(chooseAccept(['image/png', 'image/jpeg'])).toBe('image/png');
    expect(chooseAccept([])).toBe('*/*');
  });

  it('matches a Content-Type to the most specific documented key', () => {
    const keys = ['*/*', 'image/*', 'image/png', 'application/json'];
    expect(matchMediaType(keys, 'image/png')).toBe('image/png');
    expect(matchMediaType(keys, 'image/webp')).toBe('image/*');
    expect(matchMediaType(keys, 'text/csv')).toBe('*/*');
    expect(matchMediaType(keys, 'application/json; charset=utf-8')).toBe('application/json');
    expect(matchMediaType(['application/json'], 'text/html')).toBeUndefined();
    expect(matchMediaType(['application/json'], undefined)).toBeUndefined();
    expect(matchMediaType(['*/*'], undefined)).toBe('*/*');
  });
});
