/**
 * How large a request head (request line and headers) may be: Node's own limit, 16 KiB unless
 * node runs with `--max-http-header-size`. The sandbox enforces it itself, where the path is known,
 * so a head over it is answered in the envelope of the API whose path it names (431). Node's
 * parser is given four times as much, past which it refuses the bytes unread and only the neutral
 * JSON 431 can answer; its count of headers is not limited (by default it keeps the first 2,000
 * and drops the rest unseen), since the byte limit bounds them.
 */
import { maxHeaderSize, type IncomingMessage } from 'node:http';

export const HEAD_LIMIT_BYTES = maxHeaderSize;

/** What Node's HTTP parser reads at most (a head past it is a parse error, HPE_HEADER_OVERFLOW). */
export const PARSER_HEAD_LIMIT_BYTES = 4 * HEAD_LIMIT_BYTES;

/** The size of the head in bytes as Node's parser counts it against its limit (refused from the limit on): the request target, and each header's name and value. */
export function headBytes(req: IncomingMessage): number {
  let size = Buffer.byteLength(req.url ?? '', 'latin1');
  for (const text of req.rawHeaders) size += Buffer.byteLength(text, 'latin1');
  return size;
}
