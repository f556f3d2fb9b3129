// `language` is "a BCP 47 locale tag": the schema accepts every well-formed RFC 5646 tag and
// rejects strings that are no tag, checked with the tag lists of RFC 5646 (Appendix A and more).
import { beforeAll, describe, expect, it } from 'vitest';
import { openContract, type Contract } from '../support/contract.js';
import { appendixA, grandfathered, malformed, wellFormed, wellFormedButInvalid } from '../fixtures/rfc5646.js';

const LANGUAGE_TAG = '#/components/schemas/LanguageTag';
let contract: Contract;
let patchBody: string | undefined;
beforeAll(async () => {
  contract = await openContract('layers');
  patchBody = contract.operation('patch', '/v1/influencers/{influencerId}').schemaPointer('request');
});

const rejectedOf = (tags: readonly string[]) => tags.filter((tag) => !contract.accepts(LANGUAGE_TAG, tag));
const acceptedOf = (tags: readonly string[]) => tags.filter((tag) => contract.accepts(LANGUAGE_TAG, tag));

describe('LanguageTag (RFC 5646)', () => {
  it('accepts every example of Appendix A', () => {
    expect(appendixA.length).toBeGreaterThan(30);
    expect(rejectedOf(appendixA)).toEqual([]);
  });

  it('accepts every grandfathered tag, irregular and regular, in any letter case', () => {
    expect(grandfathered).toHaveLength(26);
    expect(rejectedOf(grandfathered)).toEqual([]);
    expect(rejectedOf(grandfathered.map((t) => t.toUpperCase()))).toEqual([]);
    expect(rejectedOf(grandfathered.map((t) => t.toLowerCase()))).toEqual([]);
  });

  it('accepts the other well-formed shapes: case variants, three extlangs, numeric regions, digit-led variants, extensions, private use', () => {
    expect(rejectedOf(wellFormed)).toEqual([]);
  });

  it('accepts a tag that is well-formed but not valid (a repeated singleton): validity needs the subtag registry', () => {
    expect(rejectedOf(wellFormedButInvalid)).toEqual([]);
  });

  it("rejects Appendix A's malformed tags and strings that are no tag (english, en_US, e, en--US …)", () => {
    for (const tag of ['de-419-DE', 'a-DE', 'english', 'en_US', 'e', 'en--US']) expect(malformed).toContain(tag);
    expect(acceptedOf(malformed)).toEqual([]);
  });

  it('is what the PATCH body checks for language', () => {
    for (const language of ['es-MX', 'zh-Hant-TW', 'i-klingon', 'x-whatever']) expect(contract.accepts(patchBody, { language }), language).toBe(true);
    for (const language of ['english', 'en_US', 'de-419-DE']) expect(contract.accepts(patchBody, { language }), language).toBe(false);
  });

  it('is one regular expression that compiles with the u flag', () => {
    const schema = (contract.doc.components?.schemas as Record<string, { pattern?: string }>).LanguageTag;
    expect(typeof schema?.pattern).toBe('string');
    const re = new RegExp(schema?.pattern as string, 'u');
    expect(re.test('zh-Hans-CN') && !re.test('english')).toBe(true);
  });
});
