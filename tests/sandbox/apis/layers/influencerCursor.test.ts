// The list's cursor: only what encodeCursor issues decodes, and only instants PostgreSQL can read.
import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from '../../../../src/sandbox/apis/layers/influencerCursor.js';

const id = '4a8e1bc2-5d3f-4b6a-9c7e-1f2a3b4c5d6e';
const raw = (t: string) => Buffer.from(JSON.stringify({ t, i: id }), 'utf8').toString('base64url');

describe('decodeCursor', () => {
  it('reads back what encodeCursor wrote', () => {
    const cursor = { createdAt: '2026-02-28T23:59:59.123456Z', id };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
    expect(decodeCursor(raw('2024-02-29T00:00:00.000000Z'))).not.toBeNull(); // a leap day
  });

  it.each([
    ['February 30th', '2026-02-30T00:00:00.000000Z'],
    ['February 29th of a common year', '2026-02-29T00:00:00.000000Z'],
    ['year 0', '0000-01-01T00:00:00.000000Z'],
    ['month 13', '2026-13-01T00:00:00.000000Z'],
    ['day 0', '2026-01-00T00:00:00.000000Z'],
    ['hour 24', '2026-01-01T24:00:00.000000Z'],
    ['second 60', '2026-01-01T00:00:60.000000Z'],
  ])('refuses a cursor carrying %s (JavaScript may accept it, PostgreSQL does not)', (_, t) => {
    expect(decodeCursor(raw(t))).toBeNull();
  });
});
