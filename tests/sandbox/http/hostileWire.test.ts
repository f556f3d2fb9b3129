// Hostile requests on a real socket, where the bytes, the headers and the HTTP framing are the
// client's: a body that is no UTF-8, a body declared as another media type or charset, duplicate
// credentials, HEAD, and requests Node's HTTP parser refuses. Each gets the API's own documented
// error (or the neutral JSON body outside any API), nothing is stored, and the server still answers.
import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import type { ListeningSandbox } from '../../../src/sandbox/http/createSandboxServer.js';
import { type Harness, useListeningHarness } from './harness.js';

let h: Harness;
let server: ListeningSandbox;
useListeningHarness((harness, listening) => {
  h = harness;
  server = listening;
});

const influencerPath = () => `/v1/influencers/inf_${h.demo.layers.influencerId}`;
const layersHeaders = (extra: Record<string, string> = {}) => ({ 'X-Api-Key': h.demo.layers.apiKey, ...extra });
const nameNow = async () => (await h.store.layers.getInfluencer(h.demo.layers.organizationId, h.demo.layers.influencerId))?.name;

/** Sends raw bytes and resolves with the status, headers and body the server wrote before closing. */
function rawExchange(bytes: Buffer | string): Promise<{ status: number; head: string; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(server.port, '127.0.0.1', () => socket.end(bytes));
    const chunks: Buffer[] = [];
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const [head = '', ...rest] = text.split('\r\n\r\n');
      resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0), head, body: rest.join('\r\n\r\n') });
    });
    socket.on('error', reject);
  });
}

const stillServes = async () => (await fetch(`${server.baseUrl}${influencerPath()}`, { headers: layersHeaders() })).status;

