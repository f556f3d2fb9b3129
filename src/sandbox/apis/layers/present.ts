/**
 * Layers ids and records on the wire: the store keeps bare uuids; responses prefix them (`inf_`,
 * `prj_`, `sa_`), and path ids are read in either form where the document allows it.
 */
import type { Influencer, InfluencerDeleted, SocialAccountRevoked } from '../../../../generated/layers/index.js';
import type { InfluencerRow, RevokeResult } from './types.js';

export const PREFIX = { influencer: 'inf_', project: 'prj_', socialAccount: 'sa_' } as const;

/** The bare uuid of a path id: the prefix, if present, removed. */
export const bareId = (prefix: string, id: string) => (id.startsWith(prefix) ? id.slice(prefix.length) : id);
export const prefixed = (prefix: string, id: string) => (id.startsWith(prefix) ? id : `${prefix}${id}`);

/** `Date#toISOString`'s own form. */
const CANONICAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** RFC 3339 in UTC, whatever form the store gave (a `Date`, or a PostgreSQL timestamp string). */
export function timestamp(value: unknown): string {
  if (typeof value === 'string' && CANONICAL.test(value)) return value; // the store's toIso already made it
  const date = value instanceof Date ? value : new Date(String(value));
  if (Number.isNaN(date.getTime())) throw new Error(`not a timestamp: ${String(value)}`);
  return date.toISOString();
}

export function presentInfluencer(row: InfluencerRow): Influencer {
  return {
    influencerId: prefixed(PREFIX.influencer, row.id),
    projectId: prefixed(PREFIX.project, row.projectId),
    name: row.name,
    gender: row.gender,
    ageRange: row.ageRange ?? null,
    brandVoice: row.brandVoice,
    language: row.language,
    status: row.status,
    createdAt: timestamp(row.createdAt),
    updatedAt: timestamp(row.updatedAt),
  };
}

export function presentDeleted(result: { id: string; deletedAt: string }): InfluencerDeleted {
  return { influencerId: prefixed(PREFIX.influencer, result.id), status: 'deleted', deletedAt: timestamp(result.deletedAt) };
}

export function presentRevoked(result: RevokeResult): SocialAccountRevoked {
  return {
    socialAccountId: prefixed(PREFIX.socialAccount, result.socialAccountId),
    status: 'disconnected',
    disconnectedReason: 'revoked_by_partner',
    canceledScheduledPosts: result.canceledScheduledPosts,
    disconnectedAt: timestamp(result.disconnectedAt),
  };
}
