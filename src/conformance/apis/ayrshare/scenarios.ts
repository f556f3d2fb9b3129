import { isDeepStrictEqual } from 'node:util';
import { createAyrshareClient } from '../../../../generated/ayrshare/index.js';
import type { ScenarioContext } from '../../scenarios/scenarioContext.js';
import type { Scenarios } from '../../scenarios/scenario.js';

type Posts = { pendingIds: string[]; publishedIds: string[] };
const client = (ctx: ScenarioContext) => createAyrshareClient({ baseUrl: ctx.target.baseUrl, apiKey: ctx.apiKey, fetch: ctx.fetch });

/** The behaviour scenarios of this API, by name. */
export const scenarios: Scenarios = {
  'delete-by-id': {
    title: 'delete by id; a second delete is 400 code 383; an unknown id is 400 code 114',
    operationId: 'deletePost',
    async run(ctx) {
      const ayrshare = client(ctx);
      const { publishedIds } = await ctx.states.setup<Posts>('posts exist', { pending: 0, published: 1 });
      const id = publishedIds[0] as string;
      const deleted = await ayrshare.DELETE('/api/post', { body: { id } });
      ctx.expect(deleted.response.status === 200 && deleted.data?.status === 'success', 'delete by id answers 200 success', 200, deleted.response.status);
      const again = await ayrshare.DELETE('/api/post', { body: { id } });
      ctx.expect(again.response.status === 400 && again.error?.code === 383, 'a second delete answers 400 code 383', 383, again.error?.code ?? again.response.status);
      const unknown = await ayrshare.DELETE('/api/post', { body: { id: `unknown${crypto.randomUUID().replaceAll('-', '')}` } });
      ctx.expect(unknown.response.status === 400 && unknown.error?.code === 114, 'an unknown id answers 400 code 114', 114, unknown.error?.code ?? unknown.response.status);
    },
  },

  'delete-bulk': {
    title: 'delete by bulk removes every listed post',
    operationId: 'deletePost',
    async run(ctx) {
      const ayrshare = client(ctx);
      const { publishedIds } = await ctx.states.setup<Posts>('posts exist', { pending: 0, published: 3 });
      const bulk = await ayrshare.DELETE('/api/post', { body: { bulk: publishedIds } });
      ctx.expect(bulk.response.status === 200, 'delete by bulk answers 200', 200, bulk.response.status);
      for (const id of publishedIds) {
        const again = await ayrshare.DELETE('/api/post', { body: { id } });
        ctx.expect(again.error?.code === 383, `post ${id} of the bulk is deleted (a delete again is code 383)`, 383, again.error?.code ?? again.response.status);
      }
    },
  },

  'delete-all-scheduled': {
    title: 'deleteAllScheduled deletes only pending scheduled posts',
    operationId: 'deletePost',
    async run(ctx) {
      const ayrshare = client(ctx);
      const { pendingIds, publishedIds } = await ctx.states.setup<Posts>('posts exist', { pending: 2, published: 1 });
      const all = await ayrshare.DELETE('/api/post', { body: { deleteAllScheduled: true } });
      ctx.expect(all.response.status === 200, 'deleteAllScheduled answers 200', 200, all.response.status);
      for (const id of pendingIds) {
        const again = await ayrshare.DELETE('/api/post', { body: { id } });
        ctx.expect(again.error?.code === 383, `pending post ${id} is deleted`, 383, again.error?.code ?? again.response.status);
      }
      const published = await ayrshare.DELETE('/api/post', { body: { id: publishedIds[0] as string } });
      ctx.expect(published.response.status === 200, 'a published post is left alone by deleteAllScheduled (it can still be deleted)', 200, published.response.status);
    },
  },

  'mark-manual-deleted': {
    title: 'markManualDeleted on a post deleted by hand at its networks answers { status, id } and marks the post deleted',
    operationId: 'deletePost',
    async run(ctx) {
      const ayrshare = client(ctx);
      const { publishedIds } = await ctx.states.setup<Posts>('posts exist', { pending: 0, published: 1, removedAtNetwork: true });
      const id = publishedIds[0] as string;
      const marked = await ayrshare.DELETE('/api/post', { body: { id, markManualDeleted: true } });
      ctx.expect(marked.response.status === 200, 'markManualDeleted answers 200', 200, marked.response.status);
      ctx.expect(isDeepStrictEqual(marked.data, { status: 'success', id }), 'markManualDeleted answers { status: "success", id }', { status: 'success', id }, marked.data);
      const again = await ayrshare.DELETE('/api/post', { body: { id } });
      ctx.expect(again.error?.code === 383, 'the post is marked deleted (a delete again is code 383)', 383, again.error?.code ?? again.response.status);
    },
  },

  'mark-manual-deleted-live': {
    title: 'markManualDeleted on a post still live on its networks is 400 code 382, echoing markManualDeleted, and deletes nothing',
    operationId: 'deletePost',
    async run(ctx) {
      const ayrshare = client(ctx);
      const { publishedIds } = await ctx.states.setup<Posts>('posts exist', { pending: 0, published: 1 });
      const id = publishedIds[0] as string;
      const marked = await ayrshare.DELETE('/api/post', { body: { id, markManualDeleted: true } });
      ctx.expect(marked.response.status === 400 && marked.error?.code === 382, 'markManualDeleted on a live post answers 400 code 382', 382, marked.error?.code ?? marked.response.status);
      ctx.expect(marked.error?.id === id && marked.error?.markManualDeleted === true, 'the 382 names the post and echoes markManualDeleted: true', { id, markManualDeleted: true }, { id: marked.error?.id, markManualDeleted: marked.error?.markManualDeleted });
      const deleted = await ayrshare.DELETE('/api/post', { body: { id } });
      ctx.expect(deleted.response.status === 200, 'the post was not marked: a delete afterwards answers 200', 200, deleted.response.status);
    },
  },
};
