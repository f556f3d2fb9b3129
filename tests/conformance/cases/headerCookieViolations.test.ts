// Negative cases of header and cookie parameters: each constraint of their schema broken once, like
// path and query ones, never a parameter that carries a credential or one the suite sets itself,
// and never a value HTTP would not carry as written.
import { describe, expect, it } from 'vitest';
import { deriveCases } from '../../../src/conformance/cases/deriveCases.js';
import { mockTarget } from '../../../src/conformance/targets/mock/mockTarget.js';
import { foreignApi, ok } from './foreignDocument.js';

const invalid = { '400': { description: 'invalid', content: { 'application/json': { schema: { type: 'object' } } } } };

const parameters = [
  { name: 'X-Format', in: 'header', required: true, schema: { type: 'string', enum: ['plain', 'markdown'] }, example: 'plain' },
  { name: 'X-Trace', in: 'header', schema: { type: 'string', pattern: '^t-[0-9]+$', maxLength: 12 }, example: 't-1' },
  { name: 'X-Page', in: 'header', schema: { type: 'integer', maximum: 9 }, example: 2 },
  { name: 'X-Api-Key', in: 'header', required: true, schema: { type: 'string', minLength: 30 }, example: 'k'.repeat(30) },
  { name: 'Authorization', in: 'header', schema: { type: 'string', pattern: '^Bearer ' }, example: 'Bearer a' },
  { name: 'theme', in: 'cookie', schema: { type: 'string', enum: ['dark', 'light'] }, example: 'dark' },
  { name: 'sid', in: 'cookie', required: true, schema: { type: 'string', pattern: '^s[0-9]+$' }, example: 's1' },
];

async function cases() {
  const api = await foreignApi({
    components: { securitySchemes: { key: { type: 'apiKey', in: 'header', name: 'X-Api-Key' }, session: { type: 'apiKey', in: 'cookie', name: 'sid' } } },
    security: [{ key: [], session: [] }],
    paths: { '/items': { get: { parameters, responses: { ...ok, ...invalid } } } },
  });
  return deriveCases(api).filter((c) => c.kind === 'negative');
}

describe('header and cookie parameters', () => {
  it('have each constraint broken once, expecting the validation status and naming where', async () => {
    const broken = (await cases()).filter((c) => /^(header|cookie) /.test(c.brokenRule ?? '') && !c.brokenRule?.endsWith(': required'));
    expect(broken.map((c) => c.brokenRule)).toEqual([
      'header X-Format: enum (plain|markdown)',
      'header X-Format: enum (plain|markdown) in another letter case',
      'header X-Trace: maxLength 12',
      'header X-Trace: pattern ^t-[0-9]+$',
      'header X-Trace: pattern ^t-[0-9]+$ in another letter case',
      'header X-Page: type integer→string',
      'header X-Page: maximum 9',
      'header X-Page: integer',
      'cookie theme: enum (dark|light)',
      'cookie theme: enum (dark|light) in another letter case',
    ]);
    const format = broken[0]!;
    expect(format.request.headers['X-Format']).toBe('not_in_enum');
    expect(format.expect).toMatchObject({ statuses: ['400'], violationAt: ['request', 'header', 'X-Format'], fieldErrorKey: 'X-Format' });
    expect(format.request.ownHeaders).toEqual(['X-Format']);
    const theme = broken.find((c) => c.brokenRule?.startsWith('cookie theme'))!;
    expect(theme.request.cookies).toMatchObject({ theme: 'not_in_enum' });
    expect(theme.mockCaveat).toBe('Prism does not validate cookie parameters');
  });

  it('never break nor leave out a header or cookie that carries a credential (the credentials would put it back), nor Authorization', async () => {
    const rules = (await cases()).map((c) => c.brokenRule ?? '');
    expect(rules.filter((r) => /X-Api-Key|Authorization|cookie sid/.test(r))).toEqual([]);
    expect(rules).toEqual(expect.arrayContaining(['header X-Format: required']));
  });

  it('never send an empty value, nor one with whitespace around it (read as absent, or trimmed)', async () => {
    const values = (await cases()).filter((c) => c.brokenRule?.startsWith('header ') && !c.brokenRule.endsWith(': required')).map((c) => Object.entries(c.request.headers).find(([k]) => c.brokenRule?.startsWith(`header ${k}:`))?.[1]);
    expect(values.length).toBeGreaterThan(0);
    for (const value of values) expect(value).toMatch(/^\S(.*\S)?$/);
  });
});

describe('an http-date header parameter', () => {
  it('is broken by text that is no IMF-fixdate, skipped against Prism, which does not know the format', async () => {
    const api = await foreignApi({
      paths: { '/x': { get: { parameters: [{ name: 'If-Modified-Since', in: 'header', schema: { type: 'string', format: 'http-date' }, example: 'Sun, 06 Nov 1994 08:49:37 GMT' }], responses: { ...ok, '400': { description: 'bad' } } } } },
    });
    const formatCase = deriveCases(api).find((c) => c.brokenRule === 'header If-Modified-Since: format http-date');
    expect(formatCase?.request.headers['If-Modified-Since']).toBe('not valid');
    expect(formatCase && mockTarget.skipReason(formatCase)).toBe('Prism does not check format http-date (a format it does not know)');
  });
});

describe('header parameters the HTTP client writes itself', () => {
  it('sends no Content-Length or Transfer-Encoding from the document and breaks none (Vercel documents Content-Length as a required header)', async () => {
    const framing = [
      { name: 'Content-Length', in: 'header', required: true, schema: { type: 'number' }, example: 12 },
      { name: 'Transfer-Encoding', in: 'header', schema: { type: 'string', enum: ['chunked'] } },
    ];
    const api = await foreignApi({ paths: { '/files': { put: { parameters: framing, requestBody: { required: true, content: { 'application/json': { schema: { type: 'object' } } } }, responses: { ...ok, ...invalid } } } } });
    const all = deriveCases(api);
    expect(all.filter((c) => c.kind === 'negative' && /content-length|transfer-encoding/i.test(c.brokenRule ?? '')).map((c) => c.id)).toEqual([]);
    const valid = all.find((c) => c.kind === 'positive' && !c.preflight)!;
    expect(Object.keys(valid.request.headers).map((h) => h.toLowerCase())).not.toContain('content-length');
  });
});
