import type { BannerPart } from '../../slice.js';
import type { LayersDemo } from './types.js';

const shellQuote = (s: string) => `'${s.replaceAll("'", `'\\''`)}'`;

export function layersBanner(demo: LayersDemo, baseUrl: string): BannerPart {
  return {
    heading: 'Layers    /v1/...',
    lines: [
      ['API key', demo.apiKey],
      ['read-only key', demo.readOnlyKey],
      ['organization', demo.organizationId],
      ['influencer', `inf_${demo.influencerId}`],
      ['social account', `sa_${demo.socialAccountId}`],
      ["revoke page's", `sa_${demo.pageSocialAccountId} (4 queued posts, as the page's example answer)`],
    ],
    curl: `curl -i ${shellQuote(`${baseUrl}/v1/influencers/inf_${demo.influencerId}`)} -H ${shellQuote(`Authorization: Bearer ${demo.apiKey}`)}`,
    apiKey: demo.apiKey,
  };
}
