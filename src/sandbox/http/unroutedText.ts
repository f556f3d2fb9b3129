/**
 * The English sentence an API's own 404, 405 or 431 for an unrouted request says (see slice.ts
 * `unrouted`). The path is echoed at most 200 characters long: the body is JSON, so nothing echoed
 * can end it or reach a header, and a 16 KB request target is not sent back whole.
 */
import type { Unrouted } from '../slice.js';
import { HEAD_LIMIT_BYTES } from './headLimit.js';

const MAX_ECHO = 200;

const echo = (text: string) => (text.length > MAX_ECHO ? `${text.slice(0, MAX_ECHO)}…` : text);

export function unroutedText(miss: Unrouted): string {
  if (miss.status === 431) return `The request headers are too large: send at most ${HEAD_LIMIT_BYTES / 1024} KiB of request line and headers.`;
  return miss.status === 404 ? `No operation at ${echo(miss.method)} ${echo(miss.pathname)}.` : `${echo(miss.pathname)} does not take ${echo(miss.method)} (only ${miss.allow ?? 'other methods'}).`;
}
