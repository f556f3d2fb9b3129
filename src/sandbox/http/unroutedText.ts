/**
 * The English sentence an API's own 404 or 405 for an unrouted request says (see slice.ts
 * `unrouted`). The path is echoed at most 200 characters long: the body is JSON, so nothing echoed
 * can end it or reach a header, and a 16 KB request target is not sent back whole.
 */
import type { Unrouted } from '../slice.js';

const MAX_ECHO = 200;

const echo = (text: string) => (text.length > MAX_ECHO ? `${text.slice(0, MAX_ECHO)}…` : text);

export function unroutedText(miss: Unrouted): string {
  return miss.status === 404 ? `No operation at ${echo(miss.method)} ${echo(miss.pathname)}.` : `${echo(miss.pathname)} does not take ${echo(miss.method)} (only ${miss.allow ?? 'other methods'}).`;
}
