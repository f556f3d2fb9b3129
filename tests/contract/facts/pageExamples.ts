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

/** A Layers ULID-style id suffix and a uuid suffix, for the two shapes the vendor shows. */
export const ULID = '01HXZ9AB3CDEF4GHJK5MNPQRST';
