/**
 * Ayrshare's answer to a path under `/api/post` that no operation takes: the document says its
 * envelope is the same for every error status, `{ action, status: "error", code, message }`, and
 * shows no example for a missing route or method. Both answers use the code of the document's 404
 * (the general "not found" code it assumes) and name the method as `action`; the 405 also carries
 * `Allow`. Request headers over the limit (431) carry the general code of a request the API
 * refuses, the 400 example `missingParameters`'s. The sandbox invents no reference code of its own
 * (see README.md, Decisions).
 */
import type { AyrshareError } from '../../../../generated/ayrshare/index.js';
import type { LoadedApi } from '../../../core/loadApi.js';
import { documentedExample } from '../../http/documentExamples.js';
import { json } from '../../http/httpTypes.js';
import { unroutedText } from '../../http/unroutedText.js';
import type { UnroutedHandler } from '../../slice.js';

export function ayrshareUnrouted(api: LoadedApi): UnroutedHandler {
  const { code: notFound } = documentedExample(api, 'deletePost', '404', 'notFound') as AyrshareError;
  const { code: invalid } = documentedExample(api, 'deletePost', '400', 'missingParameters') as AyrshareError;
  return (miss) => json(miss.status, { action: miss.method.toLowerCase().slice(0, 20), status: 'error', code: miss.status === 431 ? invalid : notFound, message: unroutedText(miss) } satisfies AyrshareError);
}
