import type { ApiName } from '../model.js';

/** One behaviour scenario: what it proves, and the operation it is mainly about. */
export interface Scenario {
  api: ApiName;
  name: string;
  title: string;
  operationId: string;
  method: string;
  path: string;
}

export const SCENARIOS: Scenario[] = [
  { api: 'layers', name: 'soft-delete', title: 'a deleted influencer is gone from GET, the list, PATCH and a second DELETE (404), its reason kept', operationId: 'deleteInfluencer', method: 'DELETE', path: '/v1/influencers/{influencerId}' },
  { api: 'layers', name: 'patch-partial', title: 'PATCH changes only the fields sent and returns the full record; ageRange null clears, gender null is rejected', operationId: 'patchInfluencer', method: 'PATCH', path: '/v1/influencers/{influencerId}' },
  { api: 'layers', name: 'revoke-count', title: 'revoke returns the exact count of queued posts canceled; a second revoke is 404', operationId: 'revokeSocialAccount', method: 'DELETE', path: '/v1/social-accounts/{socialAccountId}' },
  { api: 'layers', name: 'cross-org-404', title: "another organization's account is 404, not 403", operationId: 'revokeSocialAccount', method: 'DELETE', path: '/v1/social-accounts/{socialAccountId}' },
  { api: 'layers', name: 'missing-scope', title: 'a key without social:write is 403 with details.requiredScope', operationId: 'revokeSocialAccount', method: 'DELETE', path: '/v1/social-accounts/{socialAccountId}' },
  { api: 'layers', name: 'idempotency', title: 'replaying an Idempotency-Key returns the first result; reusing it on another path is 409', operationId: 'revokeSocialAccount', method: 'DELETE', path: '/v1/social-accounts/{socialAccountId}' },
  { api: 'ayrshare', name: 'delete-by-id', title: 'delete by id; a second delete is 400 code 383; an unknown id is 400 code 114', operationId: 'deletePost', method: 'DELETE', path: '/api/post' },
  { api: 'ayrshare', name: 'delete-bulk', title: 'delete by bulk removes every listed post', operationId: 'deletePost', method: 'DELETE', path: '/api/post' },
  { api: 'ayrshare', name: 'delete-all-scheduled', title: 'deleteAllScheduled deletes only pending scheduled posts', operationId: 'deletePost', method: 'DELETE', path: '/api/post' },
  { api: 'ayrshare', name: 'mark-manual-deleted', title: 'markManualDeleted answers { status, id } and marks the post deleted', operationId: 'deletePost', method: 'DELETE', path: '/api/post' },
  { api: 'hoko', name: 'delete-exact-ids', title: 'a delete of n ids returns exactly those ids', operationId: 'deletePartners', method: 'DELETE', path: '/api/partners' },
  { api: 'hoko', name: 'all-or-nothing', title: 'a batch with one unknown id deletes nothing (400) and a retry without it succeeds', operationId: 'deletePartners', method: 'DELETE', path: '/api/partners' },
  { api: 'hoko', name: 'ten-thousand', title: '10,000 ids in one request succeed', operationId: 'deletePartners', method: 'DELETE', path: '/api/partners' },
];
