import { isUtf8 } from 'node:buffer';
import type { IncomingMessage } from 'node:http';
import { bodyEncodingProblem, bodyMediaTypeProblem, bodyTransferCodingProblem } from './bodyMediaType.js';
import type { RawBody } from './httpTypes.js';

/** Default body limit: the largest documented body (a 10,000-uuid array, about 390 KB) fits with ample room. */
export const DEFAULT_BODY_LIMIT_BYTES = 2 * 1024 * 1024;

const EMPTY: RawBody = Object.freeze({ kind: 'empty' });

/**
 * How long a body may take: `idleMs` without a byte, `totalMs` from the headers to its last byte.
 * Past either, the body is `stalled` (a slowloris client trickling a byte at a time never trips
 * the first, always the second). A 2 MB body within 30 s needs about 70 KB/s, far below loopback.
 */
export interface BodyTimeouts {
  idleMs: number;
  totalMs: number;
}

export const DEFAULT_BODY_TIMEOUTS: BodyTimeouts = Object.freeze({ idleMs: 10_000, totalMs: 30_000 });

const seconds = (ms: number) => `${+(ms / 1000).toFixed(2)} s`;

/** The client went away before its body ended: nobody to answer, one line in the log. */
export class ClientAborted extends Error {
  override name = 'ClientAborted';
}

/**
 * Reads the whole request body as UTF-8, up to `limitBytes`. A body over the limit (declared, or
 * found so while reading) is `too-large` at once, so its answer goes out while the client is still
 * sending; the rest is drained and discarded, unless it goes on past `limitBytes * 8`, when the
 * connection is dropped. A body that is no UTF-8 is
 * `unreadable` (never decoded with U+FFFD in place of the bytes it could not read); one declared
 * as another media type or charset, or with a coding (content or transfer) other than chunked,
 * carries the `mediaTypeProblem` an API's validation refuses. A
 * body that stops arriving, or takes longer than `timeouts` allow, is `unreadable` and `stalled`:
 * it is answered (the API's body error) and the connection closed, its rest never read. So is a
 * body read no further once `broken` aborts (the HTTP parser refused its framing: a chunk size
 * that does not parse), with the abort's reason as the problem.
 */
export function readBody(req: IncomingMessage, limitBytes = DEFAULT_BODY_LIMIT_BYTES, timeouts: BodyTimeouts = DEFAULT_BODY_TIMEOUTS, broken?: AbortSignal): Promise<RawBody> {
  // HTTP/1.1: a request with neither header has no body (RFC 9112 §6.3), so there is nothing to wait for.
  const length = req.headers['content-length'];
  if (req.headers['transfer-encoding'] === undefined && (length === undefined || length === '0')) {
    req.resume();
    return Promise.resolve(EMPTY);
  }
  if (length !== undefined && Number(length) > limitBytes) {
    // Declared too large: answered at once, without waiting for a body that will not be read (a
    // client still sending may read the answer early; curl, asking `Expect: 100-continue`, gets it
    // instead of the 100). What still arrives is discarded, and the connection dropped past
    // `limitBytes * 8`.
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limitBytes * 8) req.destroy();
    });
    req.on('error', () => undefined);
    req.resume();
    return Promise.resolve({ kind: 'too-large', limitBytes });
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    let settled = false;
    const stall = (problem: string) => {
      if (settled) return;
      finish();
      req.pause();
      resolve({ kind: 'unreadable', problem, stalled: true });
    };
    const idle = setTimeout(() => stall(`The body stopped arriving: no byte for ${seconds(timeouts.idleMs)}`), timeouts.idleMs);
    const whole = setTimeout(() => stall(`The body did not arrive within ${seconds(timeouts.totalMs)}`), timeouts.totalMs);
    const onBroken = () => stall(String(broken?.reason));
    broken?.addEventListener('abort', onBroken, { once: true });
    const finish = () => {
      settled = true;
      clearTimeout(idle);
      clearTimeout(whole);
      broken?.removeEventListener('abort', onBroken);
    };
    req.on('data', (chunk: Buffer) => {
      if (settled && !tooLarge) return; // stalled: answered already, the rest is not read
      if (!settled) idle.refresh();
      size += chunk.length;
      if (size > limitBytes * 8) {
        req.destroy();
        return;
      }
      if (size > limitBytes) {
        // Answered now, as a declared length over the limit is; the rest is drained as above.
        if (!tooLarge) {
          finish();
          resolve({ kind: 'too-large', limitBytes });
        }
        tooLarge = true;
        chunks.length = 0;
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (settled) return;
      finish();
      const bytes = Buffer.concat(chunks);
      if (!isUtf8(bytes)) return resolve({ kind: 'unreadable', problem: 'The body is not valid UTF-8' });
      const text = bytes.toString('utf8');
      if (text.trim() === '') return resolve(EMPTY);
      const mediaTypeProblem =
        bodyTransferCodingProblem(req.headers['transfer-encoding']) ?? bodyEncodingProblem(req.headers['content-encoding']) ?? bodyMediaTypeProblem(req.headers['content-type']);
      resolve(mediaTypeProblem ? { kind: 'text', text, mediaTypeProblem } : { kind: 'text', text });
    });
    req.on('error', (error) => {
      finish();
      reject(new ClientAborted(`the client closed the connection before the body ended (${error.message})`));
    });
    req.on('close', () => {
      finish();
      if (!req.complete) reject(new ClientAborted('the client closed the connection before the body ended'));
    });
  });
}
