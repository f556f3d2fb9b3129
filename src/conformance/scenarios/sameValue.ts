/**
 * Equality of the values a server answers, as a scenario compares them: the same JSON, except that
 * a text may be written in any form its standard gives the same meaning. An RFC 3339 date-time is
 * the instant it denotes (`2026-04-18T09:21:00Z`, `2026-04-18T11:21:00+02:00` and
 * `2026-04-18T09:21:00.000Z` are one), and a uuid, alone or inside an id (`inf_<uuid>`), is read
 * without regard to letter case (RFC 9562 §4). A server may write one answer one way and the next
 * another; comparing texts would fail it for what the document allows.
 */
import { isDeepStrictEqual } from 'node:util';
import { STANDARD_FORMATS } from '../../openapi/standardFormats.js';

const isDateTime = STANDARD_FORMATS['date-time']?.validate as (text: string) => boolean;
const DATE_TIME_PARTS = /^(\d{4}-\d\d-\d\d)[Tt](\d\d:\d\d:\d\d)(?:\.(\d+))?([Zz]|[+-]\d\d:\d\d)$/;
/** A uuid not part of a longer run of hexadecimal digits or hyphens. */
const UUID_IN_TEXT = /(?<![0-9A-Fa-f-])[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}(?![0-9A-Fa-f-])/g;

/**
 * The instant a date-time text denotes, as a text of its own (whole milliseconds since the epoch,
 * then the fraction's digits without trailing zeros, so no precision is lost), or `undefined` for
 * text that is no date-time or whose instant JavaScript cannot read (a leap second).
 */
function instantOf(text: string): string | undefined {
  if (!isDateTime(text)) return undefined;
  const m = DATE_TIME_PARTS.exec(text);
  if (!m) return undefined;
  const [, date, time, fraction = '', offset = 'Z'] = m;
  const ms = Date.parse(`${date}T${time}${offset.toUpperCase()}`);
  return Number.isNaN(ms) ? undefined : `${ms}.${fraction.replace(/0+$/, '')}`;
}

/** The canonical form of one text: its instant, or the text with every uuid in it in lower case. */
function canonicalText(text: string): string {
  const instant = instantOf(text);
  return instant === undefined ? `text:${text.replace(UUID_IN_TEXT, (u) => u.toLowerCase())}` : `instant:${instant}`;
}

/** `value` with every text in its canonical form (member names are kept as they are). */
export function canonicalValue(value: unknown): unknown {
  if (typeof value === 'string') return canonicalText(value);
  if (Array.isArray(value)) return value.map(canonicalValue);
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, canonicalValue(v)]));
  return value;
}

/** Whether two answered values are the same, reading date-times as instants and uuids in any letter case. */
export const sameValue = (a: unknown, b: unknown): boolean => isDeepStrictEqual(canonicalValue(a), canonicalValue(b));

/** Whether two lists hold the same texts, each as often, in any order, read as `sameValue` does. */
export function sameMembers(a: readonly string[] = [], b: readonly string[] = []): boolean {
  if (a.length !== b.length) return false;
  const sorted = (list: readonly string[]) => list.map(canonicalText).sort();
  return isDeepStrictEqual(sorted(a), sorted(b));
}
