/**
 * Layers' answer to a path under `/v1` that no operation takes: the document says every error
 * uses the one envelope, with one code per status from a fixed catalog. A missing route is the
 * catalog's 404 `NOT_FOUND`. The catalog has no code for 405 and the sandbox invents none: a
 * method the path does not take is a 405 (with `Allow`) whose code is `NOT_FOUND`, the catalog's
 * code for "nothing here" (see README.md, Decisions). Both carry a request id, also in `X-Request-Id`.
 */
import type { LoadedApi } from '../../../core/loadApi.js';
import type { LayersError } from '../../../../generated/layers/index.js';
import { json } from '../../http/httpTypes.js';
import { unroutedText } from '../../http/unroutedText.js';
import type { UnroutedHandler } from '../../slice.js';
import { readContract } from './contract.js';
import { newRequestId } from './envelope.js';

export function layersUnrouted(api: LoadedApi): UnroutedHandler {
  const code = readContract(api).code(404);
  return (miss) => {
    const requestId = newRequestId();
    const body: LayersError = { error: { code, message: unroutedText(miss), requestId } };
    return json(miss.status, body, { 'X-Request-Id': requestId });
  };
}
