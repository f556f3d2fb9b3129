import { createLayersClient } from '../../../../generated/layers/index.js';
import { canonicalValue, sameValue } from '../../scenarios/sameValue.js';
import type { ScenarioContext } from '../../scenarios/scenarioContext.js';
import type { Scenarios } from '../../scenarios/scenario.js';

const client = (ctx: ScenarioContext, apiKey = ctx.apiKey) => createLayersClient({ baseUrl: ctx.target.baseUrl, apiKey, fetch: ctx.fetch });
type Layers = ReturnType<typeof client>;
/** The two ways in the document gives every operation: the key as `Authorization: Bearer`, or as `X-Api-Key`. */
type Way = 'Bearer' | 'X-Api-Key';
const WAYS: Way[] = ['Bearer', 'X-Api-Key'];
/** A client sending the key the `way` says (the generated client writes Bearer; X-Api-Key replaces it). */
function clientVia(ctx: ScenarioContext, way: Way, apiKey = ctx.apiKey): Layers {
  if (way === 'Bearer') return client(ctx, apiKey);
  return createLayersClient({
    baseUrl: ctx.target.baseUrl,
    apiKey,
    fetch: (request: Request) => {
      const sent = new Request(request);
      sent.headers.delete('Authorization');
      sent.headers.set('X-Api-Key', apiKey);
      return ctx.fetch(sent);
    },
  });
}
/**
 * A client whose requests carry `Content-Type: application/json` and an empty body, as curl sends
 * the delete page's request with its `Content-Type` header and without `-d`.
 */
function clientSendingEmptyJson(ctx: ScenarioContext): Layers {
  return createLayersClient({
    baseUrl: ctx.target.baseUrl,
    apiKey: ctx.apiKey,
    fetch: (request: Request) => {
      const headers = new Headers(request.headers);
      headers.set('Content-Type', 'application/json');
      return ctx.fetch(new Request(request.url, { method: request.method, headers, body: '' }));
    },
  });
}
/** How far a server's clock may sit from this machine's when it stamps the time of a call. */
const CLOCK_SLACK_MS = 300_000;
/** `stamp` is the time of a call made between `from` and now (give or take the slack): the moment it says it happened. */
function stampedAtCallTime(ctx: ScenarioContext, stamp: string | undefined, from: number, what: string): void {
  const at = stamp === undefined ? Number.NaN : Date.parse(stamp);
  const now = Date.now();
  ctx.expect(at >= from - CLOCK_SLACK_MS && at <= now + CLOCK_SLACK_MS, `${what} is the time of the call (within ${CLOCK_SLACK_MS / 60_000} minutes of this machine's clock)`, `${new Date(from).toISOString()} … ${new Date(now).toISOString()}`, stamp ?? 'absent');
}
type Answer = { response: Response; error?: unknown };
/** The Layers error envelope, read loosely (the checks already validated it against the document). */
const errorOf = (answer: Answer) => (answer.error as { error?: { code?: string; requestId?: string; details?: Record<string, unknown> } } | undefined)?.error;
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/**
 * Waits until a server clock that writes `stamp`'s precision (milliseconds, or whole seconds…) has
 * moved on, so a change made after it is stamped later: ordering by the server's own clock needs no
 * agreement with this machine's.
 */
const waitOneTick = (stamp: string | undefined) => wait(10 ** (3 - Math.min(3, /\.(\d+)/.exec(stamp ?? '')?.[1]?.length ?? 0)) + 1);

/** The fields the document gives every influencer record. */
const INFLUENCER_FIELDS = ['influencerId', 'projectId', 'name', 'gender', 'ageRange', 'brandVoice', 'language', 'status', 'createdAt', 'updatedAt'];

/** The list walk: influencers set up, walked `limit` at a time (so over several pages). */
const PAGE_WALK = { influencers: 5, limit: 2 };
/** The Limit parameter's maximum. */
const LIMIT_MAX = 100;

/** The name and queued posts `resources` sets up, so a scenario can show that refused calls changed neither. */
const UNTOUCHED = { name: 'Before the refusal', queuedPosts: 1 };

/** An influencer and a connected account to call every operation on (set up before a switch or limit is turned on). */
async function resources(ctx: ScenarioContext) {
  const { influencerId } = await ctx.states.setup<{ influencerId: string }>('influencer exists', { name: UNTOUCHED.name });
  const { socialAccountId } = await ctx.states.setup<{ socialAccountId: string }>('social account exists', { queuedPosts: UNTOUCHED.queuedPosts });
  return { influencerId, socialAccountId };
}

/**
 * After `refused` (calls the server refused: 403, 409, 429, 503), with the key the suite uses:
 * the influencer is still there with its name, and the account still connected with its queued
 * posts (revoking it now cancels them all). A refusal that wrote all the same is a lie.
 */
async function refusedChangedNothing(ctx: ScenarioContext, { influencerId, socialAccountId }: { influencerId?: string; socialAccountId?: string }, refused: string): Promise<void> {
  const layers = client(ctx);
  if (influencerId !== undefined) {
    const influencer = await layers.GET('/v1/influencers/{influencerId}', { params: { path: { influencerId } } });
    ctx.expect(influencer.response.status === 200 && influencer.data?.name === UNTOUCHED.name, `${refused} changed nothing: the influencer is still there, its name unchanged`, UNTOUCHED.name, influencer.data?.name ?? influencer.response.status);
  }
  if (socialAccountId !== undefined) {
    const revoked = await layers.DELETE('/v1/social-accounts/{socialAccountId}', { params: { path: { socialAccountId } } });
    ctx.expect(revoked.response.status === 200 && revoked.data?.canceledScheduledPosts === UNTOUCHED.queuedPosts, `${refused} changed nothing: the account is still connected, and revoking it now cancels its ${UNTOUCHED.queuedPosts} queued post`, `200, ${UNTOUCHED.queuedPosts}`, revoked.response.status === 200 ? revoked.data?.canceledScheduledPosts : revoked.response.status);
  }
}

/** The operations that only read: the revoke reference's rate limit is a per-key write budget, which need not hold them back. */
const READS = new Set(['listInfluencers', 'getInfluencer']);