describe('bodies that are not UTF-8 JSON', () => {
  it('a body with bytes that are no UTF-8 (Latin-1 é): Layers 422 on body, nothing stored', async () => {
    const before = await nameNow();
    const r = await fetch(`${server.baseUrl}${influencerPath()}`, {
      method: 'PATCH',
      headers: layersHeaders({ 'Content-Type': 'application/json' }),
      body: Buffer.concat([Buffer.from('{"name":"Caf'), Buffer.from([0xe9]), Buffer.from('"}')]),
    });
    expect(r.status).toBe(422);
    const body = (await r.json()) as { error: { code: string; details: { fieldErrors: Record<string, string[]> } } };
    expect(body.error.code).toBe('VALIDATION');
    expect(body.error.details.fieldErrors.body).toEqual(['The body is not valid UTF-8']);
    expect(await nameNow()).toBe(before);
  });

  it('a body with bytes that are no UTF-8: Ayrshare 400 code 101, Hoko 400', async () => {
    const ayrshare = await fetch(`${server.baseUrl}/api/post`, {
      method: 'DELETE',
      headers: { Authorization: `Bearer ${h.demo.ayrshare.apiKey}`, 'Content-Type': 'application/json' },
      body: Buffer.concat([Buffer.from(`{"id":"${h.demo.ayrshare.postIds[0]!.slice(0, 19)}`), Buffer.from([0xc3]), Buffer.from('"}')]),
    });
    expect(ayrshare.status).toBe(400);
    expect(((await ayrshare.json()) as { code: number }).code).toBe(101);
    const hoko = await fetch(`${server.baseUrl}/api/partners`, {
      method: 'DELETE',
      headers: { Authorization: `Bearer ${h.demo.hoko.apiKey}`, 'Content-Type': 'application/json' },
      body: Buffer.concat([Buffer.from(`["${h.demo.hoko.partnerIds[0]}","`), Buffer.from([0xff]), Buffer.from('"]')]),
    });
    expect(hoko.status).toBe(400);
    expect(await hoko.json()).toEqual({ error: { en: 'Invalid request', ar: 'طلب غير صالح' } });
    expect(await h.store.hoko.deletePartners(h.demo.hoko.workspaceId, [])).toEqual({ kind: 'invalid', ids: [] });
  });

  it.each([
    ['text/plain', /Content-Type text\/plain is not JSON/],
    ['application/x-www-form-urlencoded', /Content-Type application\/x-www-form-urlencoded is not JSON/],
    ['application/json; charset=iso-8859-1', /charset iso-8859-1 is not UTF-8/],
    ['application/json; charset="utf-16"', /charset utf-16 is not UTF-8/],
  ])('a JSON body declared as %s: Layers 422 on body naming the media type, nothing stored', async (contentType, message) => {
    const before = await nameNow();
    const r = await fetch(`${server.baseUrl}${influencerPath()}`, { method: 'PATCH', headers: layersHeaders({ 'Content-Type': contentType }), body: '{"name":"Declared otherwise"}' });
    expect(r.status).toBe(422);
    const body = (await r.json()) as { error: { details: { fieldErrors: Record<string, string[]> } } };
    expect(body.error.details.fieldErrors.body?.[0]).toMatch(message);
    expect(await nameNow()).toBe(before);
  });

  it.each(['application/json', 'application/json; charset=utf-8', 'application/JSON; Charset="UTF-8"', 'application/merge-patch+json'])('a JSON body declared as %s is read', async (contentType) => {
    const r = await fetch(`${server.baseUrl}${influencerPath()}`, { method: 'PATCH', headers: layersHeaders({ 'Content-Type': contentType }), body: '{"name":"Ava Chen"}' });
    expect(r.status).toBe(200);
  });

  it('a JSON body with no Content-Type: Layers 422 VALIDATION on body naming the missing header, nothing stored', async () => {
    const before = await nameNow();
    const answer = await rawExchange(
      `PATCH ${influencerPath()} HTTP/1.1\r\nHost: x\r\nX-Api-Key: ${h.demo.layers.apiKey}\r\nContent-Length: 27\r\nConnection: close\r\n\r\n{"name":"No media type at"}`,
    );
    expect(answer.status).toBe(422);
    const body = JSON.parse(answer.body) as { error: { code: string; details: { fieldErrors: Record<string, string[]> } } };
    expect(body.error.code).toBe('VALIDATION');
    expect(body.error.details.fieldErrors.body).toEqual(['Content-Type is missing: send the body as application/json']);
    expect(await nameNow()).toBe(before);
  });

  it('a Layers delete whose optional body has no Content-Type: 422, the influencer is not deleted', async () => {
    const { id } = await h.store.layers.states.createInfluencer(h.demo.layers.organizationId, {});
    const body = '{"reason":"No media type"}';
    const answer = await rawExchange(
      `DELETE /v1/influencers/inf_${id} HTTP/1.1\r\nHost: x\r\nX-Api-Key: ${h.demo.layers.apiKey}\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`,
    );
    expect(answer.status).toBe(422);
    expect(await h.store.layers.getInfluencer(h.demo.layers.organizationId, id)).not.toBeNull();
  });

  it('a chunked JSON body with no Content-Type: Ayrshare 400 code 101 and Hoko 400, nothing deleted', async () => {
    const { ids } = await h.store.hoko.states.createPartners(h.demo.hoko.workspaceId, 1);
    const hokoBody = JSON.stringify(ids);
    const hoko = await rawExchange(
      `DELETE /api/partners HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${h.demo.hoko.apiKey}\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n${hokoBody.length.toString(16)}\r\n${hokoBody}\r\n0\r\n\r\n`,
    );
    expect(hoko.status).toBe(400);
    expect(JSON.parse(hoko.body)).toEqual({ error: { en: 'Invalid request', ar: 'طلب غير صالح' } });
    expect((await h.store.hoko.deletePartners(h.demo.hoko.workspaceId, ids)).kind).toBe('deleted');
    const ayrBody = JSON.stringify({ deleteAllScheduled: true });
    const ayrshare = await rawExchange(
      `DELETE /api/post HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${h.demo.ayrshare.apiKey}\r\nContent-Length: ${ayrBody.length}\r\nConnection: close\r\n\r\n${ayrBody}`,
    );
    expect(ayrshare.status).toBe(400);
    expect(JSON.parse(ayrshare.body)).toMatchObject({ action: 'delete', status: 'error', code: 101 });
  });

  it('a request with no body and no Content-Type is no body error (the revoke page sends none)', async () => {
    const answer = await rawExchange(`DELETE /api/partners HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${h.demo.hoko.apiKey}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`);
    expect(answer.status).toBe(400);
    const patch = await rawExchange(`PATCH ${influencerPath()} HTTP/1.1\r\nHost: x\r\nX-Api-Key: ${h.demo.layers.apiKey}\r\nConnection: close\r\n\r\n`);
    expect(JSON.parse(patch.body).error.details.fieldErrors.body).toEqual(['A JSON body is required']);
  });

  it.each(['gzip', 'br', 'deflate, identity'])('a JSON body declared Content-Encoding: %s is not read as plain JSON: Layers 422 on body naming the coding, nothing stored', async (coding) => {
    const before = await nameNow();
    const body = '{"name":"Encoded otherwise"}';
    const answer = await rawExchange(
      `PATCH ${influencerPath()} HTTP/1.1\r\nHost: x\r\nX-Api-Key: ${h.demo.layers.apiKey}\r\nContent-Type: application/json\r\nContent-Encoding: ${coding}\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`,
    );
    expect(answer.status).toBe(422);
    const parsed = JSON.parse(answer.body) as { error: { details: { fieldErrors: Record<string, string[]> } } };
    expect(parsed.error.details.fieldErrors.body?.[0]).toMatch(/^Content-Encoding .+ is not supported: send the body uncompressed$/);
    expect(await nameNow()).toBe(before);
  });

  it('Content-Encoding: identity is no coding: the body is read', async () => {
    const body = '{"name":"Ava Chen"}';
    const answer = await rawExchange(
      `PATCH ${influencerPath()} HTTP/1.1\r\nHost: x\r\nX-Api-Key: ${h.demo.layers.apiKey}\r\nContent-Type: application/json\r\nContent-Encoding: identity\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`,
    );
    expect(answer.status).toBe(200);
  });

  it.each(['gzip, chunked', 'deflate, chunked', 'x-custom, chunked'])('a JSON body sent with Transfer-Encoding: %s is not read as plain JSON: Hoko 400, Layers 422 naming the coding, nothing changed', async (codings) => {
    const chunked = (text: string) => `${Buffer.byteLength(text).toString(16)}\r\n${text}\r\n0\r\n\r\n`;
    const { ids } = await h.store.hoko.states.createPartners(h.demo.hoko.workspaceId, 1);
    const hoko = await rawExchange(
      `DELETE /api/partners HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${h.demo.hoko.apiKey}\r\nContent-Type: application/json\r\nTransfer-Encoding: ${codings}\r\nConnection: close\r\n\r\n${chunked(JSON.stringify(ids))}`,
    );
    expect(hoko.status).toBe(400);
    expect(await h.store.hoko.deletePartners(h.demo.hoko.workspaceId, ids)).toEqual({ kind: 'deleted', deletedIds: ids });

    const before = await nameNow();
    const layers = await rawExchange(
      `PATCH ${influencerPath()} HTTP/1.1\r\nHost: x\r\nX-Api-Key: ${h.demo.layers.apiKey}\r\nContent-Type: application/json\r\nTransfer-Encoding: ${codings}\r\nConnection: close\r\n\r\n${chunked('{"name":"Coded otherwise"}')}`,
    );
    expect(layers.status).toBe(422);
    const parsed = JSON.parse(layers.body) as { error: { details: { fieldErrors: Record<string, string[]> } } };
    expect(parsed.error.details.fieldErrors.body?.[0]).toMatch(/^Transfer-Encoding .+ is not supported: send the body chunked or with a Content-Length, uncompressed$/);
    expect(await nameNow()).toBe(before);
  });

  it('Transfer-Encoding: chunked alone is no coding of the content: the body is read', async () => {
    const body = '{"name":"Ava Chen"}';
    const answer = await rawExchange(
      `PATCH ${influencerPath()} HTTP/1.1\r\nHost: x\r\nX-Api-Key: ${h.demo.layers.apiKey}\r\nContent-Type: application/json\r\nTransfer-Encoding: Chunked\r\nConnection: close\r\n\r\n${body.length.toString(16)}\r\n${body}\r\n0\r\n\r\n`,
    );
    expect(answer.status).toBe(200);
  });

  it('Hoko: ids declared as text/plain are not read; 400, nothing deleted', async () => {
    const { ids } = await h.store.hoko.states.createPartners(h.demo.hoko.workspaceId, 1);
    const r = await fetch(`${server.baseUrl}/api/partners`, { method: 'DELETE', headers: { Authorization: `Bearer ${h.demo.hoko.apiKey}`, 'Content-Type': 'text/plain' }, body: JSON.stringify(ids) });
    expect(r.status).toBe(400);
    expect(await h.store.hoko.deletePartners(h.demo.hoko.workspaceId, ids)).toEqual({ kind: 'deleted', deletedIds: ids });
  });
});

