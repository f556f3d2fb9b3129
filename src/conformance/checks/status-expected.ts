import { statusMatches } from '../../core/statusMatch.js';
import type { Check } from './check.js';

/** The status is one the case expects from this target. */
export const statusExpected: Check = {
  id: 'status-expected',
  description: 'the status is one the case expects',
  appliesTo: ({ expectedStatuses }) => expectedStatuses.length > 0,
  run: ({ expectedStatuses, response }) =>
    statusMatches(expectedStatuses, response.status)
      ? []
      : [{ rule: 'status-expected', message: `expected status ${expectedStatuses.join(' or ')}, got ${response.status}`, expected: expectedStatuses.join(' or '), actual: String(response.status) }],
};
