/**
 * In-memory token buckets, one per API key: `capacity` requests at once, refilled at
 * `refillPerSecond`. Each request takes one token; without one it is refused, with how long to wait.
 */
export interface RateLimitOptions {
  /** Burst size, and the `X-RateLimit-Limit` a slice may report. */
  capacity: number;
  refillPerSecond: number;
}

/** Generous: the whole conformance suite, scenarios included, stays far below it. */
export const DEFAULT_RATE_LIMIT: RateLimitOptions = { capacity: 1000, refillPerSecond: 50 };

export type RateDecision =
  | { allowed: true; limit: number; remaining: number; resetAt: number }
  | { allowed: false; limit: number; remaining: 0; retryAfterSeconds: number; resetAt: number };

export interface RateLimiter {
  take(bucket: string): RateDecision;
  /** Empties `bucket` so that its next request is refused with a wait of `seconds` (the `rate limit exhausted` provider state). */
  exhaust(bucket: string, seconds: number): void;
  /** Forgets `bucket`: its next request finds it full. */
  reset(bucket: string): void;
}

/** Unix seconds when a bucket holding `tokens` at `t` (ms) is full again. */
const fullAt = (options: RateLimitOptions, t: number, tokens: number) => Math.ceil((t + ((options.capacity - tokens) / options.refillPerSecond) * 1000) / 1000);

export function createRateLimiter(options: RateLimitOptions = DEFAULT_RATE_LIMIT, now: () => number = Date.now): RateLimiter {
  if (!(options.capacity >= 1) || !(options.refillPerSecond > 0)) throw new Error('rate limit: capacity must be at least 1 and refillPerSecond above 0');
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    take(bucket) {
      const t = now();
      const b = buckets.get(bucket) ?? { tokens: options.capacity, at: t };
      b.tokens = Math.min(options.capacity, b.tokens + ((t - b.at) / 1000) * options.refillPerSecond);
      b.at = t;
      buckets.set(bucket, b);
      if (b.tokens >= 1) {
        b.tokens -= 1;
        return { allowed: true, limit: options.capacity, remaining: Math.floor(b.tokens), resetAt: fullAt(options, t, b.tokens) };
      }
      const retryAfterSeconds = Math.max(1, Math.ceil((1 - b.tokens) / options.refillPerSecond));
      return { allowed: false, limit: options.capacity, remaining: 0, retryAfterSeconds, resetAt: fullAt(options, t, b.tokens) };
    },
    exhaust(bucket, seconds) {
      // One token is `seconds` of refill away (a hair less, so the wait announced is `seconds`, not one more).
      buckets.set(bucket, { tokens: 1 - seconds * options.refillPerSecond + 1e-6, at: now() });
    },
    reset(bucket) {
      buckets.delete(bucket);
    },
  };
}
