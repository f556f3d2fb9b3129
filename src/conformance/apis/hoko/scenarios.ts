import { createHokoClient } from '../../../../generated/hoko/index.js';
import { sameMembers } from '../../scenarios/sameValue.js';
import { fetchWithContentType } from '../../scenarios/fetchWithContentType.js';
import type { ScenarioContext } from '../../scenarios/scenarioContext.js';
import type { Scenarios } from '../../scenarios/scenario.js';

const client = (ctx: ScenarioContext, apiKey = ctx.apiKey) => createHokoClient({ baseUrl: ctx.target.baseUrl, apiKey, fetch: ctx.fetch });
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const RATE_HEADERS = ['X-RateLimit-Limit', 'X-RateLimit-Remaining', 'X-RateLimit-Reset'];
/** How far X-RateLimit-Reset may sit from this machine's clock: clocks differ a little, and a window lasts at most a month. */
const RESET_SLACK = { pastSeconds: 300, futureSeconds: 31 * 24 * 3600 };
/** The same ids, each as often, in any order; a uuid in any letter case is one id. */
const sameSet = sameMembers;

/** Every error is bilingual: `error.ar` is the message in Arabic (in Arabic script, not the English text again). */
function saysItInArabic(ctx: ScenarioContext, error: unknown, what: string): void {
  const message = (error as { error?: { en?: unknown; ar?: unknown } } | undefined)?.error;
  if (message === undefined) return; // the body's schema check already names a missing envelope
  const { en, ar } = message;
  ctx.expect(typeof ar === 'string' && /\p{Script=Arabic}/u.test(ar) && ar !== en, `the ${what}'s error.ar is the message in Arabic`, 'Arabic text', ar);
}

/** A client whose requests carry `Content-Type: <mediaType>` instead of application/json, the body unchanged. */
const clientSending = (ctx: ScenarioContext, mediaType: string) => createHokoClient({ baseUrl: ctx.target.baseUrl, apiKey: ctx.apiKey, fetch: fetchWithContentType(ctx, mediaType) });

