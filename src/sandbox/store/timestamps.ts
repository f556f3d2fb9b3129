/** A timestamptz as the drivers return it (Date; text in some set-ups) as RFC 3339 UTC. */
export function toIso(value: unknown): string {
  const date = value instanceof Date ? value : new Date(String(value));
  if (Number.isNaN(date.getTime())) throw new Error(`Not a timestamp: ${String(value)}`);
  return date.toISOString();
}

/** SQL: a timestamptz expression rendered like `Date#toISOString` (UTC, milliseconds). */
export const isoSql = (expression: string) => `to_char((${expression}) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** SQL: a timestamptz expression rendered with its full microsecond precision (for cursors). */
export const exactSql = (expression: string) => `to_char((${expression}) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
