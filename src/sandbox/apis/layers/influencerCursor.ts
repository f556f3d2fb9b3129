import { isUuid } from '../../store/ids.js';

/** The position after which the next page starts: the last row's created_at (µs) and id. */
export interface InfluencerCursor {
  createdAt: string;
  id: string;
}

const EXACT_TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\.\d{6}Z$/;

/**
 * A timestamp PostgreSQL reads as the very instant it spells: a real calendar day of years 1 to
 * 9999 and a real time of day. JavaScript's Date rolls `2026-02-30` over to March and takes year 0,
 * both of which PostgreSQL refuses, so the fields are compared with the date they make.
 */
function isExactTimestamp(t: string): boolean {
  const m = EXACT_TIMESTAMP.exec(t);
  if (!m) return false;
  const [year, month, day, hour, minute, second] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  if (year < 1 || hour > 23 || minute > 59 || second > 59) return false;
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Opaque to clients: base64url of `{"t": createdAt, "i": id}`. */
export function encodeCursor(cursor: InfluencerCursor): string {
  return Buffer.from(JSON.stringify({ t: cursor.createdAt, i: cursor.id }), 'utf8').toString('base64url');
}

/** The cursor, or `null` for anything `encodeCursor` could not have produced. */
export function decodeCursor(text: string): InfluencerCursor | null {
  if (!/^[A-Za-z0-9_-]+$/.test(text)) return null;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const { t, i } = value as Record<string, unknown>;
  if (typeof t !== 'string' || !isExactTimestamp(t) || !isUuid(i)) return null;
  const cursor = { createdAt: t, id: i.toLowerCase() };
  // Only the canonical spelling is one we issued (no extra keys, no padding, no re-encodings).
  return encodeCursor(cursor) === text ? cursor : null;
}
