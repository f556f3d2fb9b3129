/**
 * An in-memory SandboxStore with the semantics of src/sandbox/store/types.ts, for testing the HTTP
 * layer without a database. Not a second implementation to keep: just enough to drive every branch.
 */
import { randomUUID } from 'node:crypto';
import {
  InjectedFault,
  type AyrshareDeleteOutcome, type DemoData, type IdempotentOutcome, type InfluencerRow, type KillSwitchScope, type LayersKey, type SandboxStore,
} from '../../../src/sandbox/store/types.js';

interface Influencer extends InfluencerRow { organizationId: string; archived: boolean; deletion?: { reason: string | null; keyId: string; at: string } }
interface Account { id: string; organizationId: string; connected: boolean; queued: number }
interface Post { id: string; profileId: string; status: 'pending' | 'published' | 'deleted'; platforms: { platform: string; networkPostId: string }[] }
interface Partner { id: string; workspaceId: string; deleted: boolean }

export interface FakeStore extends SandboxStore {
  data: {
    keys: Map<string, LayersKey & { apiKey: string }>;
    influencers: Map<string, Influencer>;
    accounts: Map<string, Account>;
    posts: Map<string, Post>;
    partners: Map<string, Partner>;
    idempotency: Map<string, { fingerprint: string; outcome: IdempotentOutcome }>;
  };
  /** Calls made, for asserting what the HTTP layer passed down (e.g. faults). */
  calls: { method: string; args: unknown[] }[];
}

const now = () => new Date().toISOString();