describe('Expect: 100-continue (what curl sends with a large body)', () => {
  it('a body declared over the limit: the API\'s answer comes instead of the 100, and no body need be sent', async () => {
    const answer = await rawExchange(
      `DELETE /api/partners HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${h.demo.hoko.apiKey}\r\nContent-Type: application/json\r\nContent-Length: ${20 * 1024 * 1024}\r\nExpect: 100-continue\r\n\r\n`,
    );
    expect(answer.head).not.toMatch(/100 Continue/);
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body)).toEqual({ error: { en: 'Invalid request', ar: 'طلب غير صالح' } });
  });

  it('a body within the limit: 100 Continue, then the answer to the body', async () => {
    const body = JSON.stringify({ name: 'Ava Chen' });
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(server.port, '127.0.0.1', () =>
        socket.write(`PATCH ${influencerPath()} HTTP/1.1\r\nHost: x\r\nX-Api-Key: ${h.demo.layers.apiKey}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n`),
      );
      let text = '';
      socket.on('data', (c: Buffer) => {
        if (text === '' && c.toString().startsWith('HTTP/1.1 100')) socket.write(body);
        text += c.toString();
      });
      socket.on('close', () => resolve(text));
      socket.on('error', reject);
    });
    expect(answer).toMatch(/^HTTP\/1\.1 100 Continue\r\n\r\nHTTP\/1\.1 200 OK/);
  });
});

