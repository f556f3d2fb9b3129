/** A Layers error body with the given code (and details), for checking per-status error schemas. */
export function layersError(code: string, details?: Record<string, unknown>): unknown {
  return { error: { code, message: 'x', requestId: 'req_abc123', ...(details ? { details } : {}) } };
}

/** The details each code requires by the document, so a body of that code is otherwise valid. */
export const DETAILS_BY_CODE: Record<string, Record<string, unknown> | undefined> = {
  VALIDATION: { fieldErrors: { name: ['Required'] } },
  FORBIDDEN_SCOPE: { requiredScope: 'influencers:write' },
  KILL_SWITCH: { scope: 'global' },
};

export const CODE_BY_STATUS: Record<string, string> = {
  '400': 'VALIDATION',
  '401': 'UNAUTHENTICATED',
  '403': 'FORBIDDEN_SCOPE',
  '404': 'NOT_FOUND',
  '409': 'IDEMPOTENCY_CONFLICT',
  '422': 'VALIDATION',
  '429': 'RATE_LIMITED',
  '500': 'INTERNAL',
  '503': 'KILL_SWITCH',
};
