/**
 * Wording the Ayrshare slice needs where the document has no named example: the `message` of a
 * network's `status: "error"` member in a 200 (the page shows no such member). Each is the page's
 * own sentence about that network, so a partner reads what the vendor says.
 */
export const NETWORK_MESSAGES = {
  instagram: 'Instagram does not support deleting published posts via its API. Please go to the Instagram mobile app to delete the post.',
  tiktok: 'TikTok does not support deleting published posts via its API. Please go to the TikTok mobile app to delete the post.',
  facebookImageStory: 'Facebook does not support image story deletion via its API. Please go to the Facebook mobile app to delete stories.',
  xCredentials:
    'X operations require your own API credentials: after linking X via OAuth, include the X-Twitter-OAuth1-Api-Key and X-Twitter-OAuth1-Api-Secret headers.',
} as const;
