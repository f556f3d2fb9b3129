/**
 * What each social network lets Ayrshare delete through its API, as the delete page states it:
 * published Instagram and TikTok posts cannot be deleted, Facebook image stories cannot (video
 * stories can), and every X operation needs the caller's own X credentials (the
 * `X-Twitter-OAuth1-Api-Key` and `X-Twitter-OAuth1-Api-Secret` headers). Scheduled posts still
 * pending were never sent, so no network is asked and every network can "delete" them.
 *
 * The page shows no answer for a network that refuses: the member of that network says
 * `status: "error"` (the document's assumption) with a `message`; the wording is the sandbox's,
 * taken from the page's own sentences (see contract.ts).
 */
import { NETWORK_MESSAGES } from './contract.js';
import type { PostPlatform } from './types.js';

/** The caller's own credentials for the networks that need them, read from the request headers. */
export interface NetworkCredentials {
  /** Both X headers were sent (non-empty). */
  x: boolean;
}

/** Why `platform` refuses to delete its copy of a published post, or `null` when it deletes it. */
export function refusal(platform: PostPlatform, credentials: NetworkCredentials): string | null {
  switch (platform.platform) {
    case 'instagram':
      return NETWORK_MESSAGES.instagram;
    case 'tiktok':
      return NETWORK_MESSAGES.tiktok;
    case 'facebook':
      return platform.story === 'image' ? NETWORK_MESSAGES.facebookImageStory : null;
    case 'twitter':
      return credentials.x ? null : NETWORK_MESSAGES.xCredentials;
    default:
      return null;
  }
}
