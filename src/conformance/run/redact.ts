/**
 * Keeps secrets out of every report string. Applied where text from a response first becomes part
 * of a failure (before any truncation or escaping), and again on the whole output as a last guard.
 *
 * A server may echo a secret in any encoding it travels in, so each character of a secret is
 * matched in every spelling a text can give it, mixed freely: as itself (any letter case),
 * percent-encoded (UTF-8 bytes), as a JSON or JavaScript escape (`\u0073`, `\x73`, `\/`, however
 * many backslashes a text quoted in a text adds), as an HTML entity (`&#115;`, `&#x73;`, `&amp;`),
 * and a space as `+`. A secret is also matched in base64 and base64url (at each of the three byte
 * offsets it can start at inside a longer encoded text, as in `Basic base64(user:secret)`), and a
 * secret that is itself base64 of `user:password` (a Basic credential) is matched decoded, and its
 * password alone. It is also matched in hex (its UTF-8 bytes, either letter case), and with
 * invisible characters between its characters (a zero-width space, soft hyphen, word joiner, byte
 * order mark, variation selector or tag character: Unicode's default-ignorable code points, raw
 * or escaped), which a terminal does not show, so the secret would read as itself.
 */
import { swapLetterCase } from '../../core/letterCase.js';

/** Replaces each secret with `[REDACTED]`; `excerpt` also cuts to a length without leaving part of a secret at the cut. */
export interface Redactor {
  (text: string): string;
  /** `text` redacted, then cut to `max` characters with `…`; a trailing piece (4+ characters) that begins a secret, in any of its spellings, is redacted too. */
  excerpt(text: string, max: number): string;
  /** Makes `secret` one more secret, from now on (a key a provider state handed out during the run). */
  add(secret: string): void;
}

export const REDACTED = '[REDACTED]';
const MIN_LENGTH = 4;
/** The shortest run of base64 characters taken as a secret's (shorter ones could be anyone's text). */
const MIN_BASE64 = 8;

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');
/**
 * An invisible character that may sit between a secret's characters: raw (every default-ignorable
 * code point), or the common ones escaped (`\u200b`, `%E2%80%8B`, `&#x200b;`, `&#8203;`).
 */
const IGNORABLE = String.raw`(?:\p{Default_Ignorable_Code_Point}|\\+u(?:00ad|034f|180e|200[b-f]|206[0-9a-f]|feff)|%c2%ad|%e2%80%8[b-f]|%e2%81%a[0-9a-f]|%ef%bb%bf|&#x0*(?:ad|200[b-f]|206[0-9a-f]|feff);|&#0*(?:173|820[3-7]|82(?:8[89]|9[0-9]|30[0-3])|65279);|&shy;)`;
const IGNORABLE_RUNS = new RegExp(`${IGNORABLE}+`, 'giu');
const NAMED_ENTITIES: Record<string, string[]> = { '&': ['amp'], '<': ['lt'], '>': ['gt'], '"': ['quot'], "'": ['apos'] };

/**
 * A regular expression (source) matching one character `ch` in every spelling a text can give it.
 * For a secret's `first` character, a spelling that begins with backslashes is tried only where a
 * run of them begins (the match takes the whole run, as the leftmost match did anyway): tried from
 * each backslash of a run, a hostile answer of backslashes was scanned again from every one of
 * them, in quadratic time (80,000 took 12 s; a 10 MB answer hours, past any --timeout).
 */
