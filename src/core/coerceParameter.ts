/**
 * How a server reads a parameter string before it validates it: a number when the schema allows
 * numbers, `true`/`false` when it allows booleans, else the string itself. The sandbox reads
 * requests this way and the suite derives its parameter cases with the same rule.
 *
 * The schema's type decides which texts are numbers. For a schema that allows integers but not
 * other numbers, only an integer numeral is read (`20`, `-7`; `-0` as 0): `1.0`, `1e1`, `05`,
 * `+5` and `0x10` stay text and are refused as no integer, whatever number they denote (and
 * `99.99999999999999999` or `1e-400`, which a double would round to an integer, with them). For a
 * schema that allows numbers, any decimal is read, exponent included (`1.5e1`).
 */
const DECIMAL = /^-?(0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?$/;
const INTEGER = /^-?(0|[1-9][0-9]*)$/;

export function coerceParameter(types: Set<string>, value: string): unknown {
  if (types.has('number') ? DECIMAL.test(value) : types.has('integer') && INTEGER.test(value)) return Number(value) || 0;
  if (types.has('boolean') && (value === 'true' || value === 'false')) return value === 'true';
  return value;
}
