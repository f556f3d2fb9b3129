import { describe, expect, it } from 'vitest';
import { terminalSafe } from '../../../src/conformance/report/terminalSafe.js';

describe('terminalSafe', () => {
  it('shows ESC, CR, BEL, DEL, a C1 CSI and NUL as \\u escapes', () => {
    expect(terminalSafe('a\u001b[2Jb\rc\u0007d\u007fe\u009b31mf\u0000')).toBe('a\\u001b[2Jb\\u000dc\\u0007d\\u007fe\\u009b31mf\\u0000');
  });

  it('shows the bidirectional controls and the line separators as escapes', () => {
    expect(terminalSafe('x\u202ey\u2066z\u2028w\u061c')).toBe('x\\u202ey\\u2066z\\u2028w\\u061c');
  });

  it('shows invisible format characters as escapes: zero-width ones, the word joiner, a byte order mark, a soft hyphen and text hidden in tag characters', () => {
    expect(terminalSafe('P\u200bA\u200dS\u2060S\ufeffE\u00adD')).toBe('P\\u200bA\\u200dS\\u2060S\\ufeffE\\u00adD');
    expect(terminalSafe('ok\u{e0049}\u{e0047}')).toBe('ok\\u{e0049}\\u{e0047}');
  });

  it("keeps line feeds, tabs and the report's own marks, and other text as it is", () => {
    const report = 'hoko\n\t✓ passed · ✗ failed — «ar: طلب غير صالح» 😀';
    expect(terminalSafe(report)).toBe(report);
  });
});
