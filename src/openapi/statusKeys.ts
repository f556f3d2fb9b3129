// Response keys as OpenAPI 3.1 §4.8.16 reads them: an exact code (`404`) beats a range (`4XX`),
// which beats `default`.

const RANGE = /^[1-5]XX$/i;
const CODE = /^[1-5]\d\d$/;

/** The key documenting `status` among `keys`: the exact code, else its range (`4XX`, any case), else `default`. */
export function documentedStatusKey(keys: readonly string[], status: number): string | undefined {
  const code = String(status);
  return keys.find((k) => k === code) ?? keys.find((k) => k.toUpperCase() === `${code[0]}XX`) ?? keys.find((k) => k === 'default');
}

/** Whether `status` is one of `expected` (exact codes or ranges such as `2XX`; `default` is not an expectation). */
export function statusMatches(expected: readonly string[], status: number): boolean {
  return documentedStatusKey(expected.filter((k) => k !== 'default'), status) !== undefined;
}

// Statuses that mean "the request is invalid", in the order a validating server would pick them.
const VALIDATION_STATUSES = ['400', '422'];
const OTHER_VALIDATION_STATUSES = ['409', '413', '414', '415', '431'];

/**
 * The documented key a request with an invalid `part` should get: `422` then `400` for a body,
 * `400` then `422` for parameters (today's rules, see src/conformance/cases/expectedStatuses.ts),
 * else another explicit 4xx that reports invalid input (409, 413, 414, 415, 431), else `4XX`,
 * else `default`. Undefined when the operation documents none of these.
 */
export function clientErrorStatusKey(keys: readonly string[], part: 'body' | 'parameter' = 'body'): string | undefined {
  const order = part === 'body' ? ['422', '400'] : ['400', '422'];
  return order.find((s) => keys.includes(s))
    ?? OTHER_VALIDATION_STATUSES.find((s) => keys.includes(s))
    ?? keys.find((k) => k.toUpperCase() === '4XX')
    ?? keys.find((k) => k === 'default');
}

/** Whether `key` is an explicit code of a validation status (400 or 422). */
export function isValidationStatus(key: string): boolean {
  return VALIDATION_STATUSES.includes(key);
}

/**
 * The concrete code to ask a mock for with `Prefer: code=<n>` so that it answers with the
 * response documented under `key`: the code itself; for a range, the lowest code of it the
 * operation does not document explicitly (`4XX` → 400, unless 400 is documented: then 401…);
 * for `default`, undefined: no code can be asked for it (Prism answers `code=default` with 422),
 * so the caller sends no `Prefer` and accepts what the mock picks.
 */
export function preferCodeFor(key: string, keys: readonly string[]): number | undefined {
  if (CODE.test(key)) return Number(key);
  if (!RANGE.test(key)) return undefined;
  const base = Number(key[0]) * 100;
  for (let code = base; code < base + 100; code++) if (!keys.includes(String(code))) return code;
  return undefined;
}
