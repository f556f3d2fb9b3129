import { describe, expect, it } from 'vitest';
import { createRateLimiter } from '../../../src/sandbox/http/rateLimiter.js';

describe('createRateLimiter', () => {
  it('allows a burst of capacity, then refuses with how long to wait, then refills; buckets are independent', () => {
    let now = 1_000_000;
    const limiter = createRateLimiter({ capacity: 2, refillPerSecond: 0.5 }, () => now);
    expect(limiter.take('a')).toMatchObject({ allowed: true, remaining: 1 });
    expect(limiter.take('a')).toMatchObject({ allowed: true, remaining: 0 });
    expect(limiter.take('a')).toMatchObject({ allowed: false, retryAfterSeconds: 2, limit: 2 });
    expect(limiter.take('b').allowed).toBe(true);
    now += 2000;
    expect(limiter.take('a').allowed).toBe(true);
    expect(limiter.take('a').allowed).toBe(false);
  });
  it('rejects a nonsensical configuration', () => {
    expect(() => createRateLimiter({ capacity: 0, refillPerSecond: 1 })).toThrow();
  });
});