describe('duplicate credentials', () => {
  it('two Authorization headers, the first valid: Layers 401, not the first one read', async () => {
    const answer = await rawExchange(
      `GET ${influencerPath()} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${h.demo.layers.apiKey}\r\nAuthorization: Bearer someone-else\r\nConnection: close\r\n\r\n`,
    );
    expect(answer.status).toBe(401);
    expect(JSON.parse(answer.body)).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
  });

  it('a Bearer key and a different X-Api-Key: Layers 401 whichever of the two is valid, and the same key in both is one credential', async () => {
    const path = `${server.baseUrl}${influencerPath()}`;
    const valid = h.demo.layers.apiKey;
    const bearerValid = await fetch(path, { headers: { Authorization: `Bearer ${valid}`, 'X-Api-Key': 'lp_someone_else' } });
    expect(bearerValid.status).toBe(401);
    expect(((await bearerValid.json()) as { error: { code: string } }).error.code).toBe('UNAUTHENTICATED');
    expect((await fetch(path, { headers: { Authorization: 'Bearer lp_someone_else', 'X-Api-Key': valid } })).status).toBe(401);
    expect((await fetch(path, { headers: { Authorization: `Bearer ${valid}`, 'X-Api-Key': valid } })).status).toBe(200);
  });

  it('two Authorization headers to Hoko: 401 in its envelope, nothing deleted', async () => {
    const { ids } = await h.store.hoko.states.createPartners(h.demo.hoko.workspaceId, 1);
    const body = JSON.stringify(ids);
    const answer = await rawExchange(
      `DELETE /api/partners HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${h.demo.hoko.apiKey}\r\nAuthorization: Bearer ${h.demo.hoko.apiKey}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`,
    );
    expect(answer.status).toBe(401);
    expect(JSON.parse(answer.body)).toEqual({ error: { en: 'Invalid API key', ar: 'مفتاح API غير صالح' } });
    expect((await h.store.hoko.deletePartners(h.demo.hoko.workspaceId, ids)).kind).toBe('deleted');
  });
});

