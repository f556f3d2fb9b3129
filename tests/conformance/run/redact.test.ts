// Secrets never reach a report: redacted in every form a server may echo them, and never half-shown at a cut.
import { describe, expect, it } from 'vitest';
import { redactor } from '../../../src/conformance/run/redact.js';

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
