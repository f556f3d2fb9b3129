import { statusMatches } from '../../core/statusMatch.js';
import type { Check } from './check.js';

/** The status is one the case expects from this target, and none the target refuses for it. */
export const statusExpected: Check = {
  id: 'status-expected',
  description: 'the status is one the case expects',
  appliesTo: ({ expectedStatuses, refusedStatuses }) => expectedStatuses.length > 0 || refusedStatuses !== undefined,
  run: ({ expectedStatuses, refusedStatuses, response }) => {
    if (expectedStatuses.length > 0 && !statusMatches(expectedStatuses, response.status)) {
      return [{ rule: 'status-expected', message: `expected status ${expectedStatuses.join(' or ')}, got ${response.status}`, expected: expectedStatuses.join(' or '), actual: String(response.status) }];
    }
    if (refusedStatuses && statusMatches(refusedStatuses.statuses, response.status)) {
      return [{ rule: 'status-expected', message: `${refusedStatuses.reason}, got ${response.status}`, expected: `not ${refusedStatuses.statuses.join(' or ')}`, actual: String(response.status) }];
    }
    return [];
  },
};