/** One call of each operation of the document, by operationId. */
function everyOperation(layers: Layers, { influencerId, socialAccountId }: { influencerId: string; socialAccountId: string }): [string, () => Promise<Answer>][] {
  const influencer = { params: { path: { influencerId } } };
  return [
    ['listInfluencers', () => layers.GET('/v1/influencers', { params: { query: { limit: 10 } } })],
    ['getInfluencer', () => layers.GET('/v1/influencers/{influencerId}', influencer)],
    ['patchInfluencer', () => layers.PATCH('/v1/influencers/{influencerId}', { ...influencer, body: { name: 'Conformance suite' } })],
    ['deleteInfluencer', () => layers.DELETE('/v1/influencers/{influencerId}', influencer)],
    ['revokeSocialAccount', () => layers.DELETE('/v1/social-accounts/{socialAccountId}', { params: { path: { socialAccountId } } })],
  ];
}

/** The kill switch of one scope: every operation answers 503 KILL_SWITCH naming it. */
const killSwitch = (scope: 'key' | 'organization' | 'global') => ({
  title: `a ${scope} kill switch answers 503 KILL_SWITCH with details.scope ${scope} on every operation, the key sent either way, and the refused calls change nothing`,
  operationId: 'listInfluencers',
  async run(ctx: ScenarioContext) {
    const ids = await resources(ctx);
    const data = await ctx.states.setup<{ scope: string }>('kill switch', { scope });
    for (const way of WAYS) {
      for (const [operationId, call] of everyOperation(clientVia(ctx, way), ids)) {
        const answer = await call();
        const what = `${operationId} (key as ${way})`;
        ctx.expect(answer.response.status === 503, `${what} under a ${scope} kill switch answers 503`, 503, answer.response.status);
        ctx.expect(errorOf(answer)?.code === 'KILL_SWITCH', `${what}: the 503 has code KILL_SWITCH`, 'KILL_SWITCH', errorOf(answer)?.code);
        ctx.expect(errorOf(answer)?.details?.scope === data.scope, `${what}: the 503 names the scope in details.scope`, data.scope, errorOf(answer)?.details?.scope ?? 'no details.scope');
      }
    }
    await ctx.states.teardown('kill switch');
    await refusedChangedNothing(ctx, ids, `the calls refused by the ${scope} kill switch`);
  },
});

