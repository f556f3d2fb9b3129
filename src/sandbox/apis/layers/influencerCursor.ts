import { isUuid } from '../../store/ids.js';

/** The position after which the next page starts: the last row's created_at (µs) and id. */
export interface InfluencerCursor {
  createdAt: string;
  id: string;
}

const EXACT_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

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
  if (typeof t !== 'string' || !EXACT_TIMESTAMP.test(t) || Number.isNaN(Date.parse(t)) || !isUuid(i)) return null;
  const cursor = { createdAt: t, id: i.toLowerCase() };
  // Only the canonical spelling is one we issued (no extra keys, no padding, no re-encodings).
  return encodeCursor(cursor) === text ? cursor : null;
}