/** The behaviour scenarios of this API, by name. */
export const scenarios: Scenarios = {
  'delete-exact-ids': {
    title: 'a delete of n ids returns exactly those ids, and each is deleted: deleting it again is a 400',
    operationId: 'deletePartners',
    async run(ctx) {
      const { partnerIds } = await ctx.states.setup<{ partnerIds: string[] }>('partners exist', { count: 3 });
      const deleted = await client(ctx).DELETE('/api/partners', { body: partnerIds });
      ctx.expect(deleted.response.status === 200, 'the delete answers 200', 200, deleted.response.status);
      ctx.expect(sameSet(deleted.data?.deletedIds, partnerIds), 'deletedIds are exactly the ids sent', partnerIds, deleted.data?.deletedIds);
      // A partner already deleted is not found (the document's assumption): each id alone is a 400
      // now, which shows that every id reported was deleted.
      for (const id of partnerIds) {
        const again = await client(ctx).DELETE('/api/partners', { body: [id] });
        ctx.expect(again.response.status === 400, `partner ${id} is deleted: deleting it again answers 400 (a partner already deleted is not found)`, 400, again.response.status);
      }
    },
  },

  'ids-in-upper-case': {
    title: 'partner ids in upper case are the same partners (a UUID is read in either letter case, RFC 9562 §4): the delete answers 200 with them',
    operationId: 'deletePartners',
    async run(ctx) {
      const { partnerIds } = await ctx.states.setup<{ partnerIds: string[] }>('partners exist', { count: 2 });
      const upper = partnerIds.map((id) => id.toUpperCase());
      const deleted = await client(ctx).DELETE('/api/partners', { body: upper });
      ctx.expect(deleted.response.status === 200, 'a delete of ids in upper case answers 200', 200, deleted.response.status);
      ctx.expect(sameSet(deleted.data?.deletedIds, partnerIds), 'deletedIds are the partners sent, in either letter case', partnerIds, deleted.data?.deletedIds);
    },
  },

  'id-sent-twice': {
    title: 'an id sent twice is deleted once and listed once: the delete answers 200 with every distinct id of the request once',
    operationId: 'deletePartners',
    async run(ctx) {
      const { partnerIds } = await ctx.states.setup<{ partnerIds: string[] }>('partners exist', { count: 2 });
      const [twice, once] = partnerIds as [string, string];
      // The deletedIds description: every distinct id of the request once (an id sent twice is deleted once and listed once).
      const deleted = await client(ctx).DELETE('/api/partners', { body: [twice, once, twice] });
      ctx.expect(deleted.response.status === 200, 'a delete naming one partner twice answers 200', 200, deleted.response.status);
      ctx.expect(sameSet(deleted.data?.deletedIds, [twice, once]), 'deletedIds lists each distinct id of the request once', [twice, once], deleted.data?.deletedIds);
    },
  },

  'other-uuid-spellings': {
    title: 'the id of a live partner spelled otherwise than a UUID (no hyphens, in braces, as a URN, with spaces around it) is refused with 400, and nothing is deleted',
    operationId: 'deletePartners',
    async run(ctx) {
      const hoko = client(ctx);
      const { partnerIds } = await ctx.states.setup<{ partnerIds: string[] }>('partners exist', { count: 1 });
      const id = partnerIds[0] as string;
      // Every id must be a valid UUID: the 8-4-4-4-12 form of RFC 9562 §4, which none of these is (a lenient parser reads each as the partner).
      const spellings = [id.replaceAll('-', ''), `{${id}}`, `urn:uuid:${id}`, ` ${id} `];
      for (const spelled of spellings) {
        const refused = await hoko.DELETE('/api/partners', { body: [spelled] });
        ctx.expect(refused.response.status === 400, `the live partner's id spelled ${JSON.stringify(spelled)} is no valid UUID: the delete answers 400`, 400, refused.response.status);
      }
      const deleted = await hoko.DELETE('/api/partners', { body: [id] });
      ctx.expect(deleted.response.status === 200 && sameSet(deleted.data?.deletedIds, [id]), 'the refused spellings deleted nothing: the id as a UUID deletes the partner afterwards', [id], deleted.data?.deletedIds ?? deleted.response.status);
    },
  },

  'other-media-type': {
    title: 'the ids of live partners sent as text/plain (a media type the document does not take) are refused with 400, and nothing is deleted',
    operationId: 'deletePartners',
    async run(ctx) {
      const { partnerIds } = await ctx.states.setup<{ partnerIds: string[] }>('partners exist', { count: 2 });
      // Live partners, so that a 400 can only be for the media type (example ids are in no workspace).
      const refused = await clientSending(ctx, 'text/plain').DELETE('/api/partners', { body: partnerIds });
      ctx.expect(refused.response.status === 400, 'the ids of live partners sent as text/plain answer 400', 400, refused.response.status);
      const deleted = await client(ctx).DELETE('/api/partners', { body: partnerIds });
      ctx.expect(deleted.response.status === 200 && sameSet(deleted.data?.deletedIds, partnerIds), 'the refused request deleted nothing: the same ids as application/json delete them all', partnerIds, deleted.data?.deletedIds ?? deleted.response.status);
    },
  },

  'all-or-nothing': {
    title: 'a batch with one unknown id, or one id that is no UUID, deletes nothing (400) and a retry without it succeeds',
    operationId: 'deletePartners',
    async run(ctx) {
      const hoko = client(ctx);
      const { partnerIds } = await ctx.states.setup<{ partnerIds: string[] }>('partners exist', { count: 3 });
      const failed = await hoko.DELETE('/api/partners', { body: [...partnerIds, crypto.randomUUID()] });
      ctx.expect(failed.response.status === 400, 'a batch with one id not in the workspace answers 400', 400, failed.response.status);
      saysItInArabic(ctx, failed.error, '400');
      const malformed = await hoko.DELETE('/api/partners', { body: [...partnerIds, 'invalid-id'] });
      ctx.expect(malformed.response.status === 400, 'a batch with one id that is no UUID answers 400', 400, malformed.response.status);
      const retry = await hoko.DELETE('/api/partners', { body: partnerIds });
      ctx.expect(retry.response.status === 200 && sameSet(retry.data?.deletedIds, partnerIds), 'the failed batches deleted nothing: a retry without the unknown or malformed id deletes them all', partnerIds, retry.data?.deletedIds ?? retry.response.status);
    },
  },

  'other-workspace': {
    title: "partners of another workspace are not the key's: a delete naming one answers 400, alone or beside the key's own, and deletes nothing",
    operationId: 'deletePartners',
    async run(ctx) {
      const hoko = client(ctx);
      const own = await ctx.states.setup<{ partnerIds: string[] }>('partners exist', { count: 2 });
      const other = await ctx.states.setup<{ partnerIds: string[] }>('partners of another workspace', { count: 1 });
      const alone = await hoko.DELETE('/api/partners', { body: other.partnerIds });
      ctx.expect(alone.response.status === 400, "a delete of another workspace's partner answers 400 (not a partner in your workspace)", 400, alone.response.status);
      const beside = await hoko.DELETE('/api/partners', { body: [...own.partnerIds, ...other.partnerIds] });
      ctx.expect(beside.response.status === 400, "a batch of the key's partners and one of another workspace answers 400", 400, beside.response.status);
      const retry = await hoko.DELETE('/api/partners', { body: own.partnerIds });
      ctx.expect(retry.response.status === 200 && sameSet(retry.data?.deletedIds, own.partnerIds), "the refused batch deleted nothing: the key's own partners are deleted afterwards", own.partnerIds, retry.data?.deletedIds ?? retry.response.status);
    },
  },

  'ten-thousand': {
    title: '10,000 ids in one request succeed, the first and the last deleted (deleting either again is a 400); the same batch with its last id unknown deletes nothing, all or nothing at that size too',
    operationId: 'deletePartners',
    async run(ctx) {
      const { partnerIds } = await ctx.states.setup<{ partnerIds: string[] }>('partners exist', { count: 10_000 });
      // All or nothing at any size: a server that deletes a large batch in chunks keeps the first ones deleted when a later one fails.
      const refused = await client(ctx).DELETE('/api/partners', { body: [...partnerIds.slice(0, -1), crypto.randomUUID()] });
      ctx.expect(refused.response.status === 400, '10,000 ids whose last is not in the workspace answer 400', 400, refused.response.status);
      const deleted = await client(ctx).DELETE('/api/partners', { body: partnerIds });
      ctx.expect(deleted.response.status === 200, '10,000 ids in one request answer 200', 200, deleted.response.status);
      ctx.expect(sameSet(deleted.data?.deletedIds, partnerIds), 'all 10,000 ids are deleted and returned', 10_000, deleted.data?.deletedIds?.length);
      // The first and the last id, each alone, are deleted already: a 400 (a partner already deleted is not found).
      for (const id of [partnerIds[0], partnerIds.at(-1)] as string[]) {
        const again = await client(ctx).DELETE('/api/partners', { body: [id] });
        ctx.expect(again.response.status === 400, `partner ${id} of the 10,000 is deleted: deleting it again answers 400`, 400, again.response.status);
      }
    },
  },

  'rate-limit': {
    title: 'over the limit the delete answers 429 with retryAfter and the X-RateLimit-* headers; after that wait the next request passes',
    operationId: 'deletePartners',
    async run(ctx) {
      const hoko = client(ctx);
      const { partnerIds } = await ctx.states.setup<{ partnerIds: string[] }>('partners exist', { count: 2 });
      const announced = await ctx.states.setup<{ retryAfter: number }>('rate limit exhausted', { retryAfter: 1 });
      const limited = await hoko.DELETE('/api/partners', { body: partnerIds });
      ctx.expect(limited.response.status === 429, 'over the limit the delete answers 429', 429, limited.response.status);
      saysItInArabic(ctx, limited.error, '429');
      const retryAfter = (limited.error as { retryAfter?: unknown } | undefined)?.retryAfter;
      ctx.expect(typeof retryAfter === 'number' && retryAfter >= 0 && retryAfter <= announced.retryAfter, `the 429 says retryAfter in seconds, at most the ${announced.retryAfter} s the state announced`, `0..${announced.retryAfter}`, retryAfter ?? 'no retryAfter');
      for (const name of RATE_HEADERS) ctx.expect(/^\d+$/.test(limited.response.headers.get(name) ?? ''), `the 429 carries ${name} as a number`, 'digits', limited.response.headers.get(name) ?? `no ${name}`);
      const remaining = limited.response.headers.get('X-RateLimit-Remaining');
      if (remaining !== null && /^\d+$/.test(remaining)) ctx.expect(Number(remaining) === 0, 'the 429 says X-RateLimit-Remaining: 0 (no request left in the window)', '0', remaining);
      const reset = limited.response.headers.get('X-RateLimit-Reset');
      if (reset !== null && /^\d+$/.test(reset)) {
        const now = Date.now() / 1000;
        ctx.expect(Number(reset) >= now - RESET_SLACK.pastSeconds && Number(reset) <= now + RESET_SLACK.futureSeconds, 'X-RateLimit-Reset is a Unix time in seconds, when the window resets: not in the past, not past a month from now (a time in milliseconds, or a count of seconds to wait, is neither)', `about ${Math.round(now)} or later`, reset);
      }
      await wait(Math.min(typeof retryAfter === 'number' ? retryAfter : announced.retryAfter, announced.retryAfter) * 1000 + 300);
      const next = await hoko.DELETE('/api/partners', { body: partnerIds });
      ctx.expect(next.response.status === 200 && sameSet(next.data?.deletedIds, partnerIds), 'after waiting retryAfter the next request passes and deletes the partners', partnerIds, next.data?.deletedIds ?? next.response.status);
    },
  },

  'failed-delete-changes-nothing': {
    title: 'a delete that fails with 500 deletes nothing: the same ids are all deleted by the next request',
    operationId: 'deletePartners',
    async run(ctx) {
      const hoko = client(ctx);
      const { partnerIds } = await ctx.states.setup<{ partnerIds: string[] }>('partners exist', { count: 3 });
      await ctx.states.setup('next request fails');
      const failed = await hoko.DELETE('/api/partners', { body: partnerIds });
      ctx.expect(failed.response.status === 500, 'with a failing server the delete answers 500', 500, failed.response.status);
      saysItInArabic(ctx, failed.error, '500');
      const retry = await hoko.DELETE('/api/partners', { body: partnerIds });
      ctx.expect(retry.response.status === 200 && sameSet(retry.data?.deletedIds, partnerIds), 'the failed delete changed nothing: every id is still deletable', partnerIds, retry.data?.deletedIds ?? retry.response.status);
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
      saysItInArabic(ctx, refused.error, '403');
      const missing = (refused.error as { missingScopes?: string[] } | undefined)?.missingScopes;
      ctx.expect(sameSet(missing, ['linksWrite']), 'missingScopes is ["linksWrite"]', ['linksWrite'], missing);
      const deleted = await client(ctx).DELETE('/api/partners', { body: partnerIds });
      ctx.expect(deleted.response.status === 200 && sameSet(deleted.data?.deletedIds, partnerIds), 'nothing was deleted: the key with linksWrite deletes the partner afterwards', partnerIds, deleted.data?.deletedIds ?? deleted.response.status);
    },
  },
};
