import { randomBytes } from 'node:crypto';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether `value` can be cast to a PostgreSQL uuid (checked first, so a bad id is "not found", not a SQL error). */
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
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

/** An Ayrshare post id: 20 alphanumeric characters, like `p8Ee6xDPx8PRxsjtDXf3`. */
export function newAyrsharePostId(): string {
  return randomString(20);
}

/** A new API key secret, e.g. `lp_test_…`: the prefix and 32 random alphanumerics. */
export function newSecret(prefix: string): string {
  return `${prefix}${randomString(32)}`;
}

/** A social network's post id as the networks write them (digits, Facebook's `page_post`). */
export function newNetworkPostId(platform: string): string {
  const digits = (n: number) => randomString(1, '123456789') + randomString(n - 1, '0123456789');
  return platform === 'facebook' ? `${digits(15)}_${digits(15)}` : digits(19);
}
