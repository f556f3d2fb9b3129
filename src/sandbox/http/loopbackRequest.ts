/**
 * Whether a request is from this machine AND meant for it: the peer on loopback, and, when the
 * request names them, a `Host` and an `Origin` that are loopback names too. A web page open in a
 * browser on this machine is a loopback peer; it still names its own site, in `Origin` (every
 * browser POST carries one) and, when it reaches the sandbox through a DNS name it rebinds to
 * 127.0.0.1, in `Host`. An absolute-form target's host (`POST http://host/__states`) stands in for
 * `Host` (RFC 9112 §3.2.2), so it must be a loopback name too. What answers only this machine's
 * own tools (provider states) asks this.
 */
import { isLoopbackHost } from '../../core/loopback.js';
import { headerValue, type SandboxRequest } from './httpTypes.js';

/** The host name of a URL, or `undefined` when `text` is none (`null`, two joined values…). */
function hostnameOf(text: string): string | undefined {
  try {
    return new URL(text).hostname;
  } catch {
    return undefined;
  }
}

export function isLoopbackRequest(request: SandboxRequest): boolean {
  if (request.remoteAddress !== undefined && !isLoopbackHost(request.remoteAddress)) return false;
  if (request.targetHost !== undefined && !isLoopbackHost(request.targetHost)) return false;
  const host = headerValue(request.headers, 'host');
  if (host !== undefined) {
    const name = hostnameOf(`http://${host}`);
    if (name === undefined || !isLoopbackHost(name)) return false;
  }
  const origin = headerValue(request.headers, 'origin');
  if (origin !== undefined) {
    const name = hostnameOf(origin);
    if (name === undefined || !isLoopbackHost(name)) return false;
  }
  return true;
}
