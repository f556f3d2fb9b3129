/**
 * ajv's `code.process`: the generated code of a validator with its `$ref` calls' errors appended
 * to the caller's list one by one. ajv writes `vErrors = vErrors === null ? v.errors :
 * vErrors.concat(v.errors)` for each failing call, copying every error gathered so far: quadratic
 * in an answer's errors, so a 48 KB list of 16,000 empty items (160,000 errors) took 6.5 s to
 * validate and a hostile 10 MB one days. Appending in place gives the same list in the same order.
 * Code without the pattern (another ajv version) is left as it is: slower, never different.
 */
const CONCAT = /vErrors = vErrors === null \? ([\w$]+)\.errors : vErrors\.concat\(\1\.errors\);/g;

export function appendErrorsInPlace(code: string): string {
  return code.replace(CONCAT, (_, fn: string) => `if (vErrors === null) vErrors = ${fn}.errors; else for (const e of ${fn}.errors) vErrors.push(e);`);
}
