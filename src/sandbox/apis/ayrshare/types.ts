/** The Ayrshare slice's store, as its handler sees it. */

export interface AyrshareProfile {
  profileId: string;
  /** Operations its plan may not call (403 code 103). */
  deniedOperations: string[];
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
  states: {
    /** A new Primary Profile (its own API key) whose plan may not call `deniedOperations`. */
    createProfile(deniedOperations: string[]): Promise<{ profileId: string; apiKey: string }>;
    deleteProfile(profileId: string): Promise<void>;
    createPosts(profileId: string, pending: number, published: number): Promise<{ pendingIds: string[]; publishedIds: string[] }>;
    /** Removes exactly the posts a setup created. */
    teardown(ids: string[]): Promise<void>;
  };
}

export interface AyrshareDemo {
  apiKey: string;
  profileId: string;
  postIds: string[];
}
