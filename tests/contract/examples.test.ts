import { describe, expect, it } from 'vitest';
import { collectExamples } from '../../src/openapi/collectExamples.js';
import { validateExamples } from '../../src/openapi/validateExamples.js';
import { openContract } from '../support/contract.js';

describe.each(['layers', 'ayrshare', 'hoko'] as const)('every example of the %s document', (api) => {
  it('validates against its schema (ajv 2020-12, strict, formats)', async () => {
    const { doc } = await openContract(api);
    const problems = validateExamples(doc);
    expect(problems.map((p) => `${p.pointer}: ${p.message}`)).toEqual([]);
  });

  it('is found: request and response bodies, parameters, headers and schemas all carry examples', async () => {
    const { doc } = await openContract(api);
    const places = collectExamples(doc).flatMap((e) => e.usedAt);
    expect(places.some((p) => p.includes('/requestBody/'))).toBe(true);
    expect(places.some((p) => /\/responses\/2\d\d\/content\//.test(p))).toBe(true);
    expect(places.some((p) => /\/responses\/4\d\d\/content\//.test(p))).toBe(true);
    expect(places.some((p) => p.includes('/parameters/') || p.includes('/headers/'))).toBe(true);
  });
});
