import { randomBytes } from 'node:crypto';
import { UUID_PATTERN } from '../../openapi/standardFormats.js';

/**
 * Whether `value` can be cast to a PostgreSQL uuid (checked first, so a bad id is "not found", not a
 * SQL error): the pattern of the validators' `format: uuid`, so the sandbox and its schemas agree.
 */
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID_PATTERN.test(value);
}

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Uniformly random characters of `alphabet` (rejection sampling, no modulo bias). */
export function randomString(length: number, alphabet: string = ALPHANUMERIC): string {
  const limit = 256 - (256 % alphabet.length);
  let out = '';
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < limit && out.length < length) out += alphabet[byte % alphabet.length];
    }
  }
  return out;
}

const POOL_BYTES = 4096;
let pool = Buffer.alloc(0);
let offset = 0;

/**
 * `n` random bytes (n ≤ 4096) as base64url, taken from a pool filled 4 KiB at a time: one call into
 * the system's random source per few hundred ids instead of one per id (what `crypto.randomUUID`
 * does too). For ids that must not be guessed or repeat, not for secrets kept long.
 */
export function randomBase64url(n: number): string {
  if (offset + n > pool.length) {
    pool = randomBytes(POOL_BYTES);
    offset = 0;
  }
  const out = pool.toString('base64url', offset, offset + n);
  offset += n;
  return out;
}

/** A new API key secret, e.g. `lp_test_…`: the prefix and 32 random alphanumerics. */
export function newSecret(prefix: string): string {
  return `${prefix}${randomString(32)}`;
}
