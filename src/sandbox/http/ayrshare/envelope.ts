/**
 * Ayrshare's error envelope, `{ action, status: "error", code, message, id? }`. Each error is the
 * document's named example for it (action, reference code and message), so the sandbox answers
 * exactly what the document shows.
 */
import type { AyrshareError } from '../../../../generated/ayrshare/index.js';
import { documentedExample } from '../documentExamples.js';
import { json, type HttpResult } from '../httpTypes.js';

/** Error name → the status and named example of `DELETE /api/post` that documents it. */
const ERROR_EXAMPLES = {
  missingParameters: { status: 400, example: 'missingParameters' },
  unauthorized: { status: 401, example: 'unauthorized' },
  profileNotFound: { status: 404, example: 'notFound' },
  rateLimited: { status: 429, example: 'rateLimited' },
  internal: { status: 500, example: 'internal' },
  idNotFound: { status: 400, example: 'idNotFound' },
  alreadyDeleted: { status: 400, example: 'alreadyDeleted' },
} as const;

export type AyrshareErrorName = keyof typeof ERROR_EXAMPLES;

export function ayrshareError(name: AyrshareErrorName, extra: { id?: string; detail?: string } = {}, headers: Record<string, string> = {}): HttpResult {
  const { status, example } = ERROR_EXAMPLES[name];
  const { action, code, message } = documentedExample('ayrshare', 'delete', '/api/post', String(status), example) as AyrshareError;
  const body: AyrshareError = { action, status: 'error', code, message: extra.detail ? `${message} ${extra.detail}` : message, ...(extra.id !== undefined ? { id: extra.id } : {}) };
  return json(status, body, headers);
}
