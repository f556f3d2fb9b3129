/**
 * Ayrshare's error envelope, `{ action, status: "error", code, message, id? }`, with the reference
 * codes the document uses (its examples: 101 missing or incorrect parameters, 102 API key not
 * valid, 104 profile not found, 105 rate limit, 106 internal, 114 id not found, 383 already deleted).
 */
import type { AyrshareError } from '../../../../generated/ayrshare/index.js';
import { json, type HttpResult } from '../httpTypes.js';

export const AYRSHARE_ERRORS = {
  missingParameters: { status: 400, action: 'delete', code: 101, message: 'Missing or incorrect parameters. Please verify with the docs.' },
  unauthorized: { status: 401, action: 'authorization', code: 102, message: 'API Key not valid. Verify your API Key is correct.' },
  profileNotFound: { status: 404, action: 'delete', code: 104, message: 'Profile not found.' },
  rateLimited: { status: 429, action: 'ratelimit', code: 105, message: 'Rate limit exceeded. Please wait and try again.' },
  internal: { status: 500, action: 'delete', code: 106, message: 'Internal error. Please retry.' },
  idNotFound: { status: 400, action: 'delete', code: 114, message: 'Delete id not found.' },
  alreadyDeleted: { status: 400, action: 'delete', code: 383, message: 'The post is already deleted.' },
} as const;

export type AyrshareErrorName = keyof typeof AYRSHARE_ERRORS;

export function ayrshareError(name: AyrshareErrorName, extra: { id?: string; detail?: string } = {}, headers: Record<string, string> = {}): HttpResult {
  const { status, action, code, message } = AYRSHARE_ERRORS[name];
  const body: AyrshareError = { action, status: 'error', code, message: extra.detail ? `${message} ${extra.detail}` : message, ...(extra.id !== undefined ? { id: extra.id } : {}) };
  return json(status, body, headers);
}
