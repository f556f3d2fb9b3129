/**
 * Whether a request's declared `Content-Type` lets its body be read as JSON: `application/json`
 * or a `+json` type, in UTF-8 (RFC 8259 §8.1: JSON exchanged between systems is UTF-8). A body
 * declared as anything else (`text/plain`, form encoding, another charset) is not read as JSON
 * whatever it holds, and so is a body with no `Content-Type` at all: every vendor page sends its
 * body with `Content-Type: application/json`, and a server that guessed would act on bytes the
 * client never declared as JSON (a delete's optional body, a bulk id list). Only a request that
 * has a body is asked for one (readBody.ts reads an empty body as none). Duplicate `Content-Type`
 * headers arrive joined with a comma, and are no media type.
 */

/** `undefined` when the body may be read as JSON; else the one-line problem, naming the media type or charset. */
export function bodyMediaTypeProblem(contentType: string | undefined): string | undefined {
  if (contentType === undefined) return 'Content-Type is missing: send the body as application/json';
  const [typePart = '', ...params] = contentType.split(';');
  const type = typePart.trim().toLowerCase();
  if (type !== 'application/json' && !/^application\/[a-z0-9!#$&^_.+-]+\+json$/.test(type)) {
    return `Content-Type ${type || '(empty)'} is not JSON: send the body as application/json`;
  }
  for (const param of params) {
    const eq = param.indexOf('=');
    if (eq < 0 || param.slice(0, eq).trim().toLowerCase() !== 'charset') continue;
    const charset = param.slice(eq + 1).trim().replace(/^"(.*)"$/, '$1').toLowerCase();
    if (charset !== 'utf-8' && charset !== 'utf8') return `charset ${charset || '(empty)'} is not UTF-8: JSON bodies are UTF-8`;
  }
  return undefined;
}

/**
 * Whether a request's `Content-Encoding` leaves its body readable as it came: none, or only
 * `identity`. The sandbox decodes no content coding (the documents declare none), so a body
 * declared `gzip`, `br`, `deflate`… is refused, never read as if it were plain JSON; a server
 * that does not support a request's coding refuses it (RFC 9110 §8.4), in the API's own body error.
 */
export function bodyEncodingProblem(contentEncoding: string | undefined): string | undefined {
  if (contentEncoding === undefined) return undefined;
  const codings = contentEncoding.split(',').map((c) => c.trim().toLowerCase()).filter((c) => c !== '' && c !== 'identity');
  return codings.length === 0 ? undefined : `Content-Encoding ${codings.join(', ')} is not supported: send the body uncompressed`;
}

/**
 * Whether a request's `Transfer-Encoding` leaves its body readable once dechunked: `chunked`
 * alone (Node's parser undoes it, and only it). A coding listed before it (`gzip, chunked`) is
 * left on the bytes Node hands over, and the sandbox decodes none: such a body is refused, never
 * read as if it were plain JSON (RFC 9112 §6.1: a server refuses a transfer coding it does not
 * understand), in the API's own body error, as a `Content-Encoding` is.
 */
export function bodyTransferCodingProblem(transferEncoding: string | undefined): string | undefined {
  if (transferEncoding === undefined) return undefined;
  const codings = transferEncoding.split(',').map((c) => c.trim().toLowerCase()).filter((c) => c !== '' && c !== 'chunked');
  return codings.length === 0 ? undefined : `Transfer-Encoding ${codings.join(', ')} is not supported: send the body chunked or with a Content-Length, uncompressed`;
}
