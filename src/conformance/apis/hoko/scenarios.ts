import { createHokoClient } from '../../../../generated/hoko/index.js';
import type { ScenarioContext } from '../../scenarios/scenarioContext.js';
import type { Scenarios } from '../../scenarios/scenario.js';

const client = (ctx: ScenarioContext, apiKey = ctx.apiKey) => createHokoClient({ baseUrl: ctx.target.baseUrl, apiKey, fetch: ctx.fetch });
const sameSet = (a: readonly string[] = [], b: readonly string[] = []) => a.length === b.length && [...a].sort().join() === [...b].sort().join();

/** The behaviour scenarios of this API, by name. */
export const scenarios: Scenarios = {
  'delete-exact-ids': {
    title: 'a delete of n ids returns exactly those ids',
    operationId: 'deletePartners',
    async run(ctx) {
      const { partnerIds } = await ctx.states.setup<{ partnerIds: string[] }>('partners exist', { count: 3 });
      const deleted = await client(ctx).DELETE('/api/partners', { body: partnerIds });
      ctx.expect(deleted.response.status === 200, 'the delete answers 200', 200, deleted.response.status);
      ctx.expect(sameSet(deleted.data?.deletedIds, partnerIds), 'deletedIds are exactly the ids sent', partnerIds, deleted.data?.deletedIds);
    },
  },

  'all-or-nothing': {
    title: 'a batch with one unknown id deletes nothing (400) and a retry without it succeeds',
    operationId: 'deletePartners',
    async run(ctx) {
      const hoko = client(ctx);
      const { partnerIds } = await ctx.states.setup<{ partnerIds: string[] }>('partners exist', { count: 3 });
      const failed = await hoko.DELETE('/api/partners', { body: [...partnerIds, crypto.randomUUID()] });
      ctx.expect(failed.response.status === 400, 'a batch with one id not in the workspace answers 400', 400, failed.response.status);
      const retry = await hoko.DELETE('/api/partners', { body: partnerIds });
      ctx.expect(retry.response.status === 200 && sameSet(retry.data?.deletedIds, partnerIds), 'the failed batch deleted nothing: a retry without the unknown id deletes them all', partnerIds, retry.data?.deletedIds ?? retry.response.status);
    },
  },

  'ten-thousand': {
    title: '10,000 ids in one request succeed',
    operationId: 'deletePartners',
    async run(ctx) {
      const { partnerIds } = await ctx.states.setup<{ partnerIds: string[] }>('partners exist', { count: 10_000 });
      const deleted = await client(ctx).DELETE('/api/partners', { body: partnerIds });
      ctx.expect(deleted.response.status === 200, '10,000 ids in one request answer 200', 200, deleted.response.status);
      ctx.expect(sameSet(deleted.data?.deletedIds, partnerIds), 'all 10,000 ids are deleted and returned', 10_000, deleted.data?.deletedIds?.length);
    },
  },

  'missing-scope': {
    title: 'a key without linksWrite is 403 naming linksWrite in missingScopes, and deletes nothing',
    operationId: 'deletePartners',
    async run(ctx) {
      const { partnerIds } = await ctx.states.setup<{ partnerIds: string[] }>('partners exist', { count: 1 });
      const { apiKey } = await ctx.states.setup<{ apiKey: string }>('api key without scope', { scope: 'linksWrite' });
      const refused = await client(ctx, apiKey).DELETE('/api/partners', { body: partnerIds });
      ctx.expect(refused.response.status === 403, 'a key without linksWrite answers 403', 403, refused.response.status);
      const missing = (refused.error as { missingScopes?: string[] } | undefined)?.missingScopes;
      ctx.expect(sameSet(missing, ['linksWrite']), 'missingScopes is ["linksWrite"]', ['linksWrite'], missing);
      const deleted = await client(ctx).DELETE('/api/partners', { body: partnerIds });
      ctx.expect(deleted.response.status === 200 && sameSet(deleted.data?.deletedIds, partnerIds), 'nothing was deleted: the key with linksWrite deletes the partner afterwards', partnerIds, deleted.data?.deletedIds ?? deleted.response.status);
    },
  },
};
