// The request examples of the Hoko delete page (the document's named request examples, which
// tests/contract/facts/ ties to the page) are accepted by the sandbox: partners with those ids are
// deleted, 200 with exactly those ids.
import { describe, expect, it } from 'vitest';
import { useHarness, bearer, type Harness, type HarnessDatabase } from '../../http/harness.js';

let hdb: HarnessDatabase;
let h: Harness;
useHarness((opened, harness) => ((hdb = opened), (h = harness)));

describe('the page\'s request bodies', () => {
  it('each named request example deletes exactly its partners', async () => {
    const examples = Object.entries(h.apis.find((a) => a.name === 'hoko')!.operation('deletePartners').namedExamples('request')) as [string, string[]][];
    expect(examples.length).toBeGreaterThan(0);
    for (const [name, ids] of examples) {
      await h.db.query(
        `INSERT INTO hoko_partners (id, workspace_id, name) SELECT id, $2, 'Page partner' FROM unnest($1::uuid[]) AS id
         ON CONFLICT (id) DO UPDATE SET deleted_at = NULL, workspace_id = excluded.workspace_id`,
        [ids, h.demo.hoko.workspaceId],
      );
      const r = await h.send('DELETE', '/api/partners', { headers: bearer(h.demo.hoko.apiKey), body: ids });
      expect(r.status, `${name} → ${JSON.stringify(r.body)}`).toBe(200);
      expect(r.body.deletedIds).toEqual(ids);
    }
  });
});
