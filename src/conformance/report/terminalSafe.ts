/**
 * Text for a terminal or a CI log with every character that could act on the terminal shown as a
 * `\uXXXX` escape instead: C0 controls but tab and line feed (so ESC, which starts colour, cursor,
 * screen-clearing, title and clipboard (OSC 52) sequences, and CR, which lets a line overwrite
 * itself), DEL and the C1 controls (a single-byte CSI on some terminals), the line and paragraph
 * separators, and the bidirectional controls (which reorder what a reader sees, "Trojan Source").
 * A report quotes what servers and documents say, and either may be hostile; the report's own
 * text uses none of these characters, so the whole output can pass through here.
 */
const UNSAFE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028-\u202E\u2066-\u2069]/g;

export const terminalSafe = (text: string): string => text.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
