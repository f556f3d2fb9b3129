import { createHokoClient } from '../../../../generated/hoko/index.js';
import type { ScenarioContext } from '../../scenarios/scenarioContext.js';
import type { Scenarios } from '../../scenarios/scenario.js';

const client = (ctx: ScenarioContext) => createHokoClient({ baseUrl: ctx.target.baseUrl, apiKey: ctx.apiKey, fetch: ctx.fetch });
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
};
