/**
 * Text for a terminal or a CI log with every character that could act on the terminal shown as a
 * `\uXXXX` escape instead: C0 controls but tab and line feed (so ESC, which starts colour, cursor,
 * screen-clearing, title and clipboard (OSC 52) sequences, and CR, which lets a line overwrite
 * itself), DEL and the C1 controls (a single-byte CSI on some terminals), the line and paragraph
 * separators, the bidirectional controls (which reorder what a reader sees, "Trojan Source"),
 * and every other invisible format character (Unicode's Cf: zero-width spaces and joiners, the
 * word joiner, a byte order mark, a soft hyphen, the tag characters that can carry a whole hidden
 * text), which let a quoted text look like another or hide what it says; one past U+FFFF is shown
 * as `\u{e0041}`.
 * A report quotes what servers and documents say, and either may be hostile; the report's own
 * text uses none of these characters, so the whole output can pass through here.
 */
const UNSAFE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u2028\u2029\p{Cf}]/gu;

const escaped = (c: string): string => {
  const code = c.codePointAt(0) as number;
  return code > 0xffff ? `\\u{${code.toString(16)}}` : `\\u${code.toString(16).padStart(4, '0')}`;
};

export const terminalSafe = (text: string): string => text.replace(UNSAFE, escaped);
