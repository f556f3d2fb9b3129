/** What the sandbox prints at start: where it listens, which database, each slice's demo keys and ids, and a curl per API. */
import { resolve } from 'node:path';
import type { Registry } from '../../core/registry.js';
import type { BannerPart } from '../slice.js';
import type { DemoData, Sandbox } from '../slices.js';
import type { SandboxCliOptions } from './parseOptions.js';

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
  return 'PGlite in a temporary folder (deleted when the sandbox stops; --data-dir keeps it)';
}

const label = (text: string) => `  ${`${text}:`.padEnd(18)}`;

/** The banner of the slices mounted in `sandbox`, in registry order. */
export function banner(baseUrl: string, options: SandboxCliOptions, sandbox: Pick<Sandbox, 'slices'>, demo: DemoData, registry: Registry): string {
  const parts: { name: string; part: BannerPart }[] = sandbox.slices.map((m) => ({ name: m.name, part: m.slice.banner(demo[m.name], baseUrl) }));
  const stateUrl = `${baseUrl}/__states`;
  const lines = [
    `Sandbox of the ${sandbox.slices.map((m) => m.name).join(', ')} partner APIs at ${baseUrl}`,
    `${label('database')}${describeDatabase(options)}`,
    `${label('provider states')}${options.providerStates ? stateUrl : 'off (--provider-states turns them on)'}`,
    ...(options.fault ? [`${label('fault injected')}${options.fault} (the store fails there on purpose)`] : []),
    '',
    ...parts.flatMap(({ part }) => [part.heading, ...part.lines.map(([l, v]) => `${label(l)}${v}`)]),
    '',
    'Try:',
    ...parts.map(({ part }) => `  ${part.curl}`),
  ];
  if (options.providerStates) {
    const env = parts.map(({ name, part }) => `${registry.get(name).credentials.apiKey.env}=${part.apiKey}`).join(' ');
    const targets = parts.map(({ name }) => `--target ${name}=${baseUrl}`).join(' ');
    lines.push('', 'Conformance suite:', `  ${env} \\`, `    npm run conformance -- ${targets} --state-url ${stateUrl}`);
  }
  lines.push('', 'Stop with Ctrl-C.', '');
  return lines.join('\n');
}