function characterSpellings(ch: string, first = false): string {
  const code = ch.codePointAt(0) as number;
  const units = ch.length === 2 ? [ch.charCodeAt(0), ch.charCodeAt(1)] : [code];
  const bytes = [...Buffer.from(ch, 'utf8')];
  const backslashes = `${first ? '(?<!\\\\)' : ''}\\\\+`;
  const spellings = [
    escapeRegExp(ch),
    bytes.map((b) => `%${hex(b, 2)}`).join(''),
    units.map((u, i) => `${i === 0 ? backslashes : '\\\\+'}u${hex(u, 4)}`).join(''),
    `${backslashes}u\\{0*${hex(code, 1)}\\}`,
    `&#0*${code};`,
    `&#x0*${hex(code, 1)};`,
    ...(NAMED_ENTITIES[ch] ?? []).map((name) => `&${name};`),
  ];
  if (code < 0x100) spellings.push(`${backslashes}x${hex(code, 2)}`);
  if (/["\\/]/.test(ch)) spellings.push(`${backslashes}${escapeRegExp(ch)}`);
  if (ch === ' ') spellings.push('\\+');
  return `(?:${spellings.join('|')})`;
}

/** The base64 (and base64url) characters that only `secret`'s bytes decide, at each of the three offsets it may start at. */
function base64Forms(secret: string): string[] {
  const bytes = Buffer.from(secret, 'utf8');
  const forms: string[] = [];
  for (let offset = 0; offset < 3; offset++) {
    const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString('base64');
    // character c covers bits 6c..6c+5: it is the secret's alone when they all fall in its bytes
    const first = Math.ceil((8 * offset) / 6);
    const end = Math.floor((8 * (offset + bytes.length)) / 6);
    const core = encoded.slice(first, end);
    if (core.length >= MIN_BASE64) forms.push(core, core.replaceAll('+', '-').replaceAll('/', '_'));
  }
  return forms;
}

/** The secret's UTF-8 bytes in hex (matched in either letter case). */
const hexForm = (secret: string): string => Buffer.from(secret, 'utf8').toString('hex');

/**
 * The secret as the suite itself may send it, in every letter case it uses (the key swapped for
 * the case that proves a server compares keys exactly), and in all lower and all upper case: the
 * plain spellings match in any case, but the hex and base64 of each are other texts.
 */
const letterCases = (secret: string): string[] => [...new Set([secret, swapLetterCase(secret), secret.toLowerCase(), secret.toUpperCase()])];

/** The password of a Basic credential (`base64(user:password)`, with or without its scheme word), decoded; undefined for anything else. */
function basicPassword(secret: string): string | undefined {
  const token = secret.replace(/^basic\s+/i, '');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(token) || token.length % 4 !== 0) return undefined;
  const decoded = Buffer.from(token, 'base64').toString('utf8');
  if (!/^[\x20-\x7e]*:[\x20-\x7e]+$/.test(decoded)) return undefined;
  return decoded;
}

/** The texts that are secret once `secret` is: itself, and for a Basic credential `user:password` and the password. */
function secretTexts(secret: string): string[] {
  const decoded = basicPassword(secret);
  if (decoded === undefined) return [secret];
  return [secret, decoded, decoded.slice(decoded.indexOf(':') + 1)];
}

/** `text` with each spelling of a character that `characterSpellings` knows read back as the character (for finding a secret's start at a cut). */
function plainOf(text: string): string {
  return text
    .replace(IGNORABLE_RUNS, '')
    .replace(/\\+u\{([0-9a-f]{1,6})\}/gi, (_, h: string) => String.fromCodePoint(Math.min(parseInt(h, 16), 0x10ffff)))
    .replace(/\\+u([0-9a-f]{4})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16)))
    .replace(/\\+x([0-9a-f]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16)))
    .replace(/(?:%[0-9a-f]{2})+/gi, (run) => {
      try {
        return decodeURIComponent(run);
      } catch {
        return run.replace(/%([0-9a-f]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
      }
    })
    .replace(/&#x0*([0-9a-f]{1,6});/gi, (_, h: string) => String.fromCodePoint(Math.min(parseInt(h, 16), 0x10ffff)))
    .replace(/&#0*([0-9]{1,7});/g, (_, d: string) => String.fromCodePoint(Math.min(Number(d), 0x10ffff)))
    .replace(/&(amp|lt|gt|quot|apos);/gi, (_, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" })[name.toLowerCase()] as string)
    .replace(/\\+(["\\/])/g, '$1')
    .replace(/\+/g, ' ');
}

/** An escape the cut left unfinished at the end of `text` (`%2`, `\u00`, `&#x7`), removed. */
const withoutUnfinishedEscape = (text: string) => text.replace(/(?:%[0-9a-f]?|\\+(?:u\{?[0-9a-f]{0,5}|x[0-9a-f]?)?|&#?x?[0-9a-z]{0,7})$/i, '');

/** What a redactor matches, made from its secrets. */
interface Compiled {
  texts: string[];
  pattern: RegExp | undefined;
  lowered: string[];
  loweredEncoded: string[];
  /** The characters a spelling of a secret can start with: its first character, an escape's, a base64 form's. */
  starts: Set<string>;
}

function compile(secrets: readonly string[]): Compiled {
  const texts = [...new Set(secrets.flatMap(secretTexts).filter((s) => s.length >= MIN_LENGTH))].sort((a, b) => b.length - a.length);
  const spelled = texts.map((text) => [...text].map((ch, i) => characterSpellings(ch, i === 0)).join(`${IGNORABLE}*`));
  const encoded = [...new Set(texts.flatMap(letterCases).flatMap((text) => [...base64Forms(text), hexForm(text)]))].sort((a, b) => b.length - a.length);
  const sources = [...encoded.map(escapeRegExp), ...spelled];
  const lowered = texts.map((t) => t.toLowerCase());
  const loweredEncoded = encoded.map((e) => e.toLowerCase());
  return {
    texts,
    pattern: sources.length > 0 ? new RegExp(sources.join('|'), 'giu') : undefined,
    lowered,
    loweredEncoded,
    starts: new Set(['%', '\\', '&', '+', ...lowered.map((s) => s[0] as string), ...loweredEncoded.map((e) => e[0] as string)]),
  };
}

/** A redactor for `secrets` (shorter than 4 characters: ignored), and those `add` gives it later. Matching ignores case. */
export function redactor(initial: readonly string[]): Redactor {
  const secrets = [...initial];
  let c = compile(secrets);
  const redact = ((text: string) => (c.pattern ? text.replace(c.pattern, REDACTED) : text)) as Redactor;
  /** Whether `tail` (the end of a cut text) is the start of a secret in some spelling, 4+ characters of it. */
  const beginsSecret = (tail: string) => {
    const lower = tail.toLowerCase();
    if (lower.length >= MIN_LENGTH && c.loweredEncoded.some((e) => e.startsWith(lower))) return true;
    // first the start alone (an escape is at most 13 characters): most places begin no secret
    const near = tail.slice(0, 13 * MIN_LENGTH);
    const head = (/[%\\&+]/.test(near) ? plainOf(withoutUnfinishedEscape(near)) : near).toLowerCase().slice(0, MIN_LENGTH);
    if (!c.lowered.some((s) => s.startsWith(head))) return false;
    const plain = plainOf(withoutUnfinishedEscape(tail)).toLowerCase();
    return plain.length >= MIN_LENGTH && c.lowered.some((s) => s.startsWith(plain));
  };
  /** `text` with a trailing piece that begins a secret (4+ characters) redacted. */
  const trimPartial = (text: string) => {
    if (c.texts.length === 0) return text;
    const lower = text.toLowerCase();
    for (let start = 0; start <= text.length - MIN_LENGTH; start++) {
      if (c.starts.has(lower[start] as string) && beginsSecret(text.slice(start))) return `${text.slice(0, start)}${REDACTED}`;
    }
    return text;
  };
  redact.excerpt = (text, max) => {
    const clean = redact(text);
    if (clean.length <= max) return trimPartial(clean);
    return `${trimPartial(clean.slice(0, max))}…`;
  };
  redact.add = (secret) => {
    if (secrets.includes(secret)) return;
    secrets.push(secret);
    c = compile(secrets);
  };
  return redact;
}

/** A redactor with no secrets (the mock's key is no secret); it takes none later either: a caller with secrets makes its own. */
export const noRedaction: Redactor = Object.assign(redactor([]), {
  add: () => {
    throw new Error('noRedaction keeps no secrets: make a redactor() for a run that learns one');
  },
});
