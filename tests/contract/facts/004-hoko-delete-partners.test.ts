// Seed page 004: Hoko DELETE /api/partners (bulk soft delete, up to 10,000 ids).
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { openContract, type Contract } from '../../support/contract.js';
import type { Operation } from '../../../src/openapi/operations.js';
import { expectPageExample } from './pageExamples.js';

let contract: Contract;
let op: Operation;
beforeAll(async () => {
  contract = await openContract('hoko');
  op = contract.operation('delete', '/api/partners');
});
const hokoError = { error: { en: 'Invalid request', ar: 'طلب غير صالح' } };

describe('seed 004: Hoko delete partners', () => {
  it('is DELETE https://hoko.to/api/partners with a bearer key scoped linksWrite (noting partnersWrite)', () => {
    expect((contract.doc.servers as { url: string }[])[0]?.url).toBe('https://hoko.to');
    expect(op.security()).toEqual([{ bearerAuth: ['linksWrite'] }]);
    expect(String(op.raw.description)).toContain('partnersWrite');
    // The five vendor pages show only linksWrite: partnersWrite is this contract's assumption, not a page's.
    const described = String(op.raw.description).replace(/\s+/g, ' ');
    expect(described).not.toContain("the vendor's pages show both names");
    expect(described).toContain("The vendor's reference names `linksWrite`, and this contract follows it; this contract assumes a server may instead require `partnersWrite`");
  });

  it('takes a required array of 1 to 10,000 partner uuids', () => {
    const body = op.schemaPointer('request');
    expect(op.requestBody()?.value.required).toBe(true);
    const ids = (n: number) => Array.from({ length: n }, () => randomUUID());
    expect(contract.accepts(body, ids(1))).toBe(true);
    expect(contract.accepts(body, ids(10_000))).toBe(true);
    expect(contract.accepts(body, ids(10_001))).toBe(false);
    expect(contract.accepts(body, [])).toBe(false);
    expect(contract.accepts(body, ['invalid-id'])).toBe(false);
    expect(contract.accepts(body, { ids: ids(1) })).toBe(false);
    expect(op.namedExamples('request').onePartner).toEqual(['550e8400-e29b-41d4-a716-446655440000']);
  });

  it('takes a uuid in either letter case, any version, the nil uuid and a repeated id; nothing but the 8-4-4-4-12 form', () => {
    const body = op.schemaPointer('request');
    const id = '550e8400-e29b-41d4-a716-446655440000';
    for (const ids of [[id.toUpperCase()], ['00000000-0000-0000-0000-000000000000'], ['ffffffff-ffff-ffff-ffff-ffffffffffff'], [randomUUID()], [id, id]]) expect(contract.accepts(body, ids), JSON.stringify(ids)).toBe(true);
    for (const bad of [`urn:uuid:${id}`, `{${id}}`, id.replace(/-/g, ''), `${id} `, id.slice(0, 35), `${id}0`]) expect(contract.accepts(body, [bad]), bad).toBe(false);
  });

  it('answers 200 { deletedIds } (the page example)', () => {
    const schema = op.schemaPointer('200');
    expect(op.namedExamples('200').onePartner).toEqual({ deletedIds: ['550e8400-e29b-41d4-a716-446655440000'] });
    expect(contract.accepts(schema, { deletedIds: [] })).toBe(true);
    expect(contract.accepts(schema, { deletedIds: ['nope'] })).toBe(false);
    expect(contract.accepts(schema, {})).toBe(false);
  });

  it('uses the bilingual envelope on every error, with missingScopes on 403 and retryAfter on 429', () => {
    expect(op.statuses().sort()).toEqual(['200', '400', '401', '403', '429', '500']);
    for (const status of ['400', '401', '500']) {
      expect(contract.accepts(op.schemaPointer(status), hokoError), status).toBe(true);
      expect(contract.accepts(op.schemaPointer(status), { error: { en: 'Invalid request' } }), status).toBe(false);
      expect(contract.accepts(op.schemaPointer(status), { error: 'Invalid request' }), status).toBe(false);
    }
    expect(contract.accepts(op.schemaPointer('403'), hokoError)).toBe(false);
    expect(contract.accepts(op.schemaPointer('403'), { ...hokoError, missingScopes: ['linksWrite'] })).toBe(true);
    expect(op.namedExamples('403').missingScopes).toMatchObject({ missingScopes: ['linksWrite'] });
    expect(contract.accepts(op.schemaPointer('429'), hokoError)).toBe(false);
    expect(contract.accepts(op.schemaPointer('429'), { ...hokoError, retryAfter: 60 })).toBe(true);
    expect(op.namedExamples('429').rateLimited).toMatchObject({ error: { en: 'Rate limit exceeded', ar: 'تم تجاوز حد المعدل' }, retryAfter: 60 });
  });

  it('sends X-RateLimit-Limit, -Remaining and -Reset with 429', () => {
    const headers = op.responseHeaders('429');
    for (const name of ['X-RateLimit-Limit', 'X-RateLimit-Remaining', 'X-RateLimit-Reset']) {
      expect(headers[name]?.value.required, name).toBe(true);
      expect(contract.accepts(`${headers[name]?.pointer}/schema`, 0)).toBe(true);
      expect(contract.accepts(`${headers[name]?.pointer}/schema`, 'soon')).toBe(false);
    }
  });

  it('documents each cause of 400 (missing ids, an invalid UUID, an id not in the workspace, too many ids) as a named example', () => {
    const examples = op.namedExamples('400');
    expect(Object.keys(examples).sort()).toEqual(['invalidRequest', 'missingIds', 'notInWorkspace', 'tooManyIds']);
    for (const example of Object.values(examples)) expect(example).toEqual(hokoError);
    const body = op.schemaPointer('request');
    // The request of the reference's 400, and the causes the schema itself can see.
    expect(contract.accepts(body, ['invalid-id'])).toBe(false);
    expect(contract.accepts(body, [])).toBe(false);
    const described = (contract.doc.components?.examples as Record<string, { description?: string }>).ErrorInvalidRequest?.description;
    expect(described).toContain('`["invalid-id"]`');
  });

  it('encodes every request and response example of the reference', () => {
    expectPageExample(contract, op, 'request', ['550e8400-e29b-41d4-a716-446655440000']);
    expectPageExample(contract, op, '200', { deletedIds: ['550e8400-e29b-41d4-a716-446655440000'] });
    expectPageExample(contract, op, '400', { error: { en: 'Invalid request', ar: 'طلب غير صالح' } });
    expectPageExample(contract, op, '401', { error: { en: 'Invalid API key', ar: 'مفتاح API غير صالح' } });
    expectPageExample(contract, op, '403', { error: { en: 'Missing required scopes', ar: 'الصلاحيات المطلوبة مفقودة' }, missingScopes: ['linksWrite'] });
    expectPageExample(contract, op, '429', { error: { en: 'Rate limit exceeded', ar: 'تم تجاوز حد المعدل' }, retryAfter: 60 });
  });

  it('names the rate-limit header values and the 500 as assumptions of this contract', () => {
    const headers = op.responseHeaders('429');
    expect(String(headers['X-RateLimit-Reset']?.value.description)).toMatch(/this contract assumes a Unix time in seconds/);
    expect(String(headers['X-RateLimit-Limit']?.value.description)).toMatch(/this contract assumes these three/);
    expect(String(op.response('500')?.value.description)).toMatch(/lists no 500; this contract assumes one/);
  });

  it('names the 400 for more than 10,000 ids as an assumption: the page says such requests are rejected, and its 400 lists only missing, invalid and unknown ids', () => {
    expect(op.namedExamples('400').tooManyIds).toEqual(hokoError);
    expect(String(op.response('400')?.value.description).replace(/\s+/g, ' ')).toContain('The vendor says requests above 10,000 ids are rejected without naming the status; this contract assumes this 400');
  });

  it('states all-or-nothing and the 10,000 limit in the description', () => {
    const description = String(op.raw.description);
    for (const fact of ['nothing is deleted', '10,000', 'Soft-deletes']) expect(description).toContain(fact);
    expect(String(op.response('400')?.value.description)).toContain('Nothing is deleted');
  });

  it('names what the page does not say as assumptions: nothing deleted on a 400, and an id sent twice listed once', () => {
    const flat = (text: unknown) => String(text).replace(/\s+/g, ' ');
    // The page: "All IDs must be valid and belong to your workspace" and a 400; it says nothing of the other ids of a refused request.
    expect(flat(op.raw.description)).toContain('the request fails with 400; this contract assumes nothing is deleted then');
    expect(flat(op.response('400')?.value.description)).toContain('Nothing is deleted, as this contract assumes');
    const schemas = contract.doc.components?.schemas as Record<string, { description?: string; properties?: Record<string, { description?: string }> }>;
    expect(flat(schemas.PartnerIdList?.description)).toContain('the request is rejected and, as this contract assumes, nothing is deleted');
    expect(flat(schemas.PartnersDeleted?.properties?.deletedIds?.description)).toContain("The vendor's reference does not say how an id sent twice is listed; this contract assumes");
    const examples = contract.doc.components?.examples as Record<string, { description?: string }>;
    expect(flat(examples.ErrorIdsNotInWorkspace?.description)).toContain('as this contract assumes');
  });
});
