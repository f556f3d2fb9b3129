/**
 * Layers' error envelope, `{ error: { code, message, requestId, details? } }`, with the code the
 * document pins for each status (see contract.ts).
 */
import type { LayersError, LayersErrorDetails } from '../../../../generated/layers/index.js';
import { json, type HttpResult } from '../../http/httpTypes.js';
import { toFieldErrors, type Issue } from '../../http/issues.js';
import { randomBase64url } from '../../store/ids.js';
import type { LayersContract } from './contract.js';

/** `req_` and 16 random url-safe characters. */
export const newRequestId = () => `req_${randomBase64url(12)}`;

export interface LayersEnvelope {
  body(status: number, message: string, requestId: string, details?: LayersErrorDetails): LayersError;
  error(status: number, message: string, requestId: string, details?: LayersErrorDetails, headers?: Record<string, string>): HttpResult;
  validation(status: number, message: string, requestId: string, issues: Issue[]): HttpResult;
}

export function createEnvelope(contract: LayersContract): LayersEnvelope {
  const body: LayersEnvelope['body'] = (status, message, requestId, details) => ({ error: { code: contract.code(status), message, requestId, ...(details ? { details } : {}) } });
  const error: LayersEnvelope['error'] = (status, message, requestId, details, headers = {}) => json(status, body(status, message, requestId, details), headers);
  return { body, error, validation: (status, message, requestId, issues) => error(status, message, requestId, { fieldErrors: toFieldErrors(issues) }) };
}
