/** The Ayrshare slice's store, as its handler sees it. */
import type { NetworkCredentials } from './networkRules.js';

export interface AyrshareProfile {
  profileId: string;
  /** Operations its plan may not call (403 code 103). */
  deniedOperations: string[];
}

/**
 * One network of a post, as `ayrshare_posts.platforms` keeps it. A pending post lists its target
 * networks without `networkPostId` (it was never sent). `removedAtNetwork`: the post no longer
 * exists at that network (deleted through the API, or by hand in the network's app); a published
 * post is live on every network where it is not `true`. `story`: the post is a story of that kind.
 */
export interface PostPlatform {
  platform: string;
  networkPostId?: string;
  removedAtNetwork?: boolean;
  story?: 'image' | 'video';
}

/** The outcome on one network of a delete that reached the networks. */
export interface NetworkOutcome {
  platform: string;
  networkPostId: string;
  /** `null` when the network deleted it (or it was already gone there); else why it refused. */
  refusal: string | null;
}

export type AyrshareDeleteOutcome =
  /** Sent to the networks (none for a pending post); the post is deleted when no network refused. */
  | { kind: 'deleted'; id: string; networks: NetworkOutcome[] }
  | { kind: 'marked'; id: string }
  | { kind: 'not_found'; id: string } // code 114
  | { kind: 'not_manually_deleted'; id: string } // code 382
  | { kind: 'already_deleted'; id: string }; // code 383

export type AyrshareDeleteFailure = Extract<AyrshareDeleteOutcome, { kind: 'not_found' | 'not_manually_deleted' | 'already_deleted' }>;

/** Options of the posts a provider state creates (see openapi/ayrshare/provider-states.yaml). */
export interface CreatePostsOptions {
  /** The networks of every post (default `facebook`, `linkedin`: both delete through the API with no credentials of your own). */
  platforms?: string[];
  /** Published posts already removed by hand at every network. */
  removedAtNetwork?: boolean;
  /** The Facebook member of each post is a story of this kind. */
  facebookStory?: 'image' | 'video';
}

export interface AyrshareStore {
  /** The profile an API key (and optional Profile-Key) acts for; `null` when unknown. */
  findProfile(apiKey: string, profileKey?: string): Promise<AyrshareProfile | null>;
  deletePost(profileId: string, id: string, markManualDeleted: boolean, credentials?: NetworkCredentials): Promise<AyrshareDeleteOutcome>;
  /**
   * Unknown, already-deleted or (with `markManualDeleted`) still-live posts fail the whole call and
   * nothing changes; otherwise each post is deleted as a delete by id would be.
   */
  deleteBulk(
    profileId: string,
    ids: string[],
    markManualDeleted: boolean,
    credentials?: NetworkCredentials,
  ): Promise<{ kind: 'deleted'; ids: string[]; networks: (NetworkOutcome & { id: string })[] } | AyrshareDeleteFailure>;
  /** Deletes only the profile's scheduled posts still pending; published ones are untouched. */
  deleteAllScheduled(profileId: string): Promise<{ ids: string[] }>;
  states: {
    /** A new Primary Profile (its own API key) whose plan may not call `deniedOperations`. */
    createProfile(deniedOperations: string[]): Promise<{ profileId: string; apiKey: string }>;
    /** A new User Profile of the account of `apiKey`, reached with that key and the `profileKey` it answers. */
    createUserProfile(apiKey: string): Promise<{ profileId: string; profileKey: string }>;
    deleteProfile(profileId: string): Promise<void>;
    createPosts(profileId: string, pending: number, published: number, options?: CreatePostsOptions): Promise<{ pendingIds: string[]; publishedIds: string[] }>;
    /** Removes exactly the posts a setup created. */
    teardown(ids: string[]): Promise<void>;
  };
}

export interface AyrshareDemo {
  apiKey: string;
  profileId: string;
  postIds: string[];
  /** A published post still live on its networks: `markManualDeleted` on it answers code 382. */
  livePostId: string;
  /** A published post removed by hand at its networks: `markManualDeleted` on it answers 200. */
  removedByHandPostId: string;
}
