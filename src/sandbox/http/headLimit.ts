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

/** The size of the head as it came, in bytes: `METHOD target HTTP/x.y`, each `name: value` line, the blank line. */
export function headBytes(req: IncomingMessage): number {
  let size = Buffer.byteLength(`${req.method ?? ''} ${req.url ?? ''} HTTP/${req.httpVersion}\r\n\r\n`, 'latin1');
  const raw = req.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) size += Buffer.byteLength(raw[i] as string, 'latin1') + Buffer.byteLength(raw[i + 1] as string, 'latin1') + 4;
  return size;
}
