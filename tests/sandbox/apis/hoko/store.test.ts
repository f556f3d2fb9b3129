import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InjectedFault } from '../../../../src/sandbox/http/faults.js';
import { createHokoWorkspace, engineName, openTestDatabase } from '../../../support/sandboxDatabase.js';
import type { TestDatabase } from '../../../support/sandboxDatabase.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase();
});
afterAll(async () => {
  await t?.close();
});

const liveCount = async (ids: string[]) =>
  (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM hoko_partners WHERE id = ANY($1::uuid[]) AND deleted_at IS NULL', [ids])).rows[0]?.n;
const rowCount = async (ids: string[]) => (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM hoko_partners WHERE id = ANY($1::uuid[])', [ids])).rows[0]?.n;

describe(`Hoko store on ${engineName}`, () => {
  it('finds a key with its workspace and scopes; null for an unknown one', async () => {
    const ws = await createHokoWorkspace(t.db, ['linksRead']);
    expect(await t.store.hoko.findKey(ws.apiKey)).toEqual({ workspaceId: ws.workspaceId, scopes: ['linksRead'] });
    expect(await t.store.hoko.findKey(`${ws.apiKey}x`)).toBeNull();
  });

  it('soft-deletes exactly the ids sent and reports them; the rows stay with deleted_at', async () => {
    const { workspaceId } = await createHokoWorkspace(t.db);
    const { ids } = await t.store.hoko.states.createPartners(workspaceId, 4);
    const chosen = ids.slice(0, 3);
    expect(await t.store.hoko.deletePartners(workspaceId, chosen)).toEqual({ kind: 'deleted', deletedIds: chosen });
    expect(await liveCount(ids)).toBe(1);
    expect(await rowCount(ids)).toBe(4);
  });

  it('deletes an id sent twice once and reports it once, in the spelling first sent', async () => {
    const { workspaceId } = await createHokoWorkspace(t.db);
    const { ids } = await t.store.hoko.states.createPartners(workspaceId, 2);
    const [a, b] = ids as [string, string];
    expect(await t.store.hoko.deletePartners(workspaceId, [a.toUpperCase(), b, a])).toEqual({ kind: 'deleted', deletedIds: [a.toUpperCase(), b] });
  });

  it('is all or nothing: an unknown, foreign, already deleted or malformed id makes it invalid and deletes nothing', async () => {
    const { workspaceId } = await createHokoWorkspace(t.db);
    const other = await createHokoWorkspace(t.db);
    const { ids } = await t.store.hoko.states.createPartners(workspaceId, 3);
    const foreign = (await t.store.hoko.states.createPartners(other.workspaceId, 1)).ids[0] as string;
    const gone = (await t.store.hoko.states.createPartners(workspaceId, 1)).ids[0] as string;
    await t.store.hoko.deletePartners(workspaceId, [gone]);
    const unknown = randomUUID();

    expect(await t.store.hoko.deletePartners(workspaceId, [...ids, unknown])).toEqual({ kind: 'invalid', ids: [unknown] });
    expect(await t.store.hoko.deletePartners(workspaceId, [...ids, foreign])).toEqual({ kind: 'invalid', ids: [foreign] });
    expect(await t.store.hoko.deletePartners(workspaceId, [gone, ...ids])).toEqual({ kind: 'invalid', ids: [gone] });
    expect(await t.store.hoko.deletePartners(workspaceId, [...ids, 'invalid-id'])).toEqual({ kind: 'invalid', ids: ['invalid-id'] });
    expect(await t.store.hoko.deletePartners(workspaceId, [])).toEqual({ kind: 'invalid', ids: [] });
    expect(await liveCount(ids)).toBe(3);
    expect(await liveCount([foreign])).toBe(1);
    expect(await t.store.hoko.deletePartners(workspaceId, ids)).toEqual({ kind: 'deleted', deletedIds: ids });
  });

  it('changes nothing when it fails after the UPDATE (fault hoko:after-first-delete)', async () => {
    const { workspaceId } = await createHokoWorkspace(t.db);
    const { ids } = await t.store.hoko.states.createPartners(workspaceId, 5);
    await expect(t.store.hoko.deletePartners(workspaceId, ids, { failAt: 'hoko:after-first-delete' })).rejects.toBeInstanceOf(InjectedFault);
    expect(await liveCount(ids)).toBe(5);
    expect(await t.store.hoko.deletePartners(workspaceId, ids, { failAt: 'revoke:after-cancel' })).toEqual({ kind: 'deleted', deletedIds: ids });
  });

  it(`deletes 10,000 ids in one call (${engineName}; its speed is measured by npm run bench)`, async () => {
    const { workspaceId } = await createHokoWorkspace(t.db);
    const { ids } = await t.store.hoko.states.createPartners(workspaceId, 10_000);
    expect(ids).toHaveLength(10_000);
    const result = await t.store.hoko.deletePartners(workspaceId, ids);
    expect(result.kind === 'deleted' && result.deletedIds.length).toBe(10_000);
    expect(await liveCount(ids)).toBe(0);
  });

  it('rejects 10,000 ids with one unknown among them, deleting nothing', async () => {
    const { workspaceId } = await createHokoWorkspace(t.db);
    const { ids } = await t.store.hoko.states.createPartners(workspaceId, 10_000);
    const unknown = randomUUID();
    expect(await t.store.hoko.deletePartners(workspaceId, [...ids.slice(0, 5000), unknown, ...ids.slice(5000)])).toEqual({ kind: 'invalid', ids: [unknown] });
    expect(await liveCount(ids)).toBe(10_000);
  });
});