export function createFakeStore(): FakeStore {
  const data: FakeStore['data'] = { keys: new Map(), influencers: new Map(), accounts: new Map(), posts: new Map(), partners: new Map(), idempotency: new Map() };
  const calls: FakeStore['calls'] = [];
  const kill = { global: false, organizations: new Set<string>(), keys: new Set<string>() };
  const org = randomUUID();
  const otherOrg = randomUUID();
  const project = randomUUID();
  const profileId = 'profile-demo';
  const workspaceId = randomUUID();
  const ayrshareKeys = new Map([['ayr_demo_key', profileId]]);
  const profileKeys = new Map([['PROFILE_KEY_DEMO', 'profile-user']]);
  const hokoKeys = new Map([
    ['hoko_demo_key', { workspaceId, scopes: ['linksWrite'] }],
    ['hoko_readonly_key', { workspaceId, scopes: ['linksRead'] }],
  ]);

  const addKey = (organizationId: string, scopes: string[], apiKey = `lp_test_${randomUUID()}`) => {
    const keyId = randomUUID();
    data.keys.set(apiKey, { keyId, organizationId, scopes, killSwitch: null, apiKey });
    return { keyId, apiKey };
  };
  addKey(org, ['influencers:write', 'social:write'], 'lp_test_demo');
  addKey(org, [], 'lp_test_readonly');

  const live = (organizationId: string, id: string) => {
    const i = data.influencers.get(id);
    return i && !i.archived && i.organizationId === organizationId ? i : undefined;
  };
  const row = (i: Influencer): InfluencerRow => {
    const { organizationId: _o, archived: _a, deletion: _d, ...r } = i;
    return { ...r };
  };
  const addInfluencer = (organizationId: string, fields: Partial<InfluencerRow> = {}) => {
    const id = randomUUID();
    data.influencers.set(id, {
      id, projectId: project, name: 'Ava Chen', gender: 'female', ageRange: 'adult', brandVoice: 'warm', language: 'en', status: 'ready',
      createdAt: now(), updatedAt: now(), ...fields, organizationId, archived: false,
    });
    return { id };
  };
  const addPosts = (profile: string, pending: number, published: number) => {
    const make = (status: Post['status']) => {
      const id = randomUUID().replaceAll('-', '').slice(0, 20);
      data.posts.set(id, { id, profileId: profile, status, platforms: [{ platform: 'twitter', networkPostId: String(Date.now()) }] });
      return id;
    };
    return { pendingIds: Array.from({ length: pending }, () => make('pending')), publishedIds: Array.from({ length: published }, () => make('published')) };
  };
  const addPartners = (workspace: string, count: number) => {
    const ids = Array.from({ length: count }, () => randomUUID());
    for (const id of ids) data.partners.set(id, { id, workspaceId: workspace, deleted: false });
    return { ids };
  };
  const demoInfluencer = addInfluencer(org);
  const demoAccount = randomUUID();
  data.accounts.set(demoAccount, { id: demoAccount, organizationId: org, connected: true, queued: 2 });
  const demoPosts = addPosts(profileId, 1, 1);
  const demoPartners = addPartners(workspaceId, 2);

  const postOutcome = (profile: string, id: string): Extract<AyrshareDeleteOutcome, { kind: 'not_found' | 'already_deleted' }> | Post => {
    const p = data.posts.get(id);
    if (!p || p.profileId !== profile) return { kind: 'not_found', id };
    if (p.status === 'deleted') return { kind: 'already_deleted', id };
    return p;
  };

  const store: FakeStore = {
    data,
    calls,
    db: { query: async () => ({ rows: [] }), transaction: async (fn) => fn(store.db), close: async () => undefined },
    layers: {
      async findKey(apiKey) {
        const k = data.keys.get(apiKey);
        if (!k) return null;
        const killSwitch: KillSwitchScope | null = kill.keys.has(k.keyId) ? 'key' : kill.organizations.has(k.organizationId) ? 'organization' : kill.global ? 'global' : null;
        return { keyId: k.keyId, organizationId: k.organizationId, scopes: [...k.scopes], killSwitch };
      },
      async listInfluencers(organizationId, limit, cursor) {
        const all = [...data.influencers.values()].filter((i) => i.organizationId === organizationId && !i.archived).reverse();
        const start = cursor === undefined ? 0 : Number(/^c(\d+)$/.exec(cursor)?.[1] ?? NaN);
        if (Number.isNaN(start)) return null;
        const items = all.slice(start, start + limit).map(row);
        return { items, nextCursor: start + limit < all.length ? `c${start + limit}` : null };
      },
      async getInfluencer(organizationId, id) {
        const i = live(organizationId, id);
        return i ? row(i) : null;
      },
      async patchInfluencer(organizationId, id, patch) {
        const i = live(organizationId, id);
        if (!i) return null;
        Object.assign(i, patch, { updatedAt: now() });
        return row(i);
      },
      async deleteInfluencer(organizationId, id, audit) {
        calls.push({ method: 'deleteInfluencer', args: [organizationId, id, audit] });
        const i = live(organizationId, id);
        if (!i) return null;
        i.archived = true;
        i.deletion = { reason: audit.reason ?? null, keyId: audit.keyId, at: now() };
        return { id, deletedAt: i.deletion.at };
      },
      async deletionAudit(id) {
        return data.influencers.get(id)?.deletion ?? null;
      },
      async revokeSocialAccount(organizationId, id, faults) {
        calls.push({ method: 'revokeSocialAccount', args: [organizationId, id, faults] });
        const a = data.accounts.get(id);
        if (!a || !a.connected || a.organizationId !== organizationId) return null;
        if (faults?.failAt === 'revoke:after-cancel') throw new InjectedFault('revoke:after-cancel');
        const canceled = a.queued;
        a.connected = false;
        a.queued = 0;
        return { socialAccountId: id, canceledScheduledPosts: canceled, disconnectedAt: now() };
      },
      async withIdempotency(keyId, idempotencyKey, fingerprint, run) {
        const k = `${keyId}\u0000${idempotencyKey}`;
        const stored = data.idempotency.get(k);
        if (stored) return stored.fingerprint === fingerprint ? { kind: 'replay', outcome: stored.outcome } : { kind: 'conflict' };
        const outcome = await run();
        if ((outcome.status >= 200 && outcome.status < 300) || outcome.status === 404) data.idempotency.set(k, { fingerprint, outcome });
        return { kind: 'fresh', outcome };
      },
    },
    ayrshare: {
      async findProfile(apiKey, profileKey) {
        const primary = ayrshareKeys.get(apiKey);
        if (!primary) return null;
        if (profileKey === undefined) return { profileId: primary };
        const p = profileKeys.get(profileKey);
        return p ? { profileId: p } : null;
      },
      async deletePost(profile, id, markManualDeleted) {
        const p = postOutcome(profile, id);
        if ('kind' in p) return p;
        p.status = 'deleted';
        return markManualDeleted ? { kind: 'marked', id } : { kind: 'deleted', platforms: p.platforms };
      },
      async deleteBulk(profile, ids) {
        for (const id of ids) {
          const p = postOutcome(profile, id);
          if ('kind' in p) return p;
        }
        for (const id of ids) (data.posts.get(id) as Post).status = 'deleted';
        return { kind: 'deleted', ids };
      },
      async deleteAllScheduled(profile) {
        const pending = [...data.posts.values()].filter((p) => p.profileId === profile && p.status === 'pending');
        for (const p of pending) p.status = 'deleted';
        return { ids: pending.map((p) => p.id) };
      },
    },
    hoko: {
      async findKey(apiKey) {
        return hokoKeys.get(apiKey) ?? null;
      },
      async deletePartners(workspace, ids, faults) {
        calls.push({ method: 'deletePartners', args: [workspace, ids.length, faults] });
        const invalid = ids.filter((id) => {
          const p = data.partners.get(id);
          return !p || p.deleted || p.workspaceId !== workspace;
        });
        if (invalid.length > 0) return { kind: 'invalid', ids: invalid };
        if (faults?.failAt === 'hoko:after-first-delete') throw new InjectedFault('hoko:after-first-delete');
        for (const id of ids) (data.partners.get(id) as Partner).deleted = true;
        return { kind: 'deleted', deletedIds: ids };
      },
    },
    states: {
      async createInfluencer(organizationId, fields) {
        return addInfluencer(organizationId, fields as Partial<InfluencerRow>);
      },
      async createSocialAccount(organizationId, queuedPosts) {
        const id = randomUUID();
        data.accounts.set(id, { id, organizationId, connected: true, queued: queuedPosts });
        return { id };
      },
      async otherOrganization() {
        return otherOrg;
      },
      async createLayersKey(organizationId, scopes) {
        return addKey(organizationId, scopes);
      },
      async createPosts(profile, pending, published) {
        return addPosts(profile, pending, published);
      },
      async createPartners(workspace, count) {
        return addPartners(workspace, count);
      },
      async teardown(kind, ids) {
        calls.push({ method: 'teardown', args: [kind, ids] });
        const map = { influencer: data.influencers, socialAccount: data.accounts, posts: data.posts, partners: data.partners, layersKey: undefined }[kind];
        if (map) for (const id of ids) map.delete(id);
        else for (const [apiKey, k] of data.keys) if (ids.includes(k.keyId)) data.keys.delete(apiKey);
      },
    },
    async seedDemo(): Promise<DemoData> {
      return {
        layers: { apiKey: 'lp_test_demo', organizationId: org, influencerId: demoInfluencer.id, socialAccountId: demoAccount, readOnlyKey: 'lp_test_readonly' },
        ayrshare: { apiKey: 'ayr_demo_key', profileId, postIds: [...demoPosts.pendingIds, ...demoPosts.publishedIds] },
        hoko: { apiKey: 'hoko_demo_key', workspaceId, partnerIds: demoPartners.ids },
      };
    },
    async setKillSwitch(scope, targetId, on) {
      const set = scope === 'key' ? kill.keys : scope === 'organization' ? kill.organizations : undefined;
      if (!set) kill.global = on;
      else if (on) set.add(targetId as string);
      else set.delete(targetId as string);
    },
  };
  return store;
}
