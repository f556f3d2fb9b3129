import { isDeepStrictEqual } from 'node:util';
import { createAyrshareClient } from '../../../../generated/ayrshare/index.js';
import { fetchWithContentType } from '../../scenarios/fetchWithContentType.js';
import type { ScenarioContext } from '../../scenarios/scenarioContext.js';
import type { Scenarios } from '../../scenarios/scenario.js';

type Posts = { pendingIds: string[]; publishedIds: string[] };
const client = (ctx: ScenarioContext, apiKey = ctx.apiKey) => createAyrshareClient({ baseUrl: ctx.target.baseUrl, apiKey, fetch: ctx.fetch });
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** An error's `id` is "the Ayrshare post id the error concerns, when there is one": the one sent, if it names any. */
function namesThePost(ctx: ScenarioContext, code: string, error: { id?: string } | undefined, id: string): void {
  if (error?.id === undefined) return;
  ctx.expect(error.id === id, `the ${code} names the post sent in its id`, id, error.id);
}

/** The networks whose APIs cannot delete a published post (the page: delete those in the mobile app). */
const CANNOT_DELETE_PUBLISHED = ['instagram', 'tiktok'];

/** A client whose requests carry `Content-Type: <mediaType>` instead of application/json, the body unchanged. */
const clientSending = (ctx: ScenarioContext, mediaType: string) => createAyrshareClient({ baseUrl: ctx.target.baseUrl, apiKey: ctx.apiKey, fetch: fetchWithContentType(ctx, mediaType) });

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
      namesThePost(ctx, '383', again.error, id);
      const unknownId = `unknown${crypto.randomUUID().replaceAll('-', '')}`;
      const unknown = await ayrshare.DELETE('/api/post', { body: { id: unknownId } });
      ctx.expect(unknown.response.status === 400 && unknown.error?.code === 114, 'an unknown id answers 400 code 114', 114, unknown.error?.code ?? unknown.response.status);
      namesThePost(ctx, '114', unknown.error, unknownId);
    },
  },

  'delete-bulk': {
    title: 'delete by bulk removes every listed post, pending scheduled ones as well as published ones; a bulk naming a post already deleted is code 383, and a bulk markManualDeleted of a post still live at its networks code 382',
    operationId: 'deletePost',
    async run(ctx) {
      const ayrshare = client(ctx);
      const { pendingIds, publishedIds } = await ctx.states.setup<Posts>('posts exist', { pending: 2, published: 3 });
      // bulk deletes each post as a delete by id would: a pending one too (deleted, never sent).
      const listed = [...publishedIds, ...pendingIds];
      const bulk = await ayrshare.DELETE('/api/post', { body: { bulk: listed } });
      ctx.expect(bulk.response.status === 200, 'delete by bulk answers 200', 200, bulk.response.status);
      for (const id of listed) {
        const again = await ayrshare.DELETE('/api/post', { body: { id } });
        ctx.expect(again.error?.code === 383, `post ${id} of the bulk is deleted (a delete again is code 383)`, 383, again.error?.code ?? again.response.status);
      }
      // Each post of a bulk is told apart as a delete by id tells it: one already deleted is code 383,
      // one still live at its networks cannot be only marked deleted (382).
      const { publishedIds: live } = await ctx.states.setup<Posts>('posts exist', { pending: 0, published: 1 });
      const withDeleted = await ayrshare.DELETE('/api/post', { body: { bulk: [live[0] as string, listed[0] as string] } });
      ctx.expect(withDeleted.response.status === 400 && withDeleted.error?.code === 383, 'a bulk naming a post already deleted answers 400 code 383', 383, withDeleted.error?.code ?? withDeleted.response.status);
      const markLive = await ayrshare.DELETE('/api/post', { body: { bulk: [live[0] as string], markManualDeleted: true } });
      ctx.expect(markLive.response.status === 400 && markLive.error?.code === 382, 'a bulk markManualDeleted naming a post still live at its networks answers code 382', 382, markLive.error?.code ?? markLive.response.status);
      // A bulk markManualDeleted of posts deleted by hand at their networks marks each deleted.
      const { publishedIds: byHand } = await ctx.states.setup<Posts>('posts exist', { pending: 0, published: 2, removedAtNetwork: true });
      const marked = await ayrshare.DELETE('/api/post', { body: { bulk: byHand, markManualDeleted: true } });
      ctx.expect(marked.response.status === 200, 'a bulk markManualDeleted of posts deleted by hand at their networks answers 200', 200, marked.error?.code ?? marked.response.status);
      for (const id of byHand) {
        const again = await ayrshare.DELETE('/api/post', { body: { id } });
        ctx.expect(again.error?.code === 383, `post ${id} of the bulk markManualDeleted is marked deleted (a delete again is code 383)`, 383, again.error?.code ?? again.response.status);
      }
      // A bulk cannot delete a published Instagram post either: it stays live there, so markManualDeleted on it is code 382.
      const { publishedIds: instagram } = await ctx.states.setup<Posts>('posts exist', { pending: 0, published: 1, platforms: ['instagram'] });
      await ayrshare.DELETE('/api/post', { body: { bulk: instagram } });
      const stillLive = await ayrshare.DELETE('/api/post', { body: { id: instagram[0] as string, markManualDeleted: true } });
      ctx.expect(stillLive.error?.code === 382, 'the post a bulk could not delete at instagram is still live there: markManualDeleted on it answers code 382', 382, stillLive.error?.code ?? stillLive.response.status);
    },
  },

  'delete-all-scheduled': {
    title: 'deleteAllScheduled deletes only pending scheduled posts, ignoring the id and bulk sent with it',
    operationId: 'deletePost',
    async run(ctx) {
      const ayrshare = client(ctx);
      const { pendingIds, publishedIds } = await ctx.states.setup<Posts>('posts exist', { pending: 2, published: 1 });
      // `id` and `bulk` are ignored with deleteAllScheduled: true "whatever their values": they name the published post here.
      const all = await ayrshare.DELETE('/api/post', { body: { deleteAllScheduled: true, id: publishedIds[0], bulk: publishedIds } });
      ctx.expect(all.response.status === 200, 'deleteAllScheduled answers 200', 200, all.response.status);
      for (const id of pendingIds) {
        const again = await ayrshare.DELETE('/api/post', { body: { id } });
        ctx.expect(again.error?.code === 383, `pending post ${id} is deleted`, 383, again.error?.code ?? again.response.status);
      }
      const published = await ayrshare.DELETE('/api/post', { body: { id: publishedIds[0] as string } });
      ctx.expect(published.response.status === 200, 'a published post is left alone by deleteAllScheduled, even named in the id and bulk sent with it (it can still be deleted)', 200, published.response.status);
    },
  },

  'delete-all-scheduled-per-profile': {
    title: "deleteAllScheduled deletes the pending posts of the User Profile it acts on only: another User Profile's pending posts are left, and its own deleteAllScheduled (with its Profile-Key) deletes them",
    operationId: 'deletePost',
    async run(ctx) {
      const ayrshare = client(ctx);
      const { pendingIds } = await ctx.states.setup<Posts>('posts exist', { pending: 1, published: 0 });
      const other = await ctx.states.setup<{ profileKey: string; pendingIds: string[] }>('posts of a user profile', { pending: 2 });
      const [left, second] = other.pendingIds as [string, string];
      const asOther = { header: { 'Profile-Key': other.profileKey } };
      const all = await ayrshare.DELETE('/api/post', { body: { deleteAllScheduled: true } });
      ctx.expect(all.response.status === 200, 'deleteAllScheduled answers 200', 200, all.error?.code ?? all.response.status);
      const own = await ayrshare.DELETE('/api/post', { body: { id: pendingIds[0] as string } });
      ctx.expect(own.error?.code === 383, 'the pending post of the profile acted on is deleted (a delete again is code 383)', 383, own.error?.code ?? own.response.status);
      // Without its Profile-Key a request acts on the primary profile, which has no such post: by id or in bulk, it is not found there.
      const byId = await ayrshare.DELETE('/api/post', { body: { id: left } });
      ctx.expect(byId.response.status === 400, "a delete by id without the User Profile's Profile-Key leaves its post alone: it answers 400 (no such post in the profile acted on)", 400, byId.response.status);
      const inBulk = await ayrshare.DELETE('/api/post', { body: { bulk: [left] } });
      ctx.expect(inBulk.response.status === 400, "a bulk delete without the User Profile's Profile-Key leaves its post alone: it answers 400 (no such post in the profile acted on)", 400, inBulk.response.status);
      const kept = await ayrshare.DELETE('/api/post', { params: asOther, body: { id: left } });
      ctx.expect(kept.response.status === 200, 'a pending post of another User Profile is left alone by deleteAllScheduled (it deletes the scheduled posts of the User Profile it acts on): deleting it with its Profile-Key answers 200', 200, kept.error?.code ?? kept.response.status);
      const theirs = await ayrshare.DELETE('/api/post', { params: asOther, body: { deleteAllScheduled: true } });
      ctx.expect(theirs.response.status === 200, "deleteAllScheduled with the User Profile's Profile-Key answers 200", 200, theirs.error?.code ?? theirs.response.status);
      const gone = await ayrshare.DELETE('/api/post', { params: asOther, body: { id: second } });
      ctx.expect(gone.error?.code === 383, "the User Profile's own deleteAllScheduled deleted its pending post (a delete again is code 383)", 383, gone.error?.code ?? gone.response.status);
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

  'networks-that-cannot-delete': {
    title: "a published post's member says error on the networks that cannot delete it (Instagram, TikTok, a Facebook image story) and success on the others; the overall status is then not success; a Facebook video story is deleted",
    operationId: 'deletePost',
    async run(ctx) {
      const { publishedIds } = await ctx.states.setup<Posts>('posts exist', { pending: 0, published: 1, platforms: [...CANNOT_DELETE_PUBLISHED, 'facebook', 'linkedin'], facebookStory: 'image' });
      // The page: Facebook cannot delete image stories through its API, but video stories it can.
      const { publishedIds: videoStories } = await ctx.states.setup<Posts>('posts exist', { pending: 0, published: 1, platforms: ['facebook'], facebookStory: 'video' });
      const statusOf = (data: unknown, network: string) => ((data as Record<string, unknown> | undefined)?.[network] as { status?: unknown } | undefined)?.status;
      const deleted = await client(ctx).DELETE('/api/post', { body: { id: publishedIds[0] as string } });
      ctx.expect(deleted.response.status === 200, 'the delete answers 200 with per-network results', 200, deleted.response.status);
      const result = deleted.data as Record<string, unknown> | undefined;
      if (result) {
        for (const network of [...CANNOT_DELETE_PUBLISHED, 'facebook']) {
          const why = network === 'facebook' ? 'an image story, which Facebook cannot delete through its API' : `a published ${network} post, which ${network} cannot delete through its API`;
          ctx.expect(statusOf(result, network) === 'error', `the ${network} member says error: the post is ${why}`, 'error', statusOf(result, network) ?? `no ${network} member`);
        }
        ctx.expect(statusOf(result, 'linkedin') === 'success', 'the linkedin member says success (it deletes through its API)', 'success', statusOf(result, 'linkedin') ?? 'no linkedin member');
        ctx.expect(result.status !== 'success', 'the overall status is not success when a network did not delete the post', 'error', result.status);
      }
      // The page: those posts are deleted in the networks' apps, then only marked; until then markManualDeleted fails with code 382.
      const marked = await client(ctx).DELETE('/api/post', { body: { id: publishedIds[0] as string, markManualDeleted: true } });
      ctx.expect(marked.error?.code === 382, 'the post the networks refused to delete is still live there: markManualDeleted on it answers code 382 (not deleted, so not 383)', 382, marked.error?.code ?? marked.response.status);
      const video = await client(ctx).DELETE('/api/post', { body: { id: videoStories[0] as string } });
      ctx.expect(video.response.status === 200 && statusOf(video.data, 'facebook') === 'success', 'the facebook member of a video story says success (Facebook deletes video stories through its API; only image stories it cannot)', 'success', statusOf(video.data, 'facebook') ?? video.error?.code ?? video.response.status);
    },
  },

  'scheduled-on-every-network': {
    title: 'a scheduled post still pending is deleted on every network, Instagram and TikTok included (only their published posts cannot be deleted): 200 with no network saying error, and a second delete is code 383',
    operationId: 'deletePost',
    async run(ctx) {
      const ayrshare = client(ctx);
      const networks = [...CANNOT_DELETE_PUBLISHED, 'facebook'];
      const { pendingIds } = await ctx.states.setup<Posts>('posts exist', { pending: 1, published: 0, platforms: networks });
      const id = pendingIds[0] as string;
      const deleted = await ayrshare.DELETE('/api/post', { body: { id } });
      const result = deleted.data as Record<string, unknown> | undefined;
      const refusing = Object.entries(result ?? {}).filter(([, member]) => (member as { status?: unknown } | null)?.status === 'error').map(([network]) => network);
      ctx.expect(deleted.response.status === 200 && result?.status === 'success' && refusing.length === 0, `a scheduled post on ${networks.slice(0, -1).join(', ')} and ${networks.at(-1)} is deleted: the delete answers 200 with no network saying error (scheduled posts can be deleted on every network)`, 'success', refusing.length > 0 ? `error from ${refusing.join(', ')}` : (result?.status ?? deleted.error?.code ?? deleted.response.status));
      const again = await ayrshare.DELETE('/api/post', { body: { id } });
      ctx.expect(again.response.status === 400 && again.error?.code === 383, 'the scheduled post is deleted: a second delete answers 400 code 383', 383, again.error?.code ?? again.response.status);
    },
  },

  'x-credentials': {
    title: 'a published X post is deleted at X when the request sends the X-Twitter-OAuth1 headers (its twitter member says success), and not without them',
    operationId: 'deletePost',
    async run(ctx) {
      const ayrshare = client(ctx);
      const { publishedIds } = await ctx.states.setup<Posts>('posts exist', { pending: 0, published: 2, platforms: ['twitter'] });
      const [withKeys, without] = publishedIds as [string, string];
      const twitterOf = (data: unknown) => ((data as Record<string, unknown> | undefined)?.twitter as { status?: unknown } | undefined)?.status;
      // The page: every X operation needs the caller's own X credentials, sent in these two headers.
      const sent = await ayrshare.DELETE('/api/post', { params: { header: { 'X-Twitter-OAuth1-Api-Key': 'X_CONSUMER_KEY', 'X-Twitter-OAuth1-Api-Secret': 'X_CONSUMER_SECRET' } }, body: { id: withKeys } });
      ctx.expect(sent.response.status === 200 && twitterOf(sent.data) === 'success', 'with the X-Twitter-OAuth1 headers the delete answers 200 and its twitter member says success', 'success', twitterOf(sent.data) ?? sent.error?.code ?? sent.response.status);
      const bare = await ayrshare.DELETE('/api/post', { body: { id: without } });
      ctx.expect(bare.response.status !== 200 || twitterOf(bare.data) !== 'success', 'without the X-Twitter-OAuth1 headers X does not delete the post: its twitter member does not say success', 'error', twitterOf(bare.data) ?? bare.response.status);
      // The page asks for both headers: the key alone is no credential.
      const keyOnly = await ayrshare.DELETE('/api/post', { params: { header: { 'X-Twitter-OAuth1-Api-Key': 'X_CONSUMER_KEY' } }, body: { id: without } });
      ctx.expect(keyOnly.response.status !== 200 || twitterOf(keyOnly.data) !== 'success', 'with X-Twitter-OAuth1-Api-Key alone (no secret) X does not delete the post: its twitter member does not say success', 'error', twitterOf(keyOnly.data) ?? keyOnly.response.status);
    },
  },

  'other-media-type': {
    title: 'the id of a live post sent as text/plain (a media type the document does not take) is refused with 400, and nothing is deleted',
    operationId: 'deletePost',
    async run(ctx) {
      const { publishedIds } = await ctx.states.setup<Posts>('posts exist', { pending: 0, published: 1 });
      const id = publishedIds[0] as string;
      // A live post, so that a 400 can only be for the media type (an example id may name no post: code 114 anyway).
      const refused = await clientSending(ctx, 'text/plain').DELETE('/api/post', { body: { id } });
      ctx.expect(refused.response.status === 400, 'the id of a live post sent as text/plain answers 400', 400, refused.response.status);
      const deleted = await client(ctx).DELETE('/api/post', { body: { id } });
      ctx.expect(deleted.response.status === 200, 'the refused request deleted nothing: the same body as application/json deletes the post (200)', 200, deleted.error?.code ?? deleted.response.status);
    },
  },

  'false-flags': {
    title: 'deleteAllScheduled: false and markManualDeleted: false are their defaults: a delete by id sending them deletes that post at its networks, and no pending post',
    operationId: 'deletePost',
    async run(ctx) {
      const ayrshare = client(ctx);
      const { pendingIds, publishedIds } = await ctx.states.setup<Posts>('posts exist', { pending: 1, published: 1 });
      const id = publishedIds[0] as string;
      // Both flags act only when true (default false): sent as false, the body is a plain delete by id.
      const deleted = await ayrshare.DELETE('/api/post', { body: { id, deleteAllScheduled: false, markManualDeleted: false } });
      const data = deleted.data as Record<string, unknown> | undefined;
      ctx.expect(deleted.response.status === 200 && typeof data?.id !== 'string', 'a delete by id with markManualDeleted: false answers 200 with per-network results (the post, live at its networks, is deleted there, not only marked)', 200, deleted.error?.code ?? (typeof data?.id === 'string' ? 'the markManualDeleted answer { status, id }' : deleted.response.status));
      for (const pending of pendingIds) {
        const still = await ayrshare.DELETE('/api/post', { body: { id: pending } });
        ctx.expect(still.response.status === 200, `deleteAllScheduled: false deleted no pending post: pending post ${pending} is deleted afterwards (200)`, 200, still.error?.code ?? still.response.status);
      }
    },
  },

  'id-with-bulk': {
    title: 'a body with both id and bulk is accepted (the page does not forbid it; which of the two the server acts on is its choice)',
    operationId: 'deletePost',
    async run(ctx) {
      const { publishedIds } = await ctx.states.setup<Posts>('posts exist', { pending: 0, published: 2 });
      const [id, other] = publishedIds as [string, string];
      const both = await client(ctx).DELETE('/api/post', { body: { id, bulk: [other] } });
      ctx.expect(both.response.status === 200, 'a delete with id and bulk, both naming live posts, answers 200', 200, both.error?.code ?? both.response.status);
    },
  },

  'rate-limit': {
    title: 'over the limit the delete answers 429 code 105; after the announced wait the next request passes',
    operationId: 'deletePost',
    async run(ctx) {
      const ayrshare = client(ctx);
      const { publishedIds } = await ctx.states.setup<Posts>('posts exist', { pending: 0, published: 1 });
      const id = publishedIds[0] as string;
      const { retryAfter } = await ctx.states.setup<{ retryAfter: number }>('rate limit exhausted', { retryAfter: 1 });
      const limited = await ayrshare.DELETE('/api/post', { body: { id } });
      ctx.expect(limited.response.status === 429 && limited.error?.code === 105, 'over the limit the delete answers 429 code 105', 105, limited.error?.code ?? limited.response.status);
      await wait(retryAfter * 1000 + 300);
      const next = await ayrshare.DELETE('/api/post', { body: { id } });
      ctx.expect(next.response.status === 200, 'after the wait the next request passes (the post is deleted)', 200, next.response.status);
    },
  },

  'failed-delete-changes-nothing': {
    title: 'a delete that fails with 500 code 106 changes nothing: the post can still be deleted',
    operationId: 'deletePost',
    async run(ctx) {
      const ayrshare = client(ctx);
      const { publishedIds } = await ctx.states.setup<Posts>('posts exist', { pending: 0, published: 1 });
      const id = publishedIds[0] as string;
      await ctx.states.setup('next request fails');
      const failed = await ayrshare.DELETE('/api/post', { body: { id } });
      ctx.expect(failed.response.status === 500 && failed.error?.code === 106, 'with a failing server the delete answers 500 code 106', 106, failed.error?.code ?? failed.response.status);
      const retry = await ayrshare.DELETE('/api/post', { body: { id } });
      ctx.expect(retry.response.status === 200, 'the failed delete changed nothing: deleting again answers 200', 200, retry.response.status);
    },
  },

  'plan-forbidden': {
    title: 'a key whose plan lacks the endpoint is 403 code 103, and deletes nothing',
    operationId: 'deletePost',
    async run(ctx) {
      const { publishedIds } = await ctx.states.setup<Posts>('posts exist', { pending: 0, published: 1 });
      const id = publishedIds[0] as string;
      const { apiKey } = await ctx.states.setup<{ apiKey: string }>('api key without scope', { scope: 'deletePost' });
      const denied = await client(ctx, apiKey).DELETE('/api/post', { body: { id } });
      ctx.expect(denied.response.status === 403 && denied.error?.code === 103, 'a key whose plan lacks deletePost answers 403 code 103', 103, denied.error?.code ?? denied.response.status);
      const deleted = await client(ctx).DELETE('/api/post', { body: { id } });
      ctx.expect(deleted.response.status === 200, 'the refused call deleted nothing: the post is deleted afterwards with the key the suite uses (200)', 200, deleted.error?.code ?? deleted.response.status);
    },
  },

  'unknown-profile-key': {
    title: 'a Profile-Key of no User Profile is 404 code 104, and deletes nothing',
    operationId: 'deletePost',
    async run(ctx) {
      const { publishedIds } = await ctx.states.setup<Posts>('posts exist', { pending: 0, published: 1 });
      const id = publishedIds[0] as string;
      const missing = await client(ctx).DELETE('/api/post', { params: { header: { 'Profile-Key': `unknown-${crypto.randomUUID()}` } }, body: { id } });
      ctx.expect(missing.response.status === 404 && missing.error?.code === 104, 'an unknown Profile-Key answers 404 code 104', 104, missing.error?.code ?? missing.response.status);
      const deleted = await client(ctx).DELETE('/api/post', { body: { id } });
      ctx.expect(deleted.response.status === 200, 'the refused call deleted nothing: the post of the primary profile is deleted afterwards (200)', 200, deleted.error?.code ?? deleted.response.status);
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
