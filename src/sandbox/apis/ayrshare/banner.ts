import type { BannerPart } from '../../slice.js';
import type { AyrshareDemo } from './types.js';

const shellQuote = (s: string) => `'${s.replaceAll("'", `'\\''`)}'`;

export function ayrshareBanner(demo: AyrshareDemo, baseUrl: string): BannerPart {
  const post = demo.postIds[demo.postIds.length - 1] ?? 'POST_ID';
  return {
    heading: 'Ayrshare  /api/post',
    lines: [
      ['API key', demo.apiKey],
      ['profile', demo.profileId],
      ['posts', demo.postIds.join(', ')],
    ],
    curl: `curl -i -X DELETE ${shellQuote(`${baseUrl}/api/post`)} -H ${shellQuote(`Authorization: Bearer ${demo.apiKey}`)} -H 'Content-Type: application/json' -d ${shellQuote(JSON.stringify({ id: post }))}`,
    apiKey: demo.apiKey,
  };
}
