/**
 * Loopback rules shared by the suite (writes go only to this machine unless the user opts in) and
 * the sandbox (provider states are served only on loopback and only to loopback peers).
 */
import { isIP } from 'node:net';

/**
 * Whether a host name or address (`localhost`, 127.0.0.0/8, `::1`, IPv4-mapped `::ffff:127.x`) is
 * this machine. `0.0.0.0` and `::` are not, and neither is a name under `.localhost`
 * (`api.localhost`): browsers keep those on loopback, but Node resolves them like any name, through
 * the hosts file and then DNS, which may answer another machine's address.
 */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');
  if (bare === 'localhost') return true;
  if (isIP(bare) === 4) return bare.startsWith('127.');
  if (isIP(bare) === 6) return isLoopbackIPv6(bare);
  return false;
}

/** `::1`, or an IPv4-mapped 127.0.0.0/8 in any spelling (`::ffff:7f00:1`, as the URL parser writes `[::ffff:127.0.0.1]`). */
function isLoopbackIPv6(address: string): boolean {
  let compressed: string;
  try {
    compressed = new URL(`http://[${address}]`).hostname.slice(1, -1);
  } catch {
    return false;
  }
  if (compressed === '::1') return true;
  const mapped = /^::ffff:([0-9a-f]{1,4}):[0-9a-f]{1,4}$/.exec(compressed);
  return mapped !== null && parseInt(mapped[1] as string, 16) >> 8 === 127;
}

/** Whether a base URL points at this machine; a string that is no URL is not. */
export function isLoopbackUrl(baseUrl: string): boolean {
  let host: string;
  try {
    host = new URL(baseUrl).hostname;
  } catch {
    return false;
  }
  return isLoopbackHost(host);
}

/** `http://host:port` with IPv6 hosts bracketed. */
export const baseUrlOf = (host: string, port: number) => `http://${host.includes(':') && !host.startsWith('[') ? `[${host}]` : host}:${port}`;
