// The equality the scenarios compare answers with: JSON equality, date-times as instants, uuids in any letter case.
import { describe, expect, it } from 'vitest';
import { sameMembers, sameValue } from '../../../src/conformance/scenarios/sameValue.js';

describe('sameValue', () => {
  it('reads RFC 3339 date-times as the instant they denote', () => {
    for (const other of ['2026-04-18T11:21:00+02:00', '2026-04-18T09:21:00.000Z', '2026-04-18T09:21:00+00:00', '2026-04-18t09:21:00z', '2026-04-18T04:21:00.0-05:00']) {
      expect(sameValue({ at: '2026-04-18T09:21:00Z' }, { at: other }), other).toBe(true);
    }
  });

  it('tells different instants apart, to the last digit of the fraction', () => {
    for (const other of ['2026-04-18T09:21:01Z', '2026-04-18T09:21:00+02:00', '2026-04-18T09:21:00.001Z']) expect(sameValue('2026-04-18T09:21:00Z', other), other).toBe(false);
    expect(sameValue('2026-04-18T09:21:00.1234567Z', '2026-04-18T09:21:00.1234568Z')).toBe(false);
    expect(sameValue('2026-04-18T09:21:00.1234560Z', '2026-04-18T09:21:00.123456Z')).toBe(true);
  });

  it('compares text that is no date-time as text', () => {
    expect(sameValue('2026-04-18 09:21:00Z', '2026-04-18T09:21:00Z')).toBe(false);
    expect(sameValue('2026-02-30T09:21:00Z', '2026-03-02T09:21:00Z')).toBe(false);
    expect(sameValue('Ava Chen', 'ava chen')).toBe(false);
    expect(sameValue('es-MX', 'es-mx')).toBe(false);
  });

  it('reads a uuid, alone or in a prefixed id, in any letter case, and nothing else so', () => {
    expect(sameValue('550e8400-e29b-41d4-a716-446655440000', '550E8400-E29B-41D4-A716-446655440000')).toBe(true);
    expect(sameValue({ id: 'inf_4a8e1bc2-5d3f-4b6a-9c7e-1f2a3b4c5d6e' }, { id: 'inf_4A8E1BC2-5D3F-4B6A-9C7E-1F2A3B4C5D6E' })).toBe(true);
    expect(sameValue('inf_4a8e1bc2-5d3f-4b6a-9c7e-1f2a3b4c5d6e', 'INF_4a8e1bc2-5d3f-4b6a-9c7e-1f2a3b4c5d6e')).toBe(false);
    expect(sameValue('550e8400-e29b-41d4-a716-446655440000', '550e8400-e29b-41d4-a716-446655440001')).toBe(false);
    expect(sameValue('inf_01HXZ9AB3CDEF4GHJK5MNPQRST', 'inf_01hxz9ab3cdef4ghjk5mnpqrst')).toBe(false);
  });

  it('is JSON equality otherwise: members, nulls, numbers, array order', () => {
    expect(sameValue({ a: 1, b: null }, { b: null, a: 1 })).toBe(true);
    expect(sameValue({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(sameValue({ a: null }, { a: 'null' })).toBe(false);
    expect(sameValue([1, 2], [2, 1])).toBe(false);
    expect(sameValue(4, '4')).toBe(false);
  });
});

describe('sameMembers', () => {
  const id = '550e8400-e29b-41d4-a716-446655440000';
  it('holds the same texts as often, in any order and letter case of a uuid', () => {
    expect(sameMembers([id, 'b'], ['b', id.toUpperCase()])).toBe(true);
    expect(sameMembers([id, id], [id])).toBe(false);
    expect(sameMembers([id, 'b'], [id, 'c'])).toBe(false);
    expect(sameMembers([], [])).toBe(true);
    expect(sameMembers(undefined, [id])).toBe(false);
  });
});