/** The behaviour scenarios of this API, by name. */
export const scenarios: Scenarios = {
  'soft-delete': {
    title: 'a DELETE refused with 422 deletes nothing; a deleted influencer is gone from GET, the list, PATCH and a second DELETE (404)',
    operationId: 'deleteInfluencer',
    async run(ctx) {
      const layers = client(ctx);
      const { influencerId } = await ctx.states.setup<{ influencerId: string }>('influencer exists');
      const path = { params: { path: { influencerId } } };
      // A body the document refuses (a property other than reason: 422) deletes nothing.
      const refused = await layers.DELETE('/v1/influencers/{influencerId}', { ...path, body: { reason: 'Conformance suite: refused.', hard: true } });
      ctx.expect(refused.response.status === 422, 'a DELETE with a property other than reason answers 422', 422, refused.response.status);
      const still = await layers.GET('/v1/influencers/{influencerId}', path);
      ctx.expect(still.response.status === 200, 'the DELETE refused with 422 deleted nothing: GET still answers 200', 200, still.response.status);
      await waitOneTick(still.data?.updatedAt);
      const started = Date.now();
      const deleted = await layers.DELETE('/v1/influencers/{influencerId}', { ...path, body: { reason: 'Conformance suite: soft delete.' } });
      ctx.expect(deleted.response.status === 200, 'DELETE of an existing influencer answers 200', 200, deleted.response.status);
      ctx.expect(sameValue(deleted.data?.influencerId, influencerId) && deleted.data?.status === 'deleted', 'the 200 names the deleted influencer', { influencerId, status: 'deleted' }, deleted.data);
      if (deleted.data) stampedAtCallTime(ctx, deleted.data.deletedAt, started, 'deletedAt');
      // By the server's own clock: the deletion came after the influencer's last change.
      if (deleted.data && still.data) ctx.expect(Date.parse(deleted.data.deletedAt) > Date.parse(still.data.updatedAt), "deletedAt is later than the updatedAt the influencer had before the DELETE (by the server's own clock, the deletion came after)", `after ${still.data.updatedAt}`, deleted.data.deletedAt);
      const get = await layers.GET('/v1/influencers/{influencerId}', path);
      ctx.expect(get.response.status === 404, 'GET of a deleted influencer answers 404', 404, get.response.status);
      const patch = await layers.PATCH('/v1/influencers/{influencerId}', { ...path, body: { name: 'Still here?' } });
      ctx.expect(patch.response.status === 404, 'PATCH of a deleted influencer answers 404', 404, patch.response.status);
      const again = await layers.DELETE('/v1/influencers/{influencerId}', path);
      ctx.expect(again.response.status === 404, 'a second DELETE answers 404', 404, again.response.status);
      // requestId is the id of the failed request (it correlates that one call with Layers' logs): three calls, three ids.
      const requestIds = [get, patch, again].map((answer) => errorOf(answer)?.requestId).filter((id) => id !== undefined);
      ctx.expect(new Set(requestIds).size === requestIds.length, 'each refused call has its own requestId: the three 404s name three requests', 'three requestIds', requestIds);
      let cursor: string | undefined;
      for (let page = 0; page < 50; page++) {
        const list = await layers.GET('/v1/influencers', { params: { query: { limit: 100, ...(cursor ? { cursor } : {}) } } });
        ctx.expect(!list.data?.items.some((i) => sameValue(i.influencerId, influencerId)), 'a deleted influencer never appears in the list', 'absent', influencerId);
        cursor = list.data?.nextCursor ?? undefined;
        if (!cursor) break;
      }
    },
  },

  'delete-keeps-content': {
    title: "a soft delete leaves existing content alone: the influencer's queued posts stay queued, so revoking their account afterwards cancels them all",
    operationId: 'deleteInfluencer',
    async run(ctx) {
      const layers = client(ctx);
      const { influencerId } = await ctx.states.setup<{ influencerId: string }>('influencer exists');
      const { socialAccountId } = await ctx.states.setup<{ socialAccountId: string }>('social account exists', { queuedPosts: 2, influencerId });
      const deleted = await layers.DELETE('/v1/influencers/{influencerId}', { params: { path: { influencerId } } });
      ctx.expect(deleted.response.status === 200, 'DELETE of an influencer with queued posts answers 200', 200, errorOf(deleted)?.code ?? deleted.response.status);
      // The page: containers and scheduled posts that already carry the influencer continue to work.
      const revoked = await layers.DELETE('/v1/social-accounts/{socialAccountId}', { params: { path: { socialAccountId } } });
      ctx.expect(revoked.response.status === 200 && revoked.data?.canceledScheduledPosts === 2, "the deleted influencer's queued posts were left queued: revoking their account cancels all 2", '200, 2', revoked.response.status === 200 ? revoked.data?.canceledScheduledPosts : revoked.response.status);
    },
  },

  'delete-empty-body': {
    title: 'a DELETE with Content-Type: application/json and an empty body deletes the influencer (the body is optional: an empty one is accepted)',
    operationId: 'deleteInfluencer',
    async run(ctx) {
      const { influencerId } = await ctx.states.setup<{ influencerId: string }>('influencer exists');
      const path = { params: { path: { influencerId } } };
      const deleted = await clientSendingEmptyJson(ctx).DELETE('/v1/influencers/{influencerId}', path);
      ctx.expect(deleted.response.status === 200, 'a DELETE with Content-Type: application/json and an empty body answers 200 (an empty body is accepted)', 200, errorOf(deleted)?.code ?? deleted.response.status);
      ctx.expect(deleted.data?.status === 'deleted' && sameValue(deleted.data?.influencerId, influencerId), 'the 200 names the deleted influencer', { influencerId, status: 'deleted' }, deleted.data);
      const get = await client(ctx).GET('/v1/influencers/{influencerId}', path);
      ctx.expect(get.response.status === 404, 'the influencer deleted with an empty body is gone: GET answers 404', 404, get.response.status);
    },
  },

  'patch-partial': {
    title: 'PATCH changes only the fields sent and returns the full record; ageRange null clears, gender null is rejected',
    operationId: 'patchInfluencer',
    async run(ctx) {
      const layers = client(ctx);
      const bystanderFields = { name: 'Bystander', gender: 'male', ageRange: 'senior', brandVoice: 'witty', language: 'de' } as const;
      const { influencerId: bystander } = await ctx.states.setup<{ influencerId: string }>('influencer exists', bystanderFields);
      const { influencerId } = await ctx.states.setup<{ influencerId: string }>('influencer exists', { name: 'Ava Chen', gender: 'female', ageRange: 'adult', brandVoice: 'warm', language: 'en' });
      const path = { params: { path: { influencerId } } };
      const other = { params: { path: { influencerId: bystander } } };
      const bystanderBefore = await layers.GET('/v1/influencers/{influencerId}', other);
      for (const [field, value] of Object.entries(bystanderFields)) {
        const read = (bystanderBefore.data as Record<string, unknown> | undefined)?.[field];
        ctx.expect(sameValue(read, value), `GET answers the ${field} the influencer was set up with`, value, read ?? bystanderBefore.response.status);
      }
      const before = await layers.GET('/v1/influencers/{influencerId}', path);
      ctx.expect(before.response.status === 200, 'GET of an existing influencer answers 200', 200, before.response.status);
      await waitOneTick(before.data?.updatedAt);
      const patched = await layers.PATCH('/v1/influencers/{influencerId}', { ...path, body: { brandVoice: 'casual' } });
      ctx.expect(patched.response.status === 200, 'PATCH answers 200', 200, patched.response.status);
      if (before.data && patched.data) {
        ctx.expect(Date.parse(patched.data.updatedAt) > Date.parse(before.data.updatedAt), "a PATCH moves updatedAt forward: later than the updatedAt before it (by the server's own clock)", `after ${before.data.updatedAt}`, patched.data.updatedAt);
        const { updatedAt: _a, ...was } = before.data;
        const { updatedAt: _b, ...now } = patched.data;
        ctx.expect(sameValue({ ...was, brandVoice: 'casual' }, now), 'PATCH changes only the field sent and returns the full record', { ...was, brandVoice: 'casual' }, now);
      }
      const stored = await layers.GET('/v1/influencers/{influencerId}', path);
      ctx.expect(sameValue(stored.data, patched.data), 'the PATCH is stored: a GET after the PATCH answers the record the PATCH returned', patched.data, stored.data ?? stored.response.status);
      const cleared = await layers.PATCH('/v1/influencers/{influencerId}', { ...path, body: { ageRange: null } });
      ctx.expect(cleared.response.status === 200 && cleared.data?.ageRange === null, 'ageRange: null clears the age range', null, cleared.data?.ageRange);
      // With a valid name beside it: a PATCH is applied whole or not at all (RFC 5789 §2), so the name stays too.
      // @ts-expect-error gender cannot be null: the scenario sends it to prove the server rejects it.
      const genderNull = await layers.PATCH('/v1/influencers/{influencerId}', { ...path, body: { name: 'Renamed by a refused PATCH', gender: null } });
      ctx.expect(genderNull.response.status === 422, 'gender: null is rejected with 422', 422, genderNull.response.status);
      const after = await layers.GET('/v1/influencers/{influencerId}', path);
      ctx.expect(after.data?.gender === 'female', 'a rejected PATCH changes nothing', 'female', after.data?.gender);
      ctx.expect(after.data?.name === 'Ava Chen', 'a rejected PATCH changes nothing, not even the valid name sent with the invalid gender (a PATCH is applied whole or not at all)', 'Ava Chen', after.data?.name);
      ctx.expect(sameValue(after.data, cleared.data), 'the cleared age range is stored and the rejected PATCH changed nothing: a GET answers the record the last PATCH returned', cleared.data, after.data ?? after.response.status);
      const bystanderAfter = await layers.GET('/v1/influencers/{influencerId}', other);
      ctx.expect(sameValue(bystanderAfter.data, bystanderBefore.data), 'a PATCH changes the influencer of its path and no other: another influencer reads as before', bystanderBefore.data, bystanderAfter.data ?? bystanderAfter.response.status);
      // The list is a partner read too: it answers the record as stored, the PATCHes included.
      let cursor: string | undefined;
      let listed: unknown;
      for (let page = 0; page < 50 && listed === undefined; page++) {
        const list = await layers.GET('/v1/influencers', { params: { query: { limit: 100, ...(cursor ? { cursor } : {}) } } });
        listed = list.data?.items.find((i) => sameValue(i.influencerId, influencerId));
        cursor = list.data?.nextCursor ?? undefined;
        if (!cursor) break;
      }
      // Compared on the documented fields: the schema leaves a record open, so a member the document does not name may differ between reads.
      const documented = (record: unknown) => (record && typeof record === 'object' ? Object.fromEntries(INFLUENCER_FIELDS.map((k) => [k, (record as Record<string, unknown>)[k]])) : record);
      ctx.expect(sameValue(documented(listed), documented(after.data)), 'the list answers the patched record as GET does (every partner read answers the stored record)', after.data, listed ?? 'not in the list');
    },
  },

  'patch-each-field': {
    title: 'a PATCH of name, gender and language stores each (the answer and a GET after it show them), and every well-formed language tag the document names is stored: a script, a three-digit region, a variant, any letter case',
    operationId: 'patchInfluencer',
    async run(ctx) {
      const layers = client(ctx);
      const { influencerId } = await ctx.states.setup<{ influencerId: string }>('influencer exists', { name: 'Before the PATCH', gender: 'female', language: 'en' });
      const path = { params: { path: { influencerId } } };
      const changes = { name: 'After the PATCH', gender: 'non_binary', language: 'de' } as const;
      const patched = await layers.PATCH('/v1/influencers/{influencerId}', { ...path, body: changes });
      ctx.expect(patched.response.status === 200, 'a PATCH of name, gender and language answers 200', 200, patched.response.status);
      const stored = await layers.GET('/v1/influencers/{influencerId}', path);
      for (const [field, value] of Object.entries(changes)) {
        const answered = (patched.data as Record<string, unknown> | undefined)?.[field];
        const read = (stored.data as Record<string, unknown> | undefined)?.[field];
        ctx.expect(sameValue(answered, value), `the PATCH answers the ${field} it was sent`, value, answered);
        ctx.expect(sameValue(read, value), `the PATCH stores ${field}: a GET after it answers the ${field} sent`, value, read ?? stored.response.status);
      }
      // The language schema's description: every well-formed BCP 47 tag, in any letter case (RFC 5646 §2.1.1: tags are case-insensitive).
      for (const tag of ['zh-Hans-CN', 'es-419', 'de-CH-1901', 'es-mx']) {
        const answer = await layers.PATCH('/v1/influencers/{influencerId}', { ...path, body: { language: tag } });
        const read = await layers.GET('/v1/influencers/{influencerId}', path);
        const language = read.data?.language;
        ctx.expect(answer.response.status === 200 && typeof language === 'string' && language.toLowerCase() === tag.toLowerCase(), `language ${tag} is a well-formed tag: the PATCH answers 200 and a GET after it answers ${tag} (in any letter case)`, tag, answer.response.status === 200 ? language : answer.response.status);
      }
    },
  },

  'default-limit': {
    title: 'without limit a page holds 20 influencers (the default) when there are more, and its nextCursor leads on',
    operationId: 'listInfluencers',
    async run(ctx) {
      // The Limit parameter's default (20): one influencer more than that, so a full first page is not the whole list.
      const DEFAULT_LIMIT = 20;
      for (let i = 0; i <= DEFAULT_LIMIT; i++) await ctx.states.setup('influencer exists', { name: `Default page ${i + 1}` });
      const page = await client(ctx).GET('/v1/influencers', {});
      ctx.expect(page.response.status === 200, 'the list without limit answers 200', 200, page.response.status);
      const count = page.data?.items.length ?? 0;
      ctx.expect(count <= DEFAULT_LIMIT, `a page without limit holds at most ${DEFAULT_LIMIT} influencers (limit defaults to ${DEFAULT_LIMIT})`, `at most ${DEFAULT_LIMIT}`, count);
      ctx.expect(count === DEFAULT_LIMIT, `with more than ${DEFAULT_LIMIT} live influencers a page without limit is full: it holds ${DEFAULT_LIMIT} (limit defaults to ${DEFAULT_LIMIT}, the page size)`, DEFAULT_LIMIT, count);
      ctx.expect(page.data === undefined || page.data.nextCursor !== null, `with more than ${DEFAULT_LIMIT} live influencers the first page's nextCursor is not null`, 'a cursor', page.data?.nextCursor);
    },
  },

  'writes-via-x-api-key': {
    title: 'a PATCH and a DELETE sent with the key as X-Api-Key are performed: a GET with the key as Bearer shows the change, then the influencer gone',
    operationId: 'patchInfluencer',
    async run(ctx) {
      const viaHeader = clientVia(ctx, 'X-Api-Key');
      const layers = client(ctx);
      const { influencerId } = await ctx.states.setup<{ influencerId: string }>('influencer exists', { name: 'Before X-Api-Key' });
      const path = { params: { path: { influencerId } } };
      const patched = await viaHeader.PATCH('/v1/influencers/{influencerId}', { ...path, body: { name: 'Patched with X-Api-Key' } });
      ctx.expect(patched.response.status === 200, 'a PATCH with the key as X-Api-Key answers 200', 200, patched.response.status);
      const read = await layers.GET('/v1/influencers/{influencerId}', path);
      ctx.expect(read.data?.name === 'Patched with X-Api-Key', 'the PATCH sent with X-Api-Key is stored: a GET with the key as Bearer answers the new name', 'Patched with X-Api-Key', read.data?.name ?? read.response.status);
      const deleted = await viaHeader.DELETE('/v1/influencers/{influencerId}', path);
      ctx.expect(deleted.response.status === 200, 'a DELETE with the key as X-Api-Key answers 200', 200, deleted.response.status);
      const gone = await layers.GET('/v1/influencers/{influencerId}', path);
      ctx.expect(gone.response.status === 404, 'the DELETE sent with X-Api-Key is performed: a GET with the key as Bearer answers 404', 404, gone.response.status);
    },
  },

  'list-pages': {
    title: "following nextCursor with a small limit answers every live influencer of the organization once, newest first, at most limit a page, none of another organization",
    operationId: 'listInfluencers',
    async run(ctx) {
      const layers = client(ctx);
      const mine: string[] = [];
      for (let i = 0; i < PAGE_WALK.influencers; i++) mine.push((await ctx.states.setup<{ influencerId: string }>('influencer exists', { name: `Conformance page ${i + 1}` })).influencerId);
      const { influencerId: foreign } = await ctx.states.setup<{ influencerId: string }>('influencer in another organization');
      // Ids compared as sameValue reads them (a uuid suffix in any letter case is one id).
      const key = (id: string) => canonicalValue(id) as string;
      const seen = new Set<string>();
      let cursor: string | null = null;
      let previous: { influencerId: string; createdAt: string } | undefined;
      let pages = 0;
      for (;;) {
        // The cursor is sent as the page gave it: an empty one is a request the server must answer too.
        const query: { limit: number; cursor?: string } = { limit: PAGE_WALK.limit, ...(cursor !== null ? { cursor } : {}) };
        const page = await layers.GET('/v1/influencers', { params: { query } });
        ctx.expect(page.response.status === 200, `page ${pages + 1} answers 200${cursor !== null ? ' (the cursor is the nextCursor of the page before: on the last page it is null)' : ''}`, 200, page.response.status);
        if (!page.data) break;
        const items = page.data.items;
        ctx.expect(items.length <= PAGE_WALK.limit, `a page holds at most limit (${PAGE_WALK.limit}) items`, `≤ ${PAGE_WALK.limit}`, items.length);
        // limit is the page size: only the last page may hold fewer.
        if (page.data.nextCursor !== null) ctx.expect(items.length === PAGE_WALK.limit, `a page with a next page after it is full: it holds limit (${PAGE_WALK.limit}) items`, PAGE_WALK.limit, items.length);
        for (const item of items) {
          ctx.expect(!seen.has(key(item.influencerId)), 'following nextCursor never answers an influencer twice', 'each influencer once', `${item.influencerId} again on page ${pages + 1}`);
          ctx.expect(!sameValue(item.influencerId, foreign), "the list never shows another organization's influencer", 'absent', foreign);
          if (previous) ctx.expect(Date.parse(previous.createdAt) >= Date.parse(item.createdAt), `the list is newest first: ${item.influencerId} comes after ${previous.influencerId}, so its createdAt is not later`, `${previous.createdAt} or earlier`, item.createdAt);
          seen.add(key(item.influencerId));
          previous = item;
        }
        cursor = page.data.nextCursor;
        pages++;
        if (cursor === null || ctx.failures.length > 0) break;
        // A server that never ends the walk has shown it: stop after twice the pages an honest one needs.
        if (pages > 2 * Math.ceil((seen.size + PAGE_WALK.influencers) / PAGE_WALK.limit) + 2) {
          ctx.expect(false, 'following nextCursor reaches the last page (nextCursor null)', 'a last page', `still a nextCursor after ${pages} pages`);
          break;
        }
      }
      const missing = mine.filter((id) => !seen.has(key(id)));
      ctx.expect(ctx.failures.length > 0 || missing.length === 0, 'following nextCursor reaches every live influencer of the organization', mine, `missing ${missing.join(', ')}`);
      // A page holding every live influencer is the last page, full or not: its nextCursor is null.
      const total = seen.size;
      if (ctx.failures.length === 0 && total >= 1 && total <= LIMIT_MAX) {
        const whole = await layers.GET('/v1/influencers', { params: { query: { limit: total } } });
        ctx.expect(whole.response.status === 200 && whole.data?.items.length === total && whole.data.nextCursor === null, `a page of limit ${total}, the number of live influencers, holds them all and is the last: nextCursor null`, `${total} items, nextCursor null`, whole.data ? `${whole.data.items.length} items, nextCursor ${JSON.stringify(whole.data.nextCursor)}` : whole.response.status);
      }
    },
  },

  'revoke-count': {
    title: 'revoke returns the exact count of queued posts canceled, not counting the posts already published (they stay on the platform); a second revoke is 404',
    operationId: 'revokeSocialAccount',
    async run(ctx) {
      const layers = client(ctx);
      const { socialAccountId: bystander } = await ctx.states.setup<{ socialAccountId: string }>('social account exists', { queuedPosts: 2 });
      // Two posts already published through the account: a revoke cancels the queued posts only.
      const { socialAccountId } = await ctx.states.setup<{ socialAccountId: string }>('social account exists', { queuedPosts: 3, publishedPosts: 2 });
      const path = { params: { path: { socialAccountId } } };
      const started = Date.now();
      const revoked = await layers.DELETE('/v1/social-accounts/{socialAccountId}', path);
      ctx.expect(revoked.response.status === 200, 'revoke answers 200', 200, revoked.response.status);
      ctx.expect(revoked.data?.canceledScheduledPosts === 3, 'canceledScheduledPosts is the exact number of queued posts (the 2 already published are not canceled)', 3, revoked.data?.canceledScheduledPosts);
      ctx.expect(sameValue(revoked.data?.socialAccountId, socialAccountId), 'the 200 names the revoked account', socialAccountId, revoked.data?.socialAccountId);
      if (revoked.data) stampedAtCallTime(ctx, revoked.data.disconnectedAt, started, 'disconnectedAt');
      const again = await layers.DELETE('/v1/social-accounts/{socialAccountId}', path);
      ctx.expect(again.response.status === 404, 'a second revoke answers 404', 404, again.response.status);
      const other = await layers.DELETE('/v1/social-accounts/{socialAccountId}', { params: { path: { socialAccountId: bystander } } });
      ctx.expect(other.response.status === 200 && other.data?.canceledScheduledPosts === 2, "a revoke cancels the queued posts of its own account only: another account's revoke afterwards still cancels its 2", `200, 2`, other.response.status === 200 ? other.data?.canceledScheduledPosts : other.response.status);
    },
  },

  'revoke-leased': {
    title: 'revoking a leased account succeeds like any other: 200, disconnected, its queued posts canceled (it only leaves the lease, which DELETE /v1/leased-accounts/{id} releases); a second revoke is 404',
    operationId: 'revokeSocialAccount',
    async run(ctx) {
      const layers = client(ctx);
      const { socialAccountId } = await ctx.states.setup<{ socialAccountId: string }>('social account exists', { queuedPosts: 2, leased: true });
      const path = { params: { path: { socialAccountId } } };
      const revoked = await layers.DELETE('/v1/social-accounts/{socialAccountId}', path);
      ctx.expect(revoked.response.status === 200, 'revoking a leased account answers 200 (it is marked disconnected; the lease is not released)', 200, errorOf(revoked)?.code ?? revoked.response.status);
      ctx.expect(revoked.data?.status === 'disconnected' && revoked.data?.canceledScheduledPosts === 2, 'the leased account is disconnected and its 2 queued posts canceled', { status: 'disconnected', canceledScheduledPosts: 2 }, revoked.data);
      const again = await layers.DELETE('/v1/social-accounts/{socialAccountId}', path);
      ctx.expect(again.response.status === 404, 'the leased account is disconnected: a second revoke answers 404', 404, again.response.status);
    },
  },

  'cross-org-404': {
    title: "another organization's account is 404, not 403",
    operationId: 'revokeSocialAccount',
    async run(ctx) {
      const { socialAccountId } = await ctx.states.setup<{ socialAccountId: string }>('social account exists in another organization');
      const result = await client(ctx).DELETE('/v1/social-accounts/{socialAccountId}', { params: { path: { socialAccountId } } });
      ctx.expect(result.response.status === 404, "another organization's account answers 404, never 403", 404, result.response.status);
    },
  },

  'missing-scope': {
    title: 'a key without social:write is 403 with details.requiredScope',
    operationId: 'revokeSocialAccount',
    async run(ctx) {
      const { socialAccountId } = await ctx.states.setup<{ socialAccountId: string }>('social account exists', { queuedPosts: UNTOUCHED.queuedPosts });
      const { apiKey } = await ctx.states.setup<{ apiKey: string }>('api key without scope', { scope: 'social:write' });
      for (const way of WAYS) {
        const result = await clientVia(ctx, way, apiKey).DELETE('/v1/social-accounts/{socialAccountId}', { params: { path: { socialAccountId } } });
        ctx.expect(result.response.status === 403, `a key without social:write (sent as ${way}) answers 403`, 403, result.response.status);
        ctx.expect(result.error?.error.details?.requiredScope === 'social:write', `details.requiredScope names social:write (key sent as ${way})`, 'social:write', result.error?.error.details?.requiredScope);
      }
      await refusedChangedNothing(ctx, { socialAccountId }, 'the revoke refused for the missing scope');
    },
  },

  'idempotency': {
    title: 'replaying an Idempotency-Key returns the first result; reusing it on another path is 409',
    operationId: 'revokeSocialAccount',
    async run(ctx) {
      const layers = client(ctx);
      const first = await ctx.states.setup<{ socialAccountId: string }>('social account exists', { queuedPosts: 2 });
      const second = await ctx.states.setup<{ socialAccountId: string }>('social account exists', { queuedPosts: 0 });
      const key = `conformance-${crypto.randomUUID()}`;
      const call = (socialAccountId: string) => layers.DELETE('/v1/social-accounts/{socialAccountId}', { params: { path: { socialAccountId }, header: { 'Idempotency-Key': key } } });
      const a = await call(first.socialAccountId);
      const replay = await call(first.socialAccountId);
      ctx.expect(a.response.status === 200 && replay.response.status === 200, 'replaying the Idempotency-Key answers 200 again', '200, 200', `${a.response.status}, ${replay.response.status}`);
      ctx.expect(sameValue(replay.data, a.data), 'the replay returns the first result', a.data, replay.data);
      const conflict = await call(second.socialAccountId);
      ctx.expect(conflict.response.status === 409, 'the same key on another socialAccountId answers 409', 409, conflict.response.status);
      const after = await layers.DELETE('/v1/social-accounts/{socialAccountId}', { params: { path: { socialAccountId: second.socialAccountId } } });
      ctx.expect(after.response.status === 200, 'the revoke refused with 409 changed nothing: the other account is still connected (revoking it now answers 200)', 200, after.response.status);
    },
  },

  'rate-limit': {
    title: 'over the per-key write budget every write answers 429 with a numeric Retry-After, the key sent either way (a read answers 429 likewise, or passes where reads have a budget of their own); after that wait the next write passes, and the refused calls changed nothing',
    operationId: 'listInfluencers',
    async run(ctx) {
      const ids = await resources(ctx);
      // Two seconds, so that the ten refused calls all fall inside the window on a slow machine.
      const { retryAfter } = await ctx.states.setup<{ retryAfter: number }>('rate limit exhausted', { retryAfter: 2 });
      let longest = 0;
      for (const way of WAYS) {
        for (const [operationId, call] of everyOperation(clientVia(ctx, way), ids)) {
          const answer = await call();
          const what = `${operationId} (key as ${way})`;
          // The revoke reference names a "per-key write budget": a read may be limited with the writes or apart from them.
          if (READS.has(operationId) && answer.response.status === 200) continue;
          const header = answer.response.headers.get('retry-after');
          const seconds = header !== null && /^\d+$/.test(header.trim()) ? Number(header) : Number.NaN;
          ctx.expect(answer.response.status === 429, `${what} over the limit answers 429${READS.has(operationId) ? ' (or 200, where reads have a budget of their own)' : ''}`, 429, answer.response.status);
          ctx.expect(Number.isInteger(seconds) && seconds <= retryAfter, `${what}: the 429 carries Retry-After in whole seconds, at most the ${retryAfter} s the state announced`, `0..${retryAfter}`, header ?? 'no Retry-After');
          if (Number.isInteger(seconds)) longest = Math.max(longest, seconds);
        }
      }
      await wait(Math.min(longest, retryAfter) * 1000 + 300);
      // A write that changes nothing: the name the influencer already has.
      const next = await client(ctx).PATCH('/v1/influencers/{influencerId}', { params: { path: { influencerId: ids.influencerId } }, body: { name: UNTOUCHED.name } });
      ctx.expect(next.response.status === 200, 'after waiting Retry-After the next write passes', 200, next.response.status);
      await refusedChangedNothing(ctx, ids, 'the calls refused with 429');
    },
  },

  'kill-switch-key': killSwitch('key'),
  'kill-switch-organization': killSwitch('organization'),
  'kill-switch-global': killSwitch('global'),

  'failed-write-changes-nothing': {
    title: 'a 500 INTERNAL on any operation changes nothing: a failed revoke leaves the account connected and a retry cancels the same count',
    operationId: 'revokeSocialAccount',
    async run(ctx) {
      const layers = client(ctx);
      const { influencerId } = await ctx.states.setup<{ influencerId: string }>('influencer exists', { name: 'Before the failure' });
      const { socialAccountId } = await ctx.states.setup<{ socialAccountId: string }>('social account exists', { queuedPosts: 2 });
      const ids = { influencerId, socialAccountId };
      for (const [operationId, call] of everyOperation(layers, ids)) {
        await ctx.states.setup('next request fails');
        const answer = await call();
        ctx.expect(answer.response.status === 500, `${operationId} with a failing server answers 500`, 500, answer.response.status);
        ctx.expect(errorOf(answer)?.code === 'INTERNAL', `${operationId}: the 500 has code INTERNAL`, 'INTERNAL', errorOf(answer)?.code);
      }
      const influencer = await layers.GET('/v1/influencers/{influencerId}', { params: { path: { influencerId } } });
      ctx.expect(influencer.response.status === 200 && influencer.data?.name === 'Before the failure', 'the failed PATCH and DELETE changed nothing (the influencer is there, its name unchanged)', 'Before the failure', influencer.data?.name ?? influencer.response.status);
      const retry = await layers.DELETE('/v1/social-accounts/{socialAccountId}', { params: { path: { socialAccountId } } });
      ctx.expect(retry.response.status === 200, 'the failed revoke left the account connected: revoking again answers 200', 200, retry.response.status);
      ctx.expect(retry.data?.canceledScheduledPosts === 2, 'the failed revoke canceled nothing: the retry cancels every queued post', 2, retry.data?.canceledScheduledPosts);
      // The Idempotency-Key "makes a retry safe": a retry of a failed revoke with the same key revokes, it does not answer the failure again.
      const { socialAccountId: keyed } = await ctx.states.setup<{ socialAccountId: string }>('social account exists', { queuedPosts: 1 });
      const withKey = { params: { path: { socialAccountId: keyed }, header: { 'Idempotency-Key': `conformance-retry-${crypto.randomUUID()}` } } };
      await ctx.states.setup('next request fails');
      const failed = await layers.DELETE('/v1/social-accounts/{socialAccountId}', withKey);
      ctx.expect(failed.response.status === 500, 'a revoke with an Idempotency-Key with a failing server answers 500', 500, failed.response.status);
      const keyedRetry = await layers.DELETE('/v1/social-accounts/{socialAccountId}', withKey);
      ctx.expect(keyedRetry.response.status === 200 && keyedRetry.data?.canceledScheduledPosts === 1, 'a retry of the failed revoke with the same Idempotency-Key revokes (200, its queued post canceled): the 500 changed nothing and is not kept as the first result', '200, 1', keyedRetry.response.status === 200 ? keyedRetry.data?.canceledScheduledPosts : keyedRetry.response.status);
    },
  },

  'id-in-upper-case': {
    title: "an influencer id whose uuid is in upper case names the same influencer (the id pattern takes A-F, and a uuid is read in either letter case, RFC 9562 §4)",
    operationId: 'getInfluencer',
    async run(ctx) {
      const { influencerId } = await ctx.states.setup<{ influencerId: string }>('influencer exists', { name: 'Upper case' });
      const uuid = /^(inf_)?([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$/.exec(influencerId);
      if (!uuid) return; // a ULID-style id has no letter case to change
      const upper = `${uuid[1] ?? ''}${(uuid[2] as string).toUpperCase()}`;
      const layers = client(ctx);
      const path = { params: { path: { influencerId: upper } } };
      const read = await layers.GET('/v1/influencers/{influencerId}', path);
      ctx.expect(read.response.status === 200 && sameValue(read.data?.influencerId, influencerId), `GET of ${upper} answers 200 with the influencer set up as ${influencerId}`, 200, read.data?.influencerId ?? read.response.status);
      // Every operation reads the id so, not only GET.
      const patched = await layers.PATCH('/v1/influencers/{influencerId}', { ...path, body: { name: 'Upper case, patched' } });
      ctx.expect(patched.response.status === 200 && sameValue(patched.data?.influencerId, influencerId), `PATCH of ${upper} answers 200 with the influencer set up as ${influencerId}`, 200, patched.data?.influencerId ?? patched.response.status);
      const deleted = await layers.DELETE('/v1/influencers/{influencerId}', path);
      ctx.expect(deleted.response.status === 200 && sameValue(deleted.data?.influencerId, influencerId), `DELETE of ${upper} answers 200 with the influencer set up as ${influencerId}`, 200, deleted.data?.influencerId ?? deleted.response.status);
      const gone = await layers.GET('/v1/influencers/{influencerId}', { params: { path: { influencerId } } });
      ctx.expect(gone.response.status === 404, `the DELETE of ${upper} deleted ${influencerId}: GET of it answers 404`, 404, gone.response.status);
      // A social account id too: sa_ and a uuid (A-F in the pattern).
      const { socialAccountId } = await ctx.states.setup<{ socialAccountId: string }>('social account exists', { queuedPosts: 1 });
      const account = /^sa_([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$/.exec(socialAccountId);
      if (!account) return;
      const upperAccount = `sa_${(account[1] as string).toUpperCase()}`;
      const revoked = await layers.DELETE('/v1/social-accounts/{socialAccountId}', { params: { path: { socialAccountId: upperAccount } } });
      ctx.expect(revoked.response.status === 200 && revoked.data?.canceledScheduledPosts === 1, `revoke of ${upperAccount} answers 200 and cancels the queued post of the account set up as ${socialAccountId}`, '200, 1', revoked.response.status === 200 ? revoked.data?.canceledScheduledPosts : revoked.response.status);
    },
  },

  'bare-uuid': {
    title: "the bare uuid of an influencer (the influencerId parameter is typed string (uuid)) names the same influencer on GET, PATCH and DELETE; once deleted, or of another organization, it is a 404 in that form too",
    operationId: 'getInfluencer',
    async run(ctx) {
      const layers = client(ctx);
      const { influencerId } = await ctx.states.setup<{ influencerId: string }>('influencer exists', { name: 'Bare uuid' });
      const { influencerId: foreign } = await ctx.states.setup<{ influencerId: string }>('influencer in another organization');
      const bareOf = (id: string) => /^inf_([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$/.exec(id)?.[1];
      const foreignBare = bareOf(foreign);
      if (foreignBare !== undefined) {
        const other = await layers.GET('/v1/influencers/{influencerId}', { params: { path: { influencerId: foreignBare } } });
        ctx.expect(other.response.status === 404, `GET of ${foreignBare}, the bare uuid of another organization's influencer, answers 404`, 404, other.response.status);
      }
      const bare = bareOf(influencerId);
      if (bare === undefined) return; // a ULID-style id has no bare uuid
      const path = { params: { path: { influencerId: bare } } };
      const read = await layers.GET('/v1/influencers/{influencerId}', path);
      ctx.expect(read.response.status === 200 && sameValue(read.data?.influencerId, influencerId), `GET of the bare uuid ${bare} answers 200 with the influencer ${influencerId}`, 200, read.data?.influencerId ?? read.response.status);
      const patched = await layers.PATCH('/v1/influencers/{influencerId}', { ...path, body: { name: 'Bare uuid, patched' } });
      ctx.expect(patched.response.status === 200 && sameValue(patched.data?.influencerId, influencerId) && patched.data?.name === 'Bare uuid, patched', `PATCH of the bare uuid ${bare} answers 200 and patches ${influencerId}`, 200, patched.data?.influencerId ?? patched.response.status);
      const deleted = await layers.DELETE('/v1/influencers/{influencerId}', path);
      ctx.expect(deleted.response.status === 200 && sameValue(deleted.data?.influencerId, influencerId), `DELETE of the bare uuid ${bare} answers 200 naming ${influencerId}`, 200, deleted.data?.influencerId ?? deleted.response.status);
      for (const [form, id] of [['prefixed', influencerId], ['bare', bare]]) {
        const gone = await layers.GET('/v1/influencers/{influencerId}', { params: { path: { influencerId: id as string } } });
        ctx.expect(gone.response.status === 404, `the deleted influencer is a 404 by its ${form} id too: GET of ${id} answers 404`, 404, gone.response.status);
      }
    },
  },

  'cross-org-influencer-404': {
    title: "another organization's influencer is 404 on GET, PATCH and DELETE, never 403",
    operationId: 'getInfluencer',
    async run(ctx) {
      const layers = client(ctx);
      const { influencerId } = await ctx.states.setup<{ influencerId: string }>('influencer in another organization');
      const path = { params: { path: { influencerId } } };
      const answers: [string, Answer][] = [
        ['GET', await layers.GET('/v1/influencers/{influencerId}', path)],
        ['PATCH', await layers.PATCH('/v1/influencers/{influencerId}', { ...path, body: { name: 'Not yours' } })],
        ['DELETE', await layers.DELETE('/v1/influencers/{influencerId}', path)],
      ];
      for (const [method, answer] of answers) ctx.expect(answer.response.status === 404, `${method} of another organization's influencer answers 404, never 403`, 404, answer.response.status);
    },
  },

  'missing-influencer-scopes': {
    title: 'a key without the influencer scopes is 403 FORBIDDEN_SCOPE naming the scope in details.requiredScope, the key sent either way, and the refused writes change nothing',
    operationId: 'getInfluencer',
    async run(ctx) {
      const { influencerId } = await ctx.states.setup<{ influencerId: string }>('influencer exists', { name: UNTOUCHED.name });
      const noRead = await ctx.states.setup<{ apiKey: string }>('api key without scope', { scope: ['influencers:read', 'influencers:write'] });
      const noWrite = await ctx.states.setup<{ apiKey: string }>('api key without scope', { scope: 'influencers:write' });
      const path = { params: { path: { influencerId } } };
      for (const way of WAYS) {
        const reader = clientVia(ctx, way, noRead.apiKey);
        const writer = clientVia(ctx, way, noWrite.apiKey);
        const answers: [string, string, Answer][] = [
          ['listInfluencers', 'influencers:read', await reader.GET('/v1/influencers', { params: { query: { limit: 10 } } })],
          ['getInfluencer', 'influencers:read', await reader.GET('/v1/influencers/{influencerId}', path)],
          ['patchInfluencer', 'influencers:write', await writer.PATCH('/v1/influencers/{influencerId}', { ...path, body: { name: 'No scope' } })],
          ['deleteInfluencer', 'influencers:write', await writer.DELETE('/v1/influencers/{influencerId}', path)],
        ];
        for (const [operationId, scope, answer] of answers) {
          ctx.expect(answer.response.status === 403, `${operationId} without ${scope} (key sent as ${way}) answers 403`, 403, answer.response.status);
          ctx.expect(errorOf(answer)?.details?.requiredScope === scope, `${operationId}: details.requiredScope names ${scope} (key sent as ${way})`, scope, errorOf(answer)?.details?.requiredScope ?? 'no details.requiredScope');
        }
      }
      await refusedChangedNothing(ctx, { influencerId }, 'the PATCH and DELETE refused for the missing scope');
    },
  },

  'read-scopes': {
    title: 'a key holding either influencers:read or influencers:write may read: the list and GET answer 200 to a key without the other, the key sent either way',
    operationId: 'listInfluencers',
    async run(ctx) {
      const { influencerId } = await ctx.states.setup<{ influencerId: string }>('influencer exists', { name: 'Read with one scope' });
      // The reads' security requirements name either scope (the contract's assumption): a key with one of them reads.
      for (const held of ['influencers:read', 'influencers:write'] as const) {
        const lacked = held === 'influencers:read' ? 'influencers:write' : 'influencers:read';
        const { apiKey } = await ctx.states.setup<{ apiKey: string }>('api key without scope', { scope: lacked });
        for (const way of WAYS) {
          const reader = clientVia(ctx, way, apiKey);
          const list = await reader.GET('/v1/influencers', { params: { query: { limit: 10 } } });
          ctx.expect(list.response.status === 200, `listInfluencers with a key holding ${held} but not ${lacked} (sent as ${way}) answers 200`, 200, list.response.status);
          const one = await reader.GET('/v1/influencers/{influencerId}', { params: { path: { influencerId } } });
          ctx.expect(one.response.status === 200, `getInfluencer with a key holding ${held} but not ${lacked} (sent as ${way}) answers 200`, 200, one.response.status);
        }
      }
    },
  },
};