describe('a header parameter sent twice', () => {
  it('two Idempotency-Key headers on a revoke: Layers 400 VALIDATION naming the header, the account not revoked', async () => {
    const { id } = await h.store.layers.states.createSocialAccount(h.demo.layers.organizationId, 1);
    const path = `/v1/social-accounts/sa_${id}`;
    const answer = await rawExchange(
      `DELETE ${path} HTTP/1.1\r\nHost: x\r\nX-Api-Key: ${h.demo.layers.apiKey}\r\nIdempotency-Key: first\r\nIdempotency-Key: second\r\nConnection: close\r\n\r\n`,
    );
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body)).toMatchObject({ error: { code: 'VALIDATION', details: { fieldErrors: { 'Idempotency-Key': ['Must be given at most once'] } } } });
    const revoke = await fetch(`${server.baseUrl}${path}`, { method: 'DELETE', headers: layersHeaders() });
    expect(((await revoke.json()) as { canceledScheduledPosts: number }).canceledScheduledPosts).toBe(1);
  });

  it('one Idempotency-Key holding a comma is one key, not two', async () => {
    const { id } = await h.store.layers.states.createSocialAccount(h.demo.layers.organizationId, 0);
    const answer = await rawExchange(`DELETE /v1/social-accounts/sa_${id} HTTP/1.1\r\nHost: x\r\nX-Api-Key: ${h.demo.layers.apiKey}\r\nIdempotency-Key: a, b\r\nConnection: close\r\n\r\n`);
    expect(answer.status).toBe(200);
  });

  it('two Profile-Key headers to Ayrshare: 400 code 101, nothing deleted', async () => {
    const body = JSON.stringify({ deleteAllScheduled: true });
    const answer = await rawExchange(
      `DELETE /api/post HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${h.demo.ayrshare.apiKey}\r\nProfile-Key: PROFILE_KEY\r\nProfile-Key: PROFILE_KEY\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`,
    );
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body)).toMatchObject({ action: 'delete', status: 'error', code: 101 });
  });
});

describe('HEAD', () => {
  it('HEAD of a GET operation answers as GET would, without a body', async () => {
    const get = await fetch(`${server.baseUrl}${influencerPath()}`, { headers: layersHeaders() });
    const head = await fetch(`${server.baseUrl}${influencerPath()}`, { method: 'HEAD', headers: layersHeaders() });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-type')).toBe(get.headers.get('content-type'));
    expect(await head.text()).toBe('');
  });

  it('HEAD without a key: the 401 status and headers of GET; Allow of a write-only path lists no HEAD', async () => {
    expect((await fetch(`${server.baseUrl}${influencerPath()}`, { method: 'HEAD' })).status).toBe(401);
    const r = await fetch(`${server.baseUrl}/api/partners`, { method: 'HEAD' });
    expect(r.status).toBe(405);
    expect(r.headers.get('allow')).toBe('DELETE');
    const options = await fetch(`${server.baseUrl}${influencerPath()}`, { method: 'OPTIONS' });
    expect(options.headers.get('allow')).toBe('GET, HEAD, DELETE, PATCH');
  });
});

