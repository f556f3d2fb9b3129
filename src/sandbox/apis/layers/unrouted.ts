/**
 * Layers' answer to a path under `/v1` that no operation takes: the document says every error
 * uses the one envelope, with one code per status from a fixed catalog. A missing route is the
 * catalog's 404 `NOT_FOUND`. The catalog has no code for 405 and the sandbox invents none: a
 * method the path does not take is a 405 (with `Allow`) whose code is `NOT_FOUND`, the catalog's
 * code for "nothing here" (see README.md, Decisions). Request headers over the limit are a 431
 * (the catalog has no code for it either) with the code of a request refused as invalid, 400's
 * `VALIDATION`, naming `headers` in `details.fieldErrors` as the document assumes every
 * `VALIDATION` error names its field. All carry a request id, also in `X-Request-Id`.
 */
import type { LoadedApi } from '../../../core/loadApi.js';
import type { LayersError } from '../../../../generated/layers/index.js';
import { json } from '../../http/httpTypes.js';
import { unroutedText } from '../../http/unroutedText.js';
import type { UnroutedHandler } from '../../slice.js';
import { readContract } from './contract.js';
import { newRequestId } from './envelope.js';

export function layersUnrouted(api: LoadedApi): UnroutedHandler {
  const contract = readContract(api);
  const notFound = contract.code(404);
  const invalid = contract.code(400);
  return (miss) => {
    const requestId = newRequestId();
    const message = unroutedText(miss);
    const body: LayersError =
      miss.status === 431 ? { error: { code: invalid, message, requestId, details: { fieldErrors: { headers: [message] } } } } : { error: { code: notFound, message, requestId } };
    return json(miss.status, body, { 'X-Request-Id': requestId });
  };
}
