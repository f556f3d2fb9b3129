/**
 * The Layers slice's store, as its handler sees it. Row types are the document's own (generated
 * from openapi/layers/), with the ids still bare uuids: the handler prefixes them on the wire.
 */
import type { Influencer, InfluencerPatch } from '../../../../generated/layers/index.js';
import type { Faults } from '../../http/faults.js';
import type { IdempotencyResult, IdempotentOutcome } from '../../store/idempotency.js';

export type KillSwitchScope = 'key' | 'organization' | 'global';

export interface LayersKey {
  keyId: string;
  organizationId: string;
  scopes: string[];
  /** The kill switch in force for this key, if any (key beats organization beats global). */
  killSwitch: KillSwitchScope | null;
}

/** An influencer as the API returns it (the document's `Influencer`), ids still bare uuids. */
export type InfluencerRow = Omit<Influencer, 'influencerId' | 'projectId'> & { id: string; projectId: string };

/** The fields a PATCH may change (the document's `InfluencerPatch`), as the store takes them: any subset, an empty one included (the HTTP layer enforces the document's "at least one"). */
export type InfluencerPatchInput = Partial<InfluencerPatch>;

export interface RevokeResult {
  socialAccountId: string;
  canceledScheduledPosts: number;
  disconnectedAt: string;
}

/** What the provider states (and the tests) can ask of the store: rows in an existing tenant. */
export interface LayersStatesStore {
  createInfluencer(organizationId: string, fields: Partial<InfluencerPatchInput>): Promise<{ id: string }>;
  /**
   * A connected account with `queuedPosts` queued posts, and optionally posts already published
   * through it, a lease, and the influencer (a bare uuid of the same organization) its queued posts carry.
   */
  createSocialAccount(organizationId: string, queuedPosts: number, extra?: { publishedPosts?: number; leased?: boolean; influencerId?: string }): Promise<{ id: string }>;
  /** A second organization, created on demand, for cross-organization checks. */
  otherOrganization(): Promise<string>;
  createLayersKey(organizationId: string, scopes: string[]): Promise<{ keyId: string; apiKey: string }>;
  /** Removes exactly what a setup created (rows by id; keys by id). */
  teardown(kind: 'influencer' | 'socialAccount' | 'layersKey', ids: string[]): Promise<void>;
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
  withIdempotency(keyId: string, idempotencyKey: string, fingerprint: string, run: () => Promise<IdempotentOutcome>): Promise<IdempotencyResult>;
  /** Kill switches, for the demo and tests. */
  setKillSwitch(scope: KillSwitchScope, targetId: string | null, on: boolean): Promise<void>;
  states: LayersStatesStore;
}

/** The demo tenant seeded at start, printed so a person can curl right away. */
export interface LayersDemo {
  apiKey: string;
  organizationId: string;
  influencerId: string;
  socialAccountId: string;
  /** The account of the revoke page's example request (`sa_9c1e42a0-…`), with 4 queued posts. */
  pageSocialAccountId: string;
  readOnlyKey: string;
}