describe('request targets routed as sent, never normalised', () => {
  it('a delete through a dot segment (inf_A/../inf_B, literal or %2e%2e) is a 404 and deletes neither influencer', async () => {
    const a = (await h.store.layers.states.createInfluencer(h.demo.layers.organizationId, {})).id;
    const b = (await h.store.layers.states.createInfluencer(h.demo.layers.organizationId, {})).id;
    for (const dots of ['..', '%2e%2e', '.%2E']) {
      const answer = await rawExchange(`DELETE /v1/influencers/inf_${a}/${dots}/inf_${b} HTTP/1.1\r\nHost: x\r\nX-Api-Key: ${h.demo.layers.apiKey}\r\nConnection: close\r\n\r\n`);
      expect(answer.status).toBe(404);
      expect(JSON.parse(answer.body)).toMatchObject({ error: { code: 'NOT_FOUND' } });
    }
    expect(await h.store.layers.getInfluencer(h.demo.layers.organizationId, a)).not.toBeNull();
    expect(await h.store.layers.getInfluencer(h.demo.layers.organizationId, b)).not.toBeNull();
  });

  it.each([
    ['a leading //host', '//evil.example/v1/influencers'],
    ['a backslash for a slash', '/v1\\influencers'],
    ['a dot segment', '/v1/x/../influencers'],
    ['an encoded dot segment', '/v1/influencers/%2e%2e/influencers'],
  ])('%s is not the list of influencers: 404', async (_name, path) => {
    const answer = await rawExchange(`GET ${path} HTTP/1.1\r\nHost: x\r\nX-Api-Key: ${h.demo.layers.apiKey}\r\nConnection: close\r\n\r\n`);
    expect(answer.status).toBe(404);
  });

  it('a path id that is only dots is a malformed id (Layers 400 VALIDATION), not the parent path', async () => {
    const answer = await rawExchange(`GET /v1/influencers/%2E%2E HTTP/1.1\r\nHost: x\r\nX-Api-Key: ${h.demo.layers.apiKey}\r\nConnection: close\r\n\r\n`);
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body)).toMatchObject({ error: { code: 'VALIDATION', details: { fieldErrors: { influencerId: ['Expected inf_… or a uuid'] } } } });
  });

  it('an absolute-form target is routed by its path', async () => {
    const answer = await rawExchange(`GET http://api.layers.com${influencerPath()} HTTP/1.1\r\nHost: api.layers.com\r\nX-Api-Key: ${h.demo.layers.apiKey}\r\nConnection: close\r\n\r\n`);
    expect(answer.status).toBe(200);
  });
});

describe('an Expect the server cannot meet', () => {
  it('Expect: something else than 100-continue: the neutral JSON 417, and the server goes on', async () => {
    const answer = await rawExchange(`GET ${influencerPath()} HTTP/1.1\r\nHost: x\r\nX-Api-Key: ${h.demo.layers.apiKey}\r\nExpect: magic\r\nConnection: close\r\n\r\n`);
    expect(answer.status).toBe(417);
    expect(answer.head).toMatch(/\r\ncontent-type: application\/json; charset=utf-8/i);
    expect(JSON.parse(answer.body)).toMatchObject({ error: 'expectation_failed' });
    expect(await stillServes()).toBe(200);
  });
});

describe('requests the HTTP parser refuses', () => {
  it.each([
    ['an unknown method', 'BREW /api/partners HTTP/1.1\r\nHost: x\r\n\r\n', 400],
    ['no Host header', 'GET /api/partners HTTP/1.1\r\n\r\n', 400],
    ['Content-Length and Transfer-Encoding both', 'DELETE /api/partners HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n', 400],
    ['two different Content-Lengths', 'DELETE /api/partners HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n[]', 400],
    ['a NUL in a header value', 'GET /api/partners HTTP/1.1\r\nHost: x\r\nX-A: a\u0000b\r\n\r\n', 400],
    ['bytes that are no HTTP', '\u0016\u0003\u0001\u0000\u00a5\u0001\u0000\r\n\r\n', 400],
    ['headers over 64 KiB', `GET /api/partners HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(70_000)}\r\n\r\n`, 431],
  ])('%s: a neutral JSON answer with that status, and the server goes on', async (_name, text, status) => {
    const answer = await rawExchange(text);
    expect(answer.status).toBe(status);
    expect(answer.head).toMatch(/\r\ncontent-type: application\/json; charset=utf-8/i);
    const body = JSON.parse(answer.body) as { error: string; message: string };
    expect(body.error).toBe(status === 431 ? 'headers_too_large' : 'bad_request');
    expect(body.message).not.toMatch(/HPE_|Error:|at .*\.js/);
    expect(await stillServes()).toBe(200);
  });
});

