/**
 * The sandbox's storage and domain rules, as the HTTP layer sees them. Implemented over
 * PostgreSQL (PGlite embedded, or a real server through `pg`). Every write that the vendor pages
 * call atomic runs in one transaction; ids are uuids in the database and prefixed (`inf_`, `sa_`,
 * `prj_`) only on the wire, which the HTTP layer does.
 */

/** A SQL connection: PGlite or pg behind one shape. `$1, $2 …` parameters. */
export interface Db {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
  /** Runs `fn` in a transaction (BEGIN … COMMIT, ROLLBACK when it throws). */
  transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Where a write may be made to fail on purpose (test hook, off by default). */
export type FaultPoint = 'revoke:after-cancel' | 'hoko:after-first-delete';

export interface Faults {
  /** When set, the named step throws `InjectedFault` inside its transaction. */
  failAt?: FaultPoint;
}

export class InjectedFault extends Error {
  override name = 'InjectedFault';
}

// ----- Layers -------------------------------------------------------------------------------

export type KillSwitchScope = 'key' | 'organization' | 'global';

export interface LayersKey {
  keyId: string;
  organizationId: string;
  scopes: string[];
  /** The kill switch in force for this key, if any (key beats organization beats global). */
  killSwitch: KillSwitchScope | null;
}

/** An influencer as the API returns it, ids still bare uuids. */
export interface InfluencerRow {
  id: string;
  projectId: string;
  name: string;
  gender: 'male' | 'female' | 'non_binary';
  ageRange: string | null;
  brandVoice: string;
  language: string;
  status: string;
  createdAt: string;
  updatedAt: string;
}

export interface InfluencerPatchInput {
  name?: string;
  gender?: 'male' | 'female' | 'non_binary';
  ageRange?: string | null;
  brandVoice?: string;
  language?: string;
}

export interface RevokeResult {
  socialAccountId: string;
  canceledScheduledPosts: number;
  disconnectedAt: string;
}

/** A stored response for `Idempotency-Key` replay. */
export interface IdempotentOutcome {
  status: number;
  body: unknown;
}

export interface LayersStore {
  findKey(apiKey: string): Promise<LayersKey | null>;
  /** Live (not archived) influencers of the organization, newest first; `cursor` is opaque. `null` for a cursor it did not issue. */
  listInfluencers(organizationId: string, limit: number, cursor?: string): Promise<{ items: InfluencerRow[]; nextCursor: string | null } | null>;
  getInfluencer(organizationId: string, id: string): Promise<InfluencerRow | null>;
  /** Applies only the fields given; `null` when not found, archived, or in another organization. */
  patchInfluencer(organizationId: string, id: string, patch: InfluencerPatchInput): Promise<InfluencerRow | null>;
  /** Soft delete: is_archived = true, `{ reason, keyId, at }` under attributes.deletion. */
  deleteInfluencer(organizationId: string, id: string, audit: { reason?: string; keyId: string }): Promise<{ id: string; deletedAt: string } | null>;
  /** The stored deletion audit of an influencer (archived or not), for tests. */
  deletionAudit(id: string): Promise<{ reason: string | null; keyId: string; at: string } | null>;
  /**
   * Disconnects the account (drops its token, reason revoked_by_partner) and cancels every queued
   * post on it in ONE transaction; `null` when not found, already disconnected, or another
   * organization's. Two concurrent revokes of one account: exactly one gets a result.
   */
  revokeSocialAccount(organizationId: string, id: string, faults?: Faults): Promise<RevokeResult | null>;
  /**
   * Idempotency-Key: the first outcome stored for (keyId, idempotencyKey) within 24 h is replayed
   * when `fingerprint` matches (`replay`), a different fingerprint is a `conflict`; otherwise `run`
   * executes and its outcome is stored (only 2xx and 404 outcomes are stored; a 500 is not).
   */
  withIdempotency(keyId: string, idempotencyKey: string, fingerprint: string, run: () => Promise<IdempotentOutcome>): Promise<{ kind: 'fresh' | 'replay'; outcome: IdempotentOutcome } | { kind: 'conflict' }>;
}

// ----- Ayrshare -----------------------------------------------------------------------------

export interface AyrshareProfile {
  profileId: string;
}

export type AyrshareDeleteOutcome =
  | { kind: 'deleted'; platforms: { platform: string; networkPostId: string }[] }
  | { kind: 'marked'; id: string }
  | { kind: 'not_found'; id: string } // code 114
  | { kind: 'already_deleted'; id: string }; // code 383

export interface AyrshareStore {
  /** The profile an API key (and optional Profile-Key) acts for; `null` when unknown. */
  findProfile(apiKey: string, profileKey?: string): Promise<AyrshareProfile | null>;
  deletePost(profileId: string, id: string, markManualDeleted: boolean): Promise<AyrshareDeleteOutcome>;
  /** All listed posts or none: the first unknown or already-deleted id is reported and nothing changes. */
  deleteBulk(profileId: string, ids: string[], markManualDeleted: boolean): Promise<{ kind: 'deleted'; ids: string[] } | Extract<AyrshareDeleteOutcome, { kind: 'not_found' | 'already_deleted' }>>;
  /** Deletes only the profile's scheduled posts still pending; published ones are untouched. */
  deleteAllScheduled(profileId: string): Promise<{ ids: string[] }>;
}

// ----- Hoko ---------------------------------------------------------------------------------

export interface HokoKey {
  workspaceId: string;
  scopes: string[];
}

export interface HokoStore {
  findKey(apiKey: string): Promise<HokoKey | null>;
  /**
   * Soft-deletes all the ids or none, in one transaction: `invalid` lists ids that are not live
   * partners of the workspace (unknown, other workspace, already deleted). Concurrent overlapping
   * deletes never delete a partner twice nor report an id this call did not delete.
   */
  deletePartners(workspaceId: string, ids: string[], faults?: Faults): Promise<{ kind: 'deleted'; deletedIds: string[] } | { kind: 'invalid'; ids: string[] }>;
}

// ----- Provider states and demo data -------------------------------------------------------

/** What `POST /__states` (the conformance suite's provider states) can ask of the store. */
export interface StatesStore {
  createInfluencer(organizationId: string, fields: Partial<InfluencerPatchInput>): Promise<{ id: string }>;
  createSocialAccount(organizationId: string, queuedPosts: number): Promise<{ id: string }>;
  /** A second organization, created on demand, for cross-organization checks. */
  otherOrganization(): Promise<string>;
  createLayersKey(organizationId: string, scopes: string[]): Promise<{ keyId: string; apiKey: string }>;
  createPosts(profileId: string, pending: number, published: number): Promise<{ pendingIds: string[]; publishedIds: string[] }>;
  createPartners(workspaceId: string, count: number): Promise<{ ids: string[] }>;
  /** Removes exactly what a setup created (rows by id; keys by id). */
  teardown(kind: 'influencer' | 'socialAccount' | 'layersKey' | 'posts' | 'partners', ids: string[]): Promise<void>;
}

/** The demo tenant seeded at start, printed so a person can curl right away. */
export interface DemoData {
  layers: { apiKey: string; organizationId: string; influencerId: string; socialAccountId: string; readOnlyKey: string };
  ayrshare: { apiKey: string; profileId: string; postIds: string[] };
  hoko: { apiKey: string; workspaceId: string; partnerIds: string[] };
}

export interface SandboxStore {
  db: Db;
  layers: LayersStore;
  ayrshare: AyrshareStore;
  hoko: HokoStore;
  states: StatesStore;
  /** Creates the demo tenant (idempotent: the same keys on every start). */
  seedDemo(): Promise<DemoData>;
  /** Kill switches, for the demo and tests. */
  setKillSwitch(scope: KillSwitchScope, targetId: string | null, on: boolean): Promise<void>;
}
