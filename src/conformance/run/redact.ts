/**
 * Keeps secrets out of every report string. Applied where text from a response first becomes part
 * of a failure (before any truncation or escaping), and again on the whole output as a last guard.
 */

/** Replaces each secret with `[REDACTED]`; `excerpt` also cuts to a length without leaving part of a secret at the cut. */
export interface Redactor {
  (text: string): string;
  /** `text` redacted, then cut to `max` characters with `…`; a trailing piece (4+ characters) that begins a secret is redacted too. */
  excerpt(text: string, max: number): string;
}

export const REDACTED = '[REDACTED]';
const MIN_LENGTH = 4;

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const htmlEscape = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

/** The forms a secret takes once a server echoes it: as sent, JSON-escaped, URL-encoded, HTML-escaped. */
function formsOf(secret: string): string[] {
  return [secret, JSON.stringify(secret).slice(1, -1), encodeURIComponent(secret), new URLSearchParams({ s: secret }).toString().slice(2), htmlEscape(secret), htmlEscape(secret).replaceAll('&#39;', '&apos;')];
}

/** A redactor for `secrets` (shorter than 4 characters: ignored). Matching ignores case. */
export function redactor(secrets: readonly string[]): Redactor {
  const forms = [...new Set(secrets.filter((s) => s.length >= MIN_LENGTH).flatMap(formsOf))].sort((a, b) => b.length - a.length);
  const pattern = forms.length > 0 ? new RegExp(forms.map(escapeRegExp).join('|'), 'gi') : undefined;
  const lowered = forms.map((f) => f.toLowerCase());
  const redact = ((text: string) => (pattern ? text.replace(pattern, REDACTED) : text)) as Redactor;
  /** `text` with a trailing piece that begins a secret (4+ characters) redacted. */
  const trimPartial = (text: string) => {
    const lower = text.toLowerCase();
    for (let start = 0; start <= text.length - MIN_LENGTH; start++) {
      const tail = lower.slice(start);
      if (lowered.some((f) => f.startsWith(tail))) return `${text.slice(0, start)}${REDACTED}`;
    }
    return text;
  };
  redact.excerpt = (text, max) => {
    const clean = redact(text);
    if (clean.length <= max) return trimPartial(clean);
    return `${trimPartial(clean.slice(0, max))}…`;
  };
  return redact;
}

/** A redactor with no secrets (the mock's key is no secret). */
export const noRedaction: Redactor = redactor([]);