/** Sends the request line first and the headers in a later write, so the server cannot read the path from the bytes it refused. */
function splitExchange(requestLine: string, rest: string): Promise<{ status: number; head: string; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(server.port, '127.0.0.1', () => {
      socket.write(requestLine);
      setImmediate(() => socket.write(rest));
    });
    const chunks: Buffer[] = [];
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const [head = '', ...body] = text.split('\r\n\r\n');
      resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0), head, body: body.join('\r\n\r\n') });
    });
    socket.on('error', reject);
  });
}

describe('request headers over 16 KiB', () => {
  const big = `X-Big: ${'a'.repeat(20_000)}\r\n`;

  it('under a Layers path: 431 in the Layers envelope (VALIDATION, a request id), the connection closed, nothing changed', async () => {
    const before = await nameNow();
    const body = '{"name":"Too many headers"}';
    const answer = await splitExchange(
      `PATCH ${influencerPath()} HTTP/1.1\r\n`,
      `Host: x\r\nX-Api-Key: ${h.demo.layers.apiKey}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n${big}\r\n${body}`,
    );
    expect(answer.status).toBe(431);
    expect(answer.head).toMatch(/\r\nconnection: close/i);
    const parsed = JSON.parse(answer.body) as { error: { code: string; message: string; requestId: string; details: { fieldErrors: Record<string, string[]> } } };
    expect(parsed.error.code).toBe('VALIDATION');
    // every VALIDATION error names its field (the document's assumption): here the headers as a whole
    expect(parsed.error.details.fieldErrors.headers?.[0]).toMatch(/too large/);
    expect(parsed.error.message).toMatch(/headers are too large/);
    expect(parsed.error.requestId).toMatch(/^req_/);
    expect(await nameNow()).toBe(before);
    expect(await stillServes()).toBe(200);
  });

  it('under the Hoko and Ayrshare paths: 431 in their envelopes, nothing deleted', async () => {
    const { ids } = await h.store.hoko.states.createPartners(h.demo.hoko.workspaceId, 1);
    const hokoBody = JSON.stringify(ids);
    const hoko = await splitExchange(
      'DELETE /api/partners HTTP/1.1\r\n',
      `Host: x\r\nAuthorization: Bearer ${h.demo.hoko.apiKey}\r\nContent-Type: application/json\r\nContent-Length: ${hokoBody.length}\r\n${big}\r\n${hokoBody}`,
    );
    expect(hoko.status).toBe(431);
    const hokoError = (JSON.parse(hoko.body) as { error: { en: string; ar: string } }).error;
    expect(hokoError.en).toMatch(/headers are too large/);
    expect(hokoError.ar.length).toBeGreaterThan(0);
    expect((await h.store.hoko.deletePartners(h.demo.hoko.workspaceId, ids)).kind).toBe('deleted');
    const ayrshare = await splitExchange('DELETE /api/post HTTP/1.1\r\n', `Host: x\r\nAuthorization: Bearer ${h.demo.ayrshare.apiKey}\r\n${big}\r\n`);
    expect(ayrshare.status).toBe(431);
    expect(JSON.parse(ayrshare.body)).toMatchObject({ action: 'delete', status: 'error', code: 101, message: expect.stringMatching(/headers are too large/) });
  });

  it('outside every API: the neutral JSON 431', async () => {
    const answer = await splitExchange('GET /elsewhere HTTP/1.1\r\n', `Host: x\r\n${big}\r\n`);
    expect(answer.status).toBe(431);
    expect(JSON.parse(answer.body)).toMatchObject({ error: 'headers_too_large' });
  });

  it('3,000 small headers (16.5 KiB) are too large too, not cut to the first 2,000 and served', async () => {
    const many = Array.from({ length: 3000 }, (_, i) => `X-${i}: 1\r\n`).join('');
    const answer = await splitExchange(`GET ${influencerPath()} HTTP/1.1\r\n`, `Host: x\r\n${many}X-Api-Key: ${h.demo.layers.apiKey}\r\n\r\n`);
    expect(answer.status).toBe(431);
    expect((JSON.parse(answer.body) as { error: { code: string } }).error.code).toBe('VALIDATION');
  });

  it("the limit is Node's, counted as Node counts it (target, header names and values): 16,383 bytes are served, 16,384 are not", async () => {
    const counted = influencerPath().length + 'Host'.length + 'x'.length + 'X-Api-Key'.length + h.demo.layers.apiKey.length + 'X-Pad'.length;
    const exchange = (total: number) =>
      splitExchange(`GET ${influencerPath()} HTTP/1.1\r\n`, `Host: x\r\nX-Api-Key: ${h.demo.layers.apiKey}\r\nX-Pad: ${'p'.repeat(total - counted)}\r\n\r\n`);
    expect((await exchange(16 * 1024 - 1)).status).toBe(200);
    expect((await exchange(16 * 1024)).status).toBe(431);
  });
});

