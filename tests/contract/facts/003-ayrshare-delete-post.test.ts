// Seed page 003: Ayrshare DELETE /api/post.
import { beforeAll, describe, expect, it } from 'vitest';
import { openContract, type Contract } from '../../support/contract.js';
import type { Operation } from '../../../src/openapi/operations.js';
import { expectPageExample } from './pageExamples.js';

let contract: Contract;
let op: Operation;
let body: string | undefined;
beforeAll(async () => {
  contract = await openContract('ayrshare');
  op = contract.operation('delete', '/api/post');
  body = op.schemaPointer('request');
});
const accepts = (value: unknown) => contract.accepts(body, value);

describe('seed 003: Ayrshare delete a post', () => {
  it('is DELETE https://api.ayrshare.com/api/post with a bearer API key and the optional headers', () => {
    expect((contract.doc.servers as { url: string }[])[0]?.url).toBe('https://api.ayrshare.com');
    expect(op.security()).toEqual([{ bearerAuth: [] }]);
    for (const name of ['Profile-Key', 'X-Twitter-OAuth1-Api-Key', 'X-Twitter-OAuth1-Api-Secret']) {
      expect(op.parameter(name, 'header')?.value.required, name).toBe(false);
    }
  });

  it('chooses posts by id, bulk, or deleteAllScheduled, and rejects a body that chooses none', () => {
    expect(op.requestBody()?.value.required).toBe(true);
    expect(accepts({ id: 'p8Ee6xDPx8PRxsjtDXf3' })).toBe(true);
    expect(accepts({ bulk: ['a', 'b'] })).toBe(true);
    expect(accepts({ deleteAllScheduled: true })).toBe(true);
    expect(accepts({})).toBe(false);
    expect(accepts({ markManualDeleted: true })).toBe(false);
    expect(accepts({ deleteAllScheduled: false })).toBe(false);
    expect(accepts({ bulk: [] })).toBe(false);
    expect(accepts({ bulk: 'a' })).toBe(false);
    expect(accepts({ id: '' })).toBe(false);
    expect(accepts({ id: 7 })).toBe(false);
  });

  it('does not reject id and bulk together (the reference does not forbid it), and still checks both', () => {
    expect(accepts({ id: 'a', bulk: ['b'] })).toBe(true);
    expect(accepts({ id: 'a', bulk: ['a', 'b'], markManualDeleted: false })).toBe(true);
    expect(accepts({ id: 'a', bulk: 'b' })).toBe(false);
    expect(accepts({ id: 7, bulk: ['b'] })).toBe(false);
    expect(accepts({ id: 'a', bulk: [7] })).toBe(false);
  });

  it('takes deleteAllScheduled, a boolean defaulting to false', () => {
    const schema = (contract.doc.components?.schemas as Record<string, Record<string, unknown>>).DeleteAllScheduled;
    expect(schema).toMatchObject({ type: 'boolean', default: false });
    expect(accepts({ id: 'a', deleteAllScheduled: false })).toBe(true);
    expect(accepts({ bulk: ['a'], deleteAllScheduled: false })).toBe(true);
    expect(accepts({ id: 'a', deleteAllScheduled: 'true' })).toBe(false);
    expect(accepts({ deleteAllScheduled: 1 })).toBe(false);
  });

  it('takes markManualDeleted, a boolean defaulting to false', () => {
    expect(accepts({ id: 'a', markManualDeleted: true })).toBe(true);
    expect(accepts({ id: 'a', markManualDeleted: 'yes' })).toBe(false);
    const schema = (contract.doc.components?.schemas as Record<string, Record<string, unknown>>).MarkManualDeleted;
    expect(schema).toMatchObject({ type: 'boolean', default: false });
  });

  it('answers 200 in its two named shapes', () => {
    const schema = op.schemaPointer('200');
    const examples = op.namedExamples('200');
    expect(examples.deleted).toEqual({
      twitter: { action: 'delete', status: 'success', id: '1288900099663775749' },
      facebook: { action: 'delete', status: 'success', id: '104920007983682_108683297607743' },
      status: 'success',
    });
    expect(examples.markManualDeleted).toEqual({ status: 'success', id: 'p8Ee6xDPx8PRxsjtDXf3' });
    expect(contract.accepts(schema, examples.deleted)).toBe(true);
    expect(contract.accepts(schema, examples.markManualDeleted)).toBe(true);
    expect(contract.accepts(schema, { twitter: { action: 'delete', status: 'success', id: '1' } })).toBe(false);
    expect(contract.accepts(schema, { status: 'success', twitter: { action: 'post', status: 'success', id: '1' } })).toBe(false);
  });

  it('answers 400 in the Ayrshare envelope with one named example per documented code', () => {
    const schema = op.schemaPointer('400');
    const examples = op.namedExamples('400') as Record<string, Record<string, unknown>>;
    expect(examples.idNotFound).toMatchObject({ action: 'delete', status: 'error', code: 114, message: 'Delete id not found.' });
    expect(examples.alreadyDeleted).toMatchObject({ code: 383, message: 'The post is already deleted.' });
    expect(examples.notManuallyDeleted).toMatchObject({ code: 382, markManualDeleted: true });
    for (const example of Object.values(examples)) expect(contract.accepts(schema, example)).toBe(true);
    expect(contract.accepts(schema, { action: 'delete', status: 'success', code: 114, message: 'x' })).toBe(false);
    expect(contract.accepts(schema, { action: 'delete', status: 'error', code: '114', message: 'x' })).toBe(false);
    expect(contract.accepts(schema, { status: 'error', code: 114, message: 'x' })).toBe(false);
  });

  it('declares 401, 403, 404, 429 and 500 in the same envelope', () => {
    expect(op.statuses().sort()).toEqual(['200', '400', '401', '403', '404', '429', '500']);
    for (const status of ['401', '403', '404', '429', '500']) {
      expect(op.response(status)?.value.content).toMatchObject({ 'application/json': { schema: { $ref: '#/components/schemas/AyrshareError' } } });
    }
  });

  it('encodes every example of the reference: each request body, both 200s and the three 400s, word for word', () => {
    // curl, JavaScript, Python and C# send the placeholder "Post ID"; PHP a real id.
    expectPageExample(contract, op, 'request', { id: 'Post ID' });
    expectPageExample(contract, op, 'request', { id: '7NFVK0QIXET5rCUS9tmf' });
    expectPageExample(contract, op, '200', {
      twitter: { action: 'delete', status: 'success', id: '1288900099663775749' },
      facebook: { action: 'delete', status: 'success', id: '104920007983682_108683297607743' },
      status: 'success',
    });
    expectPageExample(contract, op, '200', { status: 'success', id: 'p8Ee6xDPx8PRxsjtDXf3' });
    expectPageExample(contract, op, '400', { action: 'delete', status: 'error', code: 114, message: 'Delete id not found.', id: 'IdpUOyihLEpIx0d0N9mI' });
    expectPageExample(contract, op, '400', { action: 'delete', status: 'error', code: 383, message: 'The post is already deleted.', id: 'p8Ee6xDPx8PRxsjtDXf3' });
    expectPageExample(contract, op, '400', {
      action: 'delete',
      status: 'error',
      code: 382,
      message:
        'The post was not manually deleted at the social network. By using the markManualDeleted option, you are responsible for deleting the post at the social network. Please delete the post and try again.',
      id: 'DD3fA2DC4qe2T48hSdgs',
      markManualDeleted: true,
    });
  });

  it('takes any post id text (the reference gives no format), and a per-network result for any network', () => {
    for (const id of ['Post ID', '7NFVK0QIXET5rCUS9tmf', 'a', 'x'.repeat(200)]) expect(accepts({ id }), id).toBe(true);
    expect(accepts({ bulk: ['7NFVK0QIXET5rCUS9tmf', '7NFVK0QIXET5rCUS9tmf'] })).toBe(true);
    const schema = op.schemaPointer('200');
    for (const network of ['instagram', 'linkedin', 'tiktok', 'youtube', 'pinterest', 'threads', 'bluesky']) {
      expect(contract.accepts(schema, { status: 'error', [network]: { action: 'delete', status: 'error', id: '1' } }), network).toBe(true);
    }
    // An error body need not echo an id (the reference shows one, but names none as required).
    expect(contract.accepts(op.schemaPointer('400'), { action: 'delete', status: 'error', code: 114, message: 'Delete id not found.' })).toBe(true);
  });

  it('names an empty id and an empty header value as malformed by assumption (the page gives no bounds), and the 400 names them as causes', () => {
    expect(accepts({ id: '' })).toBe(false);
    expect(accepts({ bulk: [''] })).toBe(false);
    const postId = String((contract.doc.components?.schemas as Record<string, { description?: string }>).PostId?.description).replace(/\s+/g, ' ');
    expect(postId).toContain('this contract assumes an id is not empty');
    for (const name of ['Profile-Key', 'X-Twitter-OAuth1-Api-Key', 'X-Twitter-OAuth1-Api-Secret']) {
      const header = op.parameter(name, 'header');
      expect(contract.accepts(`${header?.pointer}/schema`, ''), name).toBe(false);
      expect(String(header?.value.description).replace(/\s+/g, ' '), name).toMatch(/[Tt]his contract assumes a value is not empty/);
    }
    const described = String(op.response('400')?.value.description).replace(/\s+/g, ' ');
    expect(described).toContain('an empty `id`');
    expect(described).toContain('an empty header value');
  });

  it('states the platform limits and the X credentials in the description', () => {
    const description = String(op.raw.description);
    for (const fact of ['Instagram and TikTok', 'Facebook image stories', 'pending', 'X-Twitter-OAuth1-Api-Key', 'markManualDeleted']) expect(description).toContain(fact);
    expect(description).toMatch(/Published posts can be deleted on every network except Instagram and TikTok/);
    expect(description).toMatch(/Facebook image stories cannot be deleted through Facebook's API \(video stories can\)/);
    expect(description).toContain('Scheduled posts can be deleted on every network.');
  });

  it('tells X users to link X via OAuth first and links the setup guide', () => {
    const guide = 'https://www.ayrshare.com/docs/dashboard/connect-social-accounts/x-twitter-byo-keys';
    for (const text of [String(op.raw.description), String(op.parameter('X-Twitter-OAuth1-Api-Key', 'header')?.value.description)]) {
      expect(text).toMatch(/after linking X via OAuth/i);
      expect(text).toContain(`[full setup guide](${guide})`);
      expect(text).toContain('March 31, 2026');
    }
  });

  it('says what a network that cannot delete reports in its per-network result', () => {
    const status = (contract.doc.components?.schemas as Record<string, { properties: Record<string, { description: string }> }>).PlatformDeleteResult?.properties.status;
    expect(status?.description).toMatch(/Instagram and TikTok cannot delete published\s+posts/);
    expect(status?.description).toContain('Facebook cannot delete image stories');
  });
});
