// randexp builds strings from a document's patterns: a hostile pattern cannot make it build a huge one.
import { describe, expect, it } from 'vitest';
import { patternStrings } from '../../../src/conformance/cases/repairSample.js';

describe('patternStrings', () => {
  it('builds strings that match an ordinary pattern', () => {
    const strings = patternStrings('^[a-z]{3}-[0-9]+$');
    expect(strings.length).toBeGreaterThan(0);
    for (const s of strings) expect(s).toMatch(/^[a-z]{3}-[0-9]+$/);
  });

  it.each([['^((a{1000}){1000}){1000}$'], ['^(((x{100}){100}){100}){100}$'], ['^(a|b{100000}){100000}$']])('%s: builds none, since its strings could run past the size the suite builds', (pattern) => {
    expect(patternStrings(pattern)).toEqual([]);
  });

  it('still builds a long string within the bound', () => {
    expect(patternStrings('^a{1000}$')).toEqual(['a'.repeat(1000)]);
  });
});
