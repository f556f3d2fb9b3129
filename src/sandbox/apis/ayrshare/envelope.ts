/**
 * Ayrshare's error envelope, `{ action, status: "error", code, message, id? }`. Each error is the
 * document's named example for it (action, reference code and message), so the sandbox answers
 * exactly what the document shows.
 */
import type { AyrshareError } from '../../../../generated/ayrshare/index.js';
import type { LoadedApi } from '../../../core/loadApi.js';
import { documentedExample } from '../../http/documentExamples.js';
import { json, type HttpResult } from '../../http/httpTypes.js';

/** Error name → the status and named example of `deletePost` that documents it. */
const ERROR_EXAMPLES = {
  missingParameters: { status: 400, example: 'missingParameters' },
  unauthorized: { status: 401, example: 'unauthorized' },
  forbidden: { status: 403, example: 'forbidden' },
  profileNotFound: { status: 404, example: 'notFound' },
  rateLimited: { status: 429, example: 'rateLimited' },
  internal: { status: 500, example: 'internal' },
  idNotFound: { status: 400, example: 'idNotFound' },
  alreadyDeleted: { status: 400, example: 'alreadyDeleted' },
  notManuallyDeleted: { status: 400, example: 'notManuallyDeleted' },
} as const;

export type AyrshareErrorName = keyof typeof ERROR_EXAMPLES;
export type AyrshareErrors = (name: AyrshareErrorName, extra?: { id?: string; detail?: string; markManualDeleted?: true }, headers?: Record<string, string>) => HttpResult;

/** The errors of `api`'s document, read once (a missing example stops the start). */
export function createAyrshareErrors(api: LoadedApi): AyrshareErrors {
  const examples = new Map(
    Object.entries(ERROR_EXAMPLES).map(([name, { status, example }]) => [name, { status, example: documentedExample(api, 'deletePost', String(status), example) as AyrshareError }]),
  );
  return (name, extra = {}, headers = {}) => {
    const { status, example } = examples.get(name)!;
    const { action, code, message } = example;
    const body: AyrshareError = { action, status: 'error', code, message: extra.detail ? `${message} ${extra.detail}` : message, ...(extra.id !== undefined ? { id: extra.id } : {}), ...(extra.markManualDeleted ? { markManualDeleted: true } : {}) };
    return json(status, body, headers);
  };
}
