// The SQL CHECKs of the slices' migrations that restate a contract fact (an enum, a length) must
// equal the document's schema: each slice maps its checked columns to a schema explicitly, and
// every enum or length CHECK of its migrations must be mapped.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isObject, resolveRef } from '../../src/openapi/jsonPointer.js';
import { sharedApis, slices } from '../support/sandboxDatabase.js';

type Check = { column: string; enum?: string[]; length?: [number, number] };

/** The `IN (...)` and `char_length(...) BETWEEN a AND b` CHECKs of a migration, as `table.column`. */
export function parseChecks(sql: string): Check[] {
  const checks: Check[] = [];
  for (const table of sql.matchAll(/CREATE TABLE (\w+) \(([\s\S]*?)\n\);/g)) {
    const [, name, body] = table as unknown as [string, string, string];
    for (const m of body.matchAll(/CHECK \((\w+) IN \(([^)]*)\)\)/g)) {
      checks.push({ column: `${name}.${m[1]}`, enum: [...(m[2] as string).matchAll(/'([^']*)'/g)].map((v) => v[1] as string) });
    }
    for (const m of body.matchAll(/CHECK \(char_length\((\w+)\) BETWEEN (\d+) AND (\d+)\)/g)) {
      checks.push({ column: `${name}.${m[1]}`, length: [Number(m[2]), Number(m[3])] });
    }
  }
  return checks;
}

const migrationsOf = (dir: URL) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .map((f) => readFileSync(fileURLToPath(new URL(f, dir)), 'utf8'))
    .join('\n');

describe('SQL CHECKs against the documents', () => {
  it('parses both kinds of CHECK (so a mismatch would be seen)', () => {
    const sql = "CREATE TABLE t (\n  a text CHECK (a IN ('x', 'y')),\n  b text CHECK (char_length(b) BETWEEN 1 AND 9)\n);";
    expect(parseChecks(sql)).toEqual([{ column: 't.a', enum: ['x', 'y'] }, { column: 't.b', length: [1, 9] }]);
  });

  it.each(slices.map((s) => [s.name, s] as const))('%s: every enum and length CHECK is mapped, and equals its schema', async (name, { slice }) => {
    const api = (await sharedApis()).find((a) => a.name === name)!;
    const checks = parseChecks(migrationsOf(slice.migrations));
    expect(checks.map((c) => c.column).filter((c) => !(c in slice.checkedColumns))).toEqual([]);
    for (const check of checks) {
      const pointer = slice.checkedColumns[check.column];
      if (pointer === null || pointer === undefined) continue;
      const schema = resolveRef(api.doc, { $ref: pointer }, `${pointer}#ref`).value;
      expect(isObject(schema), `${check.column}: ${pointer}`).toBe(true);
      if (!isObject(schema)) continue;
      if (check.enum) expect([...check.enum].sort(), check.column).toEqual([...(schema.enum as string[])].sort());
      if (check.length) expect(check.length, check.column).toEqual([schema.minLength, schema.maxLength]);
    }
  });
});
