import type { RegistryEntry } from '../../src/core/registry.js';

/** `petshop` → `Petshop`, `my-api` → `MyApi`: the prefix of the generated client's names. */
export const typePrefix = (name: string) => name.split('-').map((part) => part.charAt(0).toUpperCase() + part.slice(1)).join('');

/** Name of an API's generated client factory: `createPetshopClient`. */
export const factoryName = (name: string) => `create${typePrefix(name)}Client`;

/**
 * Source of `client.ts`: a typed openapi-fetch client factory that sets the API's auth headers
 * (the key as `Authorization: Bearer`, and the manifest's optional headers). `defaultBaseUrl` is
 * the document's first server.
 */
export function renderClient(api: RegistryEntry, defaultBaseUrl: string): string {
  const prefix = typePrefix(api.name);
  const options = `${prefix}ClientOptions`;
  const extra = api.credentials.headers;
  const optionalDocs = extra.map((h) => `  /** ${h.description} Sent as \`${h.header}\`. */\n  ${h.option}?: string;\n`).join('');
  const optionalNames = extra.map((h) => `${h.option}, `).join('');
  const optionalSets = extra.map((h) => `  if (${h.option} !== undefined) merged.set(${JSON.stringify(h.header)}, ${h.option});\n`).join('');
  return `import createClient, { type Client, type ClientOptions } from 'openapi-fetch';
import type { paths } from './schema.js';

/** Base URL of the API's production server, from the document. */
export const DEFAULT_BASE_URL = ${JSON.stringify(defaultBaseUrl)};

export interface ${options} extends Omit<ClientOptions, 'baseUrl'> {
  /** Where to send requests; defaults to {@link DEFAULT_BASE_URL}. */
  baseUrl?: string;
  /** ${api.credentials.apiKey.description} */
  apiKey: string;
${optionalDocs}}

/** A typed client whose methods, paths, bodies and responses follow the document. */
export type ${prefix}Client = Client<paths>;

/** Creates a typed client that authenticates every request. */
export function ${factoryName(api.name)}(options: ${options}): ${prefix}Client {
  const { baseUrl = DEFAULT_BASE_URL, apiKey, ${optionalNames}headers, ...rest } = options;
  const merged = new Headers(headers as HeadersInit | undefined);
  merged.set('Authorization', \`Bearer \${apiKey}\`);
${optionalSets}  return createClient<paths>({ ...rest, baseUrl, headers: merged });
}
`;
}