describe('a chunked body whose framing breaks mid-way', () => {
  it('Layers PATCH: 422 on body naming the framing, in the Layers envelope; nothing stored, the connection closed', async () => {
    const before = await nameNow();
    const answer = await rawExchange(
      `PATCH ${influencerPath()} HTTP/1.1\r\nHost: x\r\nX-Api-Key: ${h.demo.layers.apiKey}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n6\r\n{"name\r\nZZ\r\n":"Broken"}\r\n0\r\n\r\n`,
    );
    expect(answer.status).toBe(422);
    expect(answer.head).toMatch(/\r\nconnection: close/i);
    const body = JSON.parse(answer.body) as { error: { code: string; details: { fieldErrors: Record<string, string[]> } } };
    expect(body.error.code).toBe('VALIDATION');
    expect(body.error.details.fieldErrors.body?.[0]).toMatch(/framing/);
    expect(await nameNow()).toBe(before);
    expect(await stillServes()).toBe(200);
  });

  it('Hoko DELETE: 400 in its envelope, nothing deleted', async () => {
    const { ids } = await h.store.hoko.states.createPartners(h.demo.hoko.workspaceId, 1);
    const json = JSON.stringify(ids);
    const answer = await rawExchange(
      `DELETE /api/partners HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${h.demo.hoko.apiKey}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n${json.length.toString(16)}\r\n${json}\r\n-1\r\n\r\n`,
    );
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body)).toEqual({ error: { en: 'Invalid request', ar: 'طلب غير صالح' } });
    expect((await h.store.hoko.deletePartners(h.demo.hoko.workspaceId, ids)).kind).toBe('deleted');
  });
});

describe('Expect: 100-continue with request headers over 16 KiB', () => {
  it('the 431 comes instead of the 100, and nothing is stored', async () => {
    const before = await nameNow();
    const body = '{"name":"Never sent"}';
    const answer = await splitExchange(
      `PATCH ${influencerPath()} HTTP/1.1\r\n`,
      `Host: x\r\nX-Api-Key: ${h.demo.layers.apiKey}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nExpect: 100-continue\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
    );
    expect(answer.head).toMatch(/^HTTP\/1\.1 431 /);
    expect(await nameNow()).toBe(before);
  });
});

describe('a request the parser refuses, pipelined after a whole one', () => {
  it('the whole one is answered first, as if alone (its change stored, 200), then the neutral 400, in order', async () => {
    const body = '{"name":"Pipelined Ahead"}';
    const answer = await rawExchange(
      `PATCH ${influencerPath()} HTTP/1.1\r\nHost: x\r\nX-Api-Key: ${h.demo.layers.apiKey}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body}BREW / HTTP/1.1\r\nHost: x\r\n\r\n`,
    );
    const statuses = [...`${answer.head}\r\n\r\n${answer.body}`.matchAll(/HTTP\/1\.1 (\d{3})/g)].map((m) => Number(m[1]));
    expect(statuses).toEqual([200, 400]);
    expect(await nameNow()).toBe('Pipelined Ahead');
  });
});
