import type { BannerPart } from '../../slice.js';
import type { HokoDemo } from './types.js';

const shellQuote = (s: string) => `'${s.replaceAll("'", `'\\''`)}'`;

export function hokoBanner(demo: HokoDemo, baseUrl: string): BannerPart {
  const partner = demo.partnerIds[demo.partnerIds.length - 1] ?? 'PARTNER_ID';
  return {
    heading: 'Hoko      /api/partners',
    lines: [
      ['API key', demo.apiKey],
      ['read-only key', `${demo.readOnlyKey} (no linksWrite: 403 missingScopes)`],
      ['workspace', demo.workspaceId],
      ['partners', demo.partnerIds.join(', ')],
    ],
    curl: `curl -i -X DELETE ${shellQuote(`${baseUrl}/api/partners`)} -H ${shellQuote(`Authorization: Bearer ${demo.apiKey}`)} -H 'Content-Type: application/json' -d ${shellQuote(JSON.stringify([partner]))}`,
    apiKey: demo.apiKey,
  };
}
