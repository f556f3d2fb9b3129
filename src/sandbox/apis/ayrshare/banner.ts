import type { BannerPart } from '../../slice.js';
import { PAGE_POSTS } from './seedDemo.js';
import type { AyrshareDemo } from './types.js';

const shellQuote = (s: string) => `'${s.replaceAll("'", `'\\''`)}'`;

export function ayrshareBanner(demo: AyrshareDemo, baseUrl: string): BannerPart {
  const post = demo.livePostId;
  return {
    heading: 'Ayrshare  /api/post',
    lines: [
      ['API key', demo.apiKey],
      ['profile', demo.profileId],
      ['posts', demo.postIds.join(', ')],
      ['still live', `${demo.livePostId} (markManualDeleted: code 382)`],
      ['removed by hand', `${demo.removedByHandPostId} (markManualDeleted: 200)`],
      ['page examples', PAGE_POSTS.map((p) => `${p.postId} (${p.note})`).join(', ')],
    ],
    curl: `curl -i -X DELETE ${shellQuote(`${baseUrl}/api/post`)} -H ${shellQuote(`Authorization: Bearer ${demo.apiKey}`)} -H 'X-Twitter-OAuth1-Api-Key: X_CONSUMER_KEY' -H 'X-Twitter-OAuth1-Api-Secret: X_CONSUMER_SECRET' -H 'Content-Type: application/json' -d ${shellQuote(JSON.stringify({ id: post }))}`,
    apiKey: demo.apiKey,
  };
}
