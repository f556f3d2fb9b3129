/** The Hoko slice's store, as its handler sees it. */
import type { Faults } from '../../http/faults.js';

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
  states: {
    createPartners(workspaceId: string, count: number): Promise<{ ids: string[] }>;
    /** A workspace of its own, for partners no key of the demo workspace may touch. */
    createWorkspace(): Promise<string>;
    /** Removes a workspace a setup created, its partners and keys with it. */
    deleteWorkspace(workspaceId: string): Promise<void>;
    /** Removes exactly the partners a setup created. */
    teardown(ids: string[]): Promise<void>;
    /** A key of the workspace holding `scopes`. */
    createKey(workspaceId: string, scopes: string[]): Promise<{ keyId: string; apiKey: string }>;
    deleteKey(keyId: string): Promise<void>;
  };
}

export interface HokoDemo {
  apiKey: string;
  /** A key of the same workspace without `linksWrite` (none of the document's scopes): deletes answer 403. */
  readOnlyKey: string;
  workspaceId: string;
  partnerIds: string[];
}
