/**
 * Layers' error envelope, `{ error: { code, message, requestId, details? } }`, with the one code
 * each status carries in the catalog (LayersErrorCode in the document).
 */
import { randomBytes } from 'node:crypto';
import type { LayersError, LayersErrorCode, LayersErrorDetails } from '../../../../generated/layers/index.js';
import { json, type HttpResult } from '../httpTypes.js';
import { toFieldErrors, type Issue } from '../issues.js';

const CODE_OF_STATUS: Record<number, LayersErrorCode> = {
  400: 'VALIDATION',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN_SCOPE',
  404: 'NOT_FOUND',
  409: 'IDEMPOTENCY_CONFLICT',
  422: 'VALIDATION',
  429: 'RATE_LIMITED',
  500: 'INTERNAL',
  503: 'KILL_SWITCH',
};

/** `req_` and 16 random url-safe characters. */
export const newRequestId = () => `req_${randomBytes(12).toString('base64url')}`;

export function layersErrorBody(status: number, message: string, requestId: string, details?: LayersErrorDetails): LayersError {
  const code = CODE_OF_STATUS[status];
  if (!code) throw new Error(`Layers has no error code for status ${status}`);
  return { error: { code, message, requestId, ...(details ? { details } : {}) } };
}

export function layersError(status: number, message: string, requestId: string, details?: LayersErrorDetails, headers: Record<string, string> = {}): HttpResult {
  return json(status, layersErrorBody(status, message, requestId, details), headers);
}

export const validationError = (status: number, message: string, requestId: string, issues: Issue[]) =>
  layersError(status, message, requestId, { fieldErrors: toFieldErrors(issues) });

export const INTERNAL_MESSAGE = 'Internal error. Nothing was changed; safe to retry.';
