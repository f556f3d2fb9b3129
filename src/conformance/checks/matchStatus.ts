/** The response key documenting `status`: the exact code, else its range (`4XX`), else `default`. */
export function documentedStatusKey(keys: string[], status: number): string | undefined {
  const code = String(status);
  return keys.find((k) => k === code) ?? keys.find((k) => k.toUpperCase() === `${code[0]}XX`) ?? keys.find((k) => k === 'default');
}

/** Whether `status` is one of `expected` (exact codes or ranges such as `2XX`). */
export function statusMatches(expected: string[], status: number): boolean {
  return documentedStatusKey(expected.filter((k) => k !== 'default'), status) !== undefined;
}
