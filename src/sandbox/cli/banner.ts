/** What the sandbox prints at start: where it listens, which database, the demo keys and ids, and a curl per API. */
import { resolve } from 'node:path';
import type { DemoData } from '../store/types.js';
import type { SandboxCliOptions } from './parseOptions.js';

const shellQuote = (s: string) => `'${s.replaceAll("'", `'\\''`)}'`;

/** The database in words; a PostgreSQL URL without its credentials. */
export function describeDatabase(options: Pick<SandboxCliOptions, 'databaseUrl' | 'dataDir'>): string {
  if (options.databaseUrl) {
    try {
      const url = new URL(options.databaseUrl);
      return `PostgreSQL at ${url.hostname}${url.port ? `:${url.port}` : ''}${url.pathname} (DATABASE_URL)`;
    } catch {
      return 'PostgreSQL (DATABASE_URL)';
    }
  }
  if (options.dataDir) return `PGlite, persisted in ${resolve(options.dataDir)}`;
  return 'PGlite in memory (everything is lost when the sandbox stops; --data-dir keeps it)';
}

export function banner(baseUrl: string, options: SandboxCliOptions, demo: DemoData): string {
  const { layers, ayrshare, hoko } = demo;
  const post = ayrshare.postIds[ayrshare.postIds.length - 1] ?? 'POST_ID';
  const partner = hoko.partnerIds[hoko.partnerIds.length - 1] ?? 'PARTNER_ID';
  const stateUrl = `${baseUrl}/__states`;
  const lines = [
    `Sandbox of the Layers, Ayrshare and Hoko partner APIs at ${baseUrl}`,
    `  database:         ${describeDatabase(options)}`,
    `  provider states:  ${options.providerStates ? `${stateUrl}` : 'off (--provider-states turns them on)'}`,
    ...(options.fault ? [`  fault injected:   ${options.fault} (the store fails there on purpose)`] : []),
    '',
    'Layers    /v1/...',
    `  API key:          ${layers.apiKey}`,
    `  read-only key:    ${layers.readOnlyKey}`,
    `  organization:     ${layers.organizationId}`,
    `  influencer:       inf_${layers.influencerId}`,
    `  social account:   sa_${layers.socialAccountId}`,
    'Ayrshare  /api/post',
    `  API key:          ${ayrshare.apiKey}`,
    `  profile:          ${ayrshare.profileId}`,
    `  posts:            ${ayrshare.postIds.join(', ')}`,
    'Hoko      /api/partners',
    `  API key:          ${hoko.apiKey}`,
    `  workspace:        ${hoko.workspaceId}`,
    `  partners:         ${hoko.partnerIds.join(', ')}`,
    '',
    'Try:',
    `  curl -i ${shellQuote(`${baseUrl}/v1/influencers/inf_${layers.influencerId}`)} -H ${shellQuote(`Authorization: Bearer ${layers.apiKey}`)}`,
    `  curl -i -X DELETE ${shellQuote(`${baseUrl}/api/post`)} -H ${shellQuote(`Authorization: Bearer ${ayrshare.apiKey}`)} -H 'Content-Type: application/json' -d ${shellQuote(JSON.stringify({ id: post }))}`,
    `  curl -i -X DELETE ${shellQuote(`${baseUrl}/api/partners`)} -H ${shellQuote(`Authorization: Bearer ${hoko.apiKey}`)} -H 'Content-Type: application/json' -d ${shellQuote(JSON.stringify([partner]))}`,
  ];
  if (options.providerStates) {
    lines.push(
      '',
      'Conformance suite:',
      `  LAYERS_API_KEY=${layers.apiKey} AYRSHARE_API_KEY=${ayrshare.apiKey} HOKO_API_KEY=${hoko.apiKey} \\`,
      `    npm run conformance -- --target layers=${baseUrl} --target ayrshare=${baseUrl} --target hoko=${baseUrl} --state-url ${stateUrl}`,
    );
  }
  lines.push('', 'Stop with Ctrl-C.', '');
  return lines.join('\n');
}
