import type { Check } from './check.js';

/** Every response's status is documented for its operation (exactly, by range, or by `default`). */
export const statusDocumented: Check = {
  id: 'status-documented',
  description: 'the status is documented for the operation',
  appliesTo: () => true,
  run: ({ statusKey, response, operation }) =>
    statusKey
      ? []
      : [{ rule: 'status-documented', message: `status ${response.status} is not documented for ${operation.operationId}`, expected: operation.statuses().join(', '), actual: String(response.status) }],
};
