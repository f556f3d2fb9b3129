// A --spec document is read from a file or a loopback URL only: a host that merely starts with
// "127." (127.0.0.1.example.com resolves wherever its DNS says) is an outside host.
import { describe, expect, it } from 'vitest';
import { loadForeignApi } from '../../src/core/loadApi.js';
import { adHocEntry } from '../../src/core/registry.js';

describe('loadForeignApi', () => {
  it.each(['http://127.0.0.1.example.com/openapi.json', 'http://127.evil.test/openapi.json', 'https://example.com/openapi.json'])('refuses %s before any request, saying only files and loopback URLs are read', async (url) => {
    await expect(loadForeignApi(adHocEntry('x', url), url)).rejects.toThrow(`OpenAPI document ${url}: only files and loopback URLs are read`);
  });
});
