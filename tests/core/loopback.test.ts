import { describe, expect, it } from 'vitest';
import { isLoopbackHost, isLoopbackUrl } from '../../src/core/loopback.js';

describe('isLoopbackUrl', () => {
  it.each(['http://localhost:3000', 'http://127.0.0.1:1', 'http://127.9.9.9', 'http://[::1]:8080'])('%s is loopback', (url) => expect(isLoopbackUrl(url)).toBe(true));
  it.each(['http://10.0.0.1', 'http://192.168.1.2', 'https://api.layers.com', 'http://128.0.0.1', 'http://localhost.example.com', 'not a url'])('%s is not', (url) => expect(isLoopbackUrl(url)).toBe(false));
});

describe('IPv4-mapped loopback as the URL parser writes it', () => {
  // new URL('http://[::ffff:127.0.0.1]').hostname is '[::ffff:7f00:1]'
  it.each(['http://[::ffff:127.0.0.1]:8080', 'http://[::ffff:7f00:1]', 'http://[0:0:0:0:0:ffff:7f01:203]'])('%s is loopback', (url) => expect(isLoopbackUrl(url)).toBe(true));
  it.each(['http://[::ffff:a00:1]', 'http://[::ffff:8000:1]', 'http://[::7f00:1]'])('%s is not', (url) => expect(isLoopbackUrl(url)).toBe(false));
});

describe('a name under .localhost', () => {
  // Node resolves it like any name (no special case, unlike browsers): here through the hosts
  // file and then DNS, which may answer any address, so it may name another machine.
  it.each(['http://api.localhost', 'http://evil.localhost:8080'])('%s is not taken for loopback', (url) => expect(isLoopbackUrl(url)).toBe(false));
  it.each(['api.localhost', 'x.y.localhost'])('%s is not a loopback host', (host) => expect(isLoopbackHost(host)).toBe(false));
});

describe('isLoopbackHost', () => {
  it.each(['127.0.0.1', '::1', '[::1]', 'localhost', '::ffff:127.0.0.1'])('%s is loopback', (host) => expect(isLoopbackHost(host)).toBe(true));
  it.each(['0.0.0.0', '::', '10.1.2.3', '::ffff:10.0.0.1'])('%s is not', (host) => expect(isLoopbackHost(host)).toBe(false));
});
