import { isLoopbackUrl } from '../../conformance/run/isLoopback.js';

/**
 * Whether a listen host or peer address (`127.0.0.1`, `::1`, `localhost`, and an IPv4-mapped
 * `::ffff:127.0.0.1`) is a loopback address. `0.0.0.0` and `::` are not.
 */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');
  try {
    return isLoopbackUrl(`http://${bare.includes(':') ? `[${bare}]` : bare}/`);
  } catch {
    return false;
  }
}

/** `http://host:port` with IPv6 hosts bracketed. */
export const baseUrlOf = (host: string, port: number) => `http://${host.includes(':') && !host.startsWith('[') ? `[${host}]` : host}:${port}`;
