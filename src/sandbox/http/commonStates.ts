/**
 * Provider states every slice offers the same way, over the server's own rate limiter and fault
 * hook: `rate limit exhausted` (the next request of a bucket is a 429 until `retryAfter` seconds
 * pass) and `next request fails` (that key's next request fails inside its transaction, a 500).
 * Each teardown undoes only its own setup.
 */
import type { ProviderState } from '../slice.js';
import { armFailure, disarmFailure } from './faults.js';
import type { Faults } from './faults.js';
import { stateData } from './providerStates.js';
import type { RateLimiter } from './rateLimiter.js';

/** `rate limit exhausted` for the bucket `bucket()` names (the key the suite uses). */
export function rateLimitExhausted(rateLimiter: RateLimiter, bucket: () => Promise<string>): ProviderState {
  return {
    async setup(params) {
      const retryAfter = typeof params.retryAfter === 'number' ? params.retryAfter : 1;
      rateLimiter.exhaust(await bucket(), retryAfter);
      return { retryAfter };
    },
    teardown: async () => rateLimiter.reset(await bucket()),
  };
}

/** `next request fails` for the next request in the bucket `bucket()` names (the key the suite uses). */
export function nextRequestFails(faults: Faults, bucket: () => Promise<string>): ProviderState {
  return {
    setup: async () => ({ faultId: armFailure(faults, await bucket()) }),
    teardown: async (data) => disarmFailure(faults, stateData.string(data.faultId, 'faultId')),
  };
}
