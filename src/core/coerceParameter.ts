/**
 * How a server reads a parameter string before it validates it: a decimal number when the schema
 * allows numbers, `true`/`false` when it allows booleans, else the string itself. The sandbox reads
 * requests this way and the suite derives its parameter cases with the same rule.
 *
 * For a schema that allows integers but not other numbers, a decimal is read only when it denotes
 * an integer exactly (`1.0`, `1e1`, `1.5e1`); one that does not stays text, refused as no integer,
 * even where a double would round it to one (`99.99999999999999999` is 100 as a double, `1e-400` is 0).
 */
const DECIMAL = /^-?(0|[1-9][0-9]*)(?:\.([0-9]+))?(?:[eE]([+-]?[0-9]+))?$/;

export function coerceParameter(types: Set<string>, value: string): unknown {
  if (types.has('integer') || types.has('number')) {
    const m = DECIMAL.exec(value);
    if (m && (types.has('number') || denotesInteger(m[1] as string, m[2] ?? '', m[3] ?? '0'))) return Number(value);
  }
  if (types.has('boolean') && (value === 'true' || value === 'false')) return value === 'true';
  return value;
}

/** Whether `whole.fraction × 10^exponent` is an integer: every digit the exponent leaves after the point is 0. */
function denotesInteger(whole: string, fraction: string, exponent: string): boolean {
  const digits = `${whole}${fraction}`.replace(/0+$/, '');
  if (/^0*$/.test(digits)) return true; // zero, however written
  const kept = whole.length + Number(exponent); // digits before the point once the exponent is applied
  return kept >= digits.length;
}
