import { isDeepStrictEqual } from 'node:util';
import { expect } from 'vitest';
import type { Operation } from '../../../src/openapi/operations.js';
import type { Contract } from '../../support/contract.js';

/**
 * Asserts that `value`, an example shown on a vendor page (its `…` truncations completed), is one
 * of the operation's named examples at `where` (a status, or 'request') and validates against the
 * schema there. Returns the example's name.
 */
export function expectPageExample(contract: Contract, op: Operation, where: string, value: unknown): string {
  const examples = op.namedExamples(where);
  const name = Object.keys(examples).find((n) => isDeepStrictEqual(examples[n], value));
  expect(name, `${op.operationId} ${where}: no named example equals ${JSON.stringify(value)}`).toBeDefined();
  expect(contract.validator.validate(op.schemaPointer(where) as string, value), `${op.operationId} ${where} ${name}`).toEqual([]);
  return name as string;
}

/** Asserts that `value` is a documented example of the path or header parameter `name` and validates against its schema. */
export function expectParameterExample(contract: Contract, op: Operation, name: string, value: string): void {
  const parameter = op.parameter(name);
  expect(parameter, `${op.operationId}: no parameter ${name}`).toBeDefined();
  const p = parameter?.value as { example?: unknown; examples?: Record<string, { value?: unknown }> };
  const values = [p.example, ...Object.values(p.examples ?? {}).map((e) => e.value)];
  expect(values, `${op.operationId} ${name}`).toContain(value);
  expect(contract.accepts(`${parameter?.pointer}/schema`, value), `${op.operationId} ${name} ${value}`).toBe(true);
}

/**
 * RFC 3339 date-times a server may send for a page's `2026-04-18T09:21:00Z`: with and without a
 * fraction, `Z` or a numeric offset, `T` and `Z` in either case. And text that is no date-time.
 */
export const TIMESTAMPS = ['2026-04-18T09:21:00Z', '2026-04-18T09:21:00.5Z', '2026-04-18T09:21:00.123456789Z', '2026-04-18T09:21:00+00:00', '2026-04-18T11:21:00+02:00', '2026-04-18T04:21:00-05:00', '2026-04-18t09:21:00z'];
export const NOT_TIMESTAMPS = ['2026-04-18', '2026-04-18 09:21:00Z', '2026-04-18T09:21:00', '2026-04-18T09:21Z', '2026-04-18T09:21:00+0200', '2026-02-30T09:21:00Z', '1776503760', ''];
/** One astral character (two UTF-16 code units, one code point): JSON Schema counts lengths in code points. */
export const ASTRAL = '\u{1F600}';

/** A Layers ULID-style id suffix and a uuid suffix, for the two shapes the vendor shows. */
export const ULID = '01HXZ9AB3CDEF4GHJK5MNPQRST';
