// Duplicate member names in a JSON body, found in one pass over the text (JSON.parse keeps the last silently).
import { describe, expect, it } from 'vitest';
import { duplicateKeys } from '../../../src/sandbox/http/duplicateKeys.js';

describe('duplicateKeys', () => {
  it.each([
    ['{"name":"a","name":"b"}', [{ field: 'name', key: 'name' }]],
    ['{"id":"x","bulk":["a"],"id":"y"}', [{ field: 'id', key: 'id' }]],
    ['{"a":1,"\\u0061":2}', [{ field: 'a', key: 'a' }]],
    ['{"bulk":[{"k":1,"k":2}]}', [{ field: 'bulk', key: 'k' }]],
    ['{"o":{"p":{"q":1,"q":2}}}', [{ field: 'o', key: 'q' }]],
    ['[{"k":1,"k":2}]', [{ field: 'body', key: 'k' }]],
    ['{"__proto__":1,"__proto__":2}', [{ field: '__proto__', key: '__proto__' }]],
  ])('%s: %j', (text, expected) => {
    expect(duplicateKeys(text)).toEqual(expected);
  });

  it.each([
    '{"name":"a","Name":"b"}',
    '{"a":{"x":1},"b":{"x":1}}',
    '[{"x":1},{"x":2}]',
    '{"s":"\\"a\\":1,\\"a\\":2","t":"{\\"a\\":1}"}',
    '{"a":"{\\"k\\":1,\\"k\\":2}"}',
    '["550e8400-e29b-41d4-a716-446655440000","550e8400-e29b-41d4-a716-446655440000"]',
    '"just a string"',
    '{}',
  ])('%s: none', (text) => {
    expect(duplicateKeys(text)).toEqual([]);
  });

  it('a body nested 100,000 deep is read without overflowing the stack', () => {
    const text = `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`;
    expect(duplicateKeys(text)).toEqual([]);
    expect(duplicateKeys(`{"x":${'['.repeat(100_000)}${']'.repeat(100_000)},"x":1}`)).toEqual([{ field: 'x', key: 'x' }]);
  });

  it('reports at most `max`', () => {
    const text = `{${Array.from({ length: 500 }, () => '"k":1').join(',')}}`;
    expect(duplicateKeys(text, 10)).toHaveLength(10);
  });
});
