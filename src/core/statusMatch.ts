/** The response key documenting `status`: the exact code, else its range (`4XX`), else `default`. */
export function documentedStatusKey(keys: string[], status: number): string | undefined {
  const code = String(status);
  return keys.find((k) => k === code) ?? keys.find((k) => k.toUpperCase() === `${code[0]}XX`) ?? keys.find((k) => k === 'default');
}

/** Whether `status` is one of `expected` (exact codes or ranges such as `2XX`). */
export function statusMatches(expected: string[], status: number): boolean {
  return documentedStatusKey(expected.filter((k) => k !== 'default'), status) !== undefined;
}

/** The status an operation documents for invalid parameters (400 where declared, else 422), or undefined. */
export function parameterValidationStatus(statuses: string[]): string | undefined {
  return ['400', '422'].find((s) => statuses.includes(s));
}

/** The status an operation documents for an invalid body (422 where declared, else 400), or undefined. */
export function bodyValidationStatus(statuses: string[]): string | undefined {
  return ['422', '400'].find((s) => statuses.includes(s));
}

/** Documented success statuses (2xx and 2XX keys). */
export function successStatuses(statuses: string[]): string[] {
  return statuses.filter((s) => /^2(\d\d|XX)$/i.test(s));
}
