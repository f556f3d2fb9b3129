// The reproduce curl line quotes a document's text inert: a path, header or body holding `$(…)`,
// backquotes or `$VAR` runs nothing and reads no variable when the line is pasted into a shell;
// only the credential variables the suite wrote itself are expanded.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { prepareRequest } from '../../../src/conformance/run/sendRequest.js';
import type { RequestSpec } from '../../../src/conformance/model.js';
import type { Credentials } from '../../../src/conformance/run/credentials.js';
import { toOpenApiDocument } from '../../../src/openapi/loadDocument.js';

const dir = mkdtempSync(join(tmpdir(), 'curl-line-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const marker = join(dir, 'pwned');
const doc = toOpenApiDocument({ openapi: '3.1.0', info: { title: 't', version: '1' }, paths: {}, components: { securitySchemes: { key: { type: 'apiKey', in: 'header', name: 'X-Api-Key' } } } }, 'inline');
const credentials: Credentials = { apiKey: 'the-real-key', apiKeyEnv: 'SUITE_TEST_KEY', extraHeaders: [] };
const evil = `$(touch ${marker})\`touch ${marker}\`$HOME\${HOME}`;

/** The arguments curl would get when `line` is pasted into bash (curl replaced by a printer). */
function pasted(line: string): string[] {
  const out = execFileSync('bash', ['-c', `curl() { printf '%s\\n' "$@"; }; ${line}`], { env: { PATH: process.env.PATH ?? '', HOME: '/home/someone', SUITE_TEST_KEY: 'the-real-key' } }).toString();
  return out.split('\n');
}

describe('the reproduce curl line', () => {
  it.each([
    ['a path', { pathTemplate: `/a/${evil}` }],
    ['a header value', { headers: { 'X-Note': evil } }],
    ['a body', { body: { json: { note: evil } } }],
    ['a query value', { query: { q: evil } }],
  ])('%s holding $( ), backquotes and $VAR: pasted, it runs nothing and expands only the key variable', (_, extra) => {
    const spec: RequestSpec = { method: 'POST', pathTemplate: '/a', pathParams: {}, query: {}, headers: {}, auth: { kind: 'scheme', scheme: 'key' }, ...extra } as RequestSpec;
    const { curl } = prepareRequest(doc, 'http://127.0.0.1:1', spec, credentials);
    rmSync(marker, { force: true });
    const args = pasted(curl);
    expect(existsSync(marker), curl).toBe(false);
    expect(args.join('\n')).not.toContain('/home/someone');
    expect(args).toContain('X-Api-Key: the-real-key');
  });
});
