/**
 * How a server reads a parameter string before it validates it: a decimal number when the schema
 * allows numbers, `true`/`false` when it allows booleans, else the string itself. The sandbox reads
 * requests this way and the suite derives its parameter cases with the same rule.
 */
export function coerceParameter(types: Set<string>, value: string): unknown {
  if ((types.has('integer') || types.has('number')) && /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$/.test(value)) return Number(value);
  if (types.has('boolean') && (value === 'true' || value === 'false')) return value === 'true';
  return value;
}
