// Secrets never reach a report: redacted in every form a server may echo them, and never half-shown at a cut.
import { describe, expect, it } from 'vitest';
import { noRedaction, redactor } from '../../../src/conformance/run/redact.js';
import { swapLetterCase } from '../../../src/core/letterCase.js';

const KEY = `sk_live_&<>"'_SECRETSECRET`;
const redact = redactor([KEY, 'abc']);

describe('redactor', () => {
  it.each([
    ['as sent', `Bearer ${KEY}`],
    ['lower-cased (a Content-Type read back)', KEY.toLowerCase()],
    ['JSON-escaped', JSON.stringify({ echo: KEY })],
    ['URL-encoded', `?key=${encodeURIComponent(KEY)}`],
    ['HTML-escaped', KEY.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;')],
  ])('removes the key %s', (_, text) => {
    expect(redact(text)).toContain('[REDACTED]');
    expect(redact(text).toLowerCase()).not.toContain('secret');
  });

  it('ignores secrets shorter than 4 characters', () => {
    expect(redact('abc')).toBe('abc');
  });

  it('cuts after redacting: a key across the cut leaves no piece of it', () => {
    const text = `${'x'.repeat(195)}${KEY} and more`;
    const cut = redact.excerpt(text, 200);
    expect(cut).toBe(`${'x'.repeat(195)}[REDA…`);
    expect(cut).not.toContain('sk_l');
  });

  it('redacts a trailing start of a key (4+ characters) that the cut or the answer left', () => {
    expect(redact.excerpt(`${'x'.repeat(10)}${KEY.slice(0, 6)}`, 200)).toBe(`${'x'.repeat(10)}[REDACTED]`);
    expect(redact.excerpt(`${'x'.repeat(196)}${KEY.slice(0, 9)}yyy`, 200)).toBe(`${'x'.repeat(196)}[REDACTED]…`);
  });

  it('leaves text without a secret as it is, cut with an ellipsis', () => {
    expect(redact.excerpt('hello world', 5)).toBe('hello…');
    expect(redact.excerpt('hello', 200)).toBe('hello');
  });
});

/** Every way a text can spell a character that the redactor reads back (percent, \u, \x, HTML entities). */
function plain(text: string): string {
  return text
    .replace(/\\+u([0-9a-f]{4})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16)))
    .replace(/\\+x([0-9a-f]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16)))
    .replace(/%([0-9a-f]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16)))
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16)))
    .replace(/&#([0-9]+);/g, (_, d: string) => String.fromCharCode(Number(d)))
    .replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;|&apos;/g, "'")
    .replace(/\\+(["\\/])/g, '$1')
    .replace(/\p{Default_Ignorable_Code_Point}/gu, '');
}
const PIECES = Array.from({ length: KEY.length - 5 }, (_, i) => KEY.slice(i, i + 6).toLowerCase());
const leaks = (text: string) => PIECES.filter((p) => plain(text).toLowerCase().includes(p) || text.toLowerCase().includes(p) || [p, p.toUpperCase(), swapLetterCase(p)].some((v) => text.toLowerCase().includes(Buffer.from(v).toString('hex'))));
const hex2 = (c: string) => c.charCodeAt(0).toString(16).padStart(2, '0');
const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

describe('redactor: encoded forms', () => {
  it.each([
    ['every character percent-encoded', [...KEY].map((c) => `%${hex2(c).toUpperCase()}`).join('')],
    ['every character percent-encoded, lower-case hex', [...KEY].map((c) => `%${hex2(c)}`).join('')],
    ['every character JSON-escaped as \\u00xx', JSON.stringify({ echo: [...KEY].map((c) => `\\u00${hex2(c)}`).join('') })],
    ['JSON-escaped twice (a JSON text quoted in a JSON string)', JSON.stringify(JSON.stringify({ echo: KEY }))],
    ['mixed escapes', [...KEY].map((c, i) => (i % 3 === 0 ? `%${hex2(c)}` : i % 3 === 1 ? `\\u00${hex2(c)}` : c)).join('')],
    ['HTML numeric entities', [...KEY].map((c, i) => (i % 2 ? `&#${c.charCodeAt(0)};` : `&#x${hex2(c)};`)).join('')],
    ['base64', b64(KEY)],
    ['base64 in a Basic credential, user:key', `Basic ${b64(`user:${KEY}`)}`],
    ['base64 at offset 1', b64(`u${KEY}`)],
    ['base64 at offset 2', b64(`us${KEY}`)],
    ['base64url', b64(`u:${KEY}`).replaceAll('+', '-').replaceAll('/', '_')],
    ['as hex, lower-case', Buffer.from(KEY).toString('hex')],
    ['as hex, upper-case', `0x${Buffer.from(KEY).toString('hex').toUpperCase()}`],
    ['in swapped letter case (as the suite sends it to prove keys are compared exactly), as hex', Buffer.from(swapLetterCase(KEY)).toString('hex')],
    ['in swapped letter case, base64', b64(swapLetterCase(KEY))],
    ['in upper case, as hex', Buffer.from(KEY.toUpperCase()).toString('hex')],
    ['with a zero-width space between its characters', [...KEY].join('\u200b')],
    ['with soft hyphens, word joiners and zero-width joiners between its characters', [...KEY].map((c, i) => `${c}${['\u00ad', '\u2060', '\u200d'][i % 3]}`).join('')],
    ['with invisible tag characters and byte order marks between its characters', [...KEY].map((c, i) => `${c}${i % 2 ? '\u{e0041}' : '\ufeff'}`).join('')],
    ['with its characters \\u-escaped and zero-width spaces between them', [...KEY].map((c) => `\\u00${hex2(c)}\\u200b`).join('')],
  ])('removes the key %s', (_, text) => {
    expect(redact(text)).toContain('[REDACTED]');
    expect(leaks(redact(text))).toEqual([]);
  });

  it('removes a Basic credential given as the secret when it is echoed decoded, and its password alone', () => {
    const basic = redactor([`Basic ${b64('alice:0penSesame!')}`, b64('alice:0penSesame!')]);
    expect(basic('user alice:0penSesame! rejected')).not.toContain('0penSesame');
    expect(basic('password 0penSesame! rejected')).not.toContain('0penSesame');
    expect(basic('hello alice')).toBe('hello alice');
  });

  it.each([
    ['percent-encoded', [...KEY].map((c) => `%${hex2(c)}`).join('')],
    ['\\u-escaped', [...KEY].map((c) => `\\u00${hex2(c)}`).join('')],
    ['base64', b64(KEY)],
    ['hex', Buffer.from(KEY).toString('hex')],
    ['zero-width-spaced', [...KEY].join('\u200b')],
  ])('a %s key across the cut leaves no piece of it', (_, encoded) => {
    for (let pad = 150; pad < 200; pad += 7) {
      const cut = redact.excerpt(`${'x'.repeat(pad)}${encoded} and more`, 200);
      expect(leaks(cut), cut).toEqual([]);
      for (let i = 0; i + 8 <= encoded.length; i++) expect(cut.toLowerCase(), cut).not.toContain(encoded.slice(i, i + 8).toLowerCase());
      expect(cut.startsWith('x'.repeat(pad))).toBe(true);
    }
  });

  it('reads a run of a million backslashes (a hostile answer) in one pass: it is returned as it is', () => {
    // Each escape spelling begins with one or more backslashes: tried again from every backslash of
    // a run, the scan was quadratic (80,000 took 12 s; a 10 MB answer hours, past any --timeout).
    const run = '\\'.repeat(1_000_000);
    expect(redact(`${run}x`)).toBe(`${run}x`);
    expect(redact.excerpt(run, 200)).toBe(`${run.slice(0, 200)}…`);
    expect(redact(`${run}u0073k_live_&<>"'_SECRETSECRET`)).toBe('[REDACTED]');
  });

  it('add: a secret learned later (a provider state\'s key) is redacted from then on, in its spellings and at a cut, and the first ones still are', () => {
    const growing = redactor([KEY]);
    const later = 'hk_scoped_Q7ZX9WMBVTPL';
    expect(growing(`key ${later}`)).toBe(`key ${later}`);
    growing.add(later);
    expect(growing(`key ${later} and ${encodeURIComponent(KEY)}`)).toBe('key [REDACTED] and [REDACTED]');
    expect(growing(Buffer.from(later).toString('hex'))).toBe('[REDACTED]');
    expect(growing.excerpt(`${'x'.repeat(195)}${later}`, 200)).toBe(`${'x'.repeat(195)}[REDA…`);
  });

  it('noRedaction takes no secret: adding one throws instead of leaving it shown', () => {
    expect(() => noRedaction.add('a_secret_key')).toThrow(/keeps no secrets/);
  });

  it('leaves text that only looks encoded as it is', () => {
    expect(redact('%41%42 \\u0041 &#65; QUJD')).toBe('%41%42 \\u0041 &#65; QUJD');
  });
});
