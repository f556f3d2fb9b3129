import type { ApiName } from '../model.js';

/** One behaviour scenario: what it proves, and the operation it is mainly about (its method and path come from the document). */
export interface Scenario {
  api: ApiName;
  name: string;
  title: string;
  operationId: string;
}

export const SCENARIOS: Scenario[] = [
  { api: 'layers', name: 'soft-delete', title: 'a deleted influencer is gone from GET, the list, PATCH and a second DELETE (404), its reason kept', operationId: 'deleteInfluencer' },
  { api: 'layers', name: 'patch-partial', title: 'PATCH changes only the fields sent and returns the full record; ageRange null clears, gender null is rejected', operationId: 'patchInfluencer' },
  { api: 'layers', name: 'revoke-count', title: 'revoke returns the exact count of queued posts canceled; a second revoke is 404', operationId: 'revokeSocialAccount' },
  { api: 'layers', name: 'cross-org-404', title: "another organization's account is 404, not 403", operationId: 'revokeSocialAccount' },
  { api: 'layers', name: 'missing-scope', title: 'a key without social:write is 403 with details.requiredScope', operationId: 'revokeSocialAccount' },
  { api: 'layers', name: 'idempotency', title: 'replaying an Idempotency-Key returns the first result; reusing it on another path is 409', operationId: 'revokeSocialAccount' },
  { api: 'ayrshare', name: 'delete-by-id', title: 'delete by id; a second delete is 400 code 383; an unknown id is 400 code 114', operationId: 'deletePost' },
  { api: 'ayrshare', name: 'delete-bulk', title: 'delete by bulk removes every listed post', operationId: 'deletePost' },
  { api: 'ayrshare', name: 'delete-all-scheduled', title: 'deleteAllScheduled deletes only pending scheduled posts', operationId: 'deletePost' },
  { api: 'ayrshare', name: 'mark-manual-deleted', title: 'markManualDeleted answers { status, id } and marks the post deleted', operationId: 'deletePost' },
  { api: 'hoko', name: 'delete-exact-ids', title: 'a delete of n ids returns exactly those ids', operationId: 'deletePartners' },
  { api: 'hoko', name: 'all-or-nothing', title: 'a batch with one unknown id deletes nothing (400) and a retry without it succeeds', operationId: 'deletePartners' },
  { api: 'hoko', name: 'ten-thousand', title: '10,000 ids in one request succeed', operationId: 'deletePartners' },
];
