import type { ApiEntry } from './apis.js';

/**
 * Source of `client.ts`: a typed openapi-fetch client factory that sets the API's auth headers.
 * `defaultBaseUrl` is the document's first server.
 */
export function renderClient(api: ApiEntry, defaultBaseUrl: string): string {
  const options = `${api.typePrefix}ClientOptions`;
  const optionalDocs = api.optionalHeaders
    .map((h) => `  /** ${h.doc} Sent as \`${h.header}\`. */\n  ${h.option}?: string;\n`)
    .join('');
  const optionalNames = api.optionalHeaders.map((h) => `${h.option}, `).join('');
  const optionalSets = api.optionalHeaders
    .map((h) => `  if (${h.option} !== undefined) merged.set(${JSON.stringify(h.header)}, ${h.option});\n`)
    .join('');
  return `import createClient, { type Client, type ClientOptions } from 'openapi-fetch';
import type { paths } from './schema.js';

/** Base URL of the API's production server, from the document. */
export const DEFAULT_BASE_URL = ${JSON.stringify(defaultBaseUrl)};

export interface ${options} extends Omit<ClientOptions, 'baseUrl'> {
  /** Where to send requests; defaults to {@link DEFAULT_BASE_URL}. */
  baseUrl?: string;
  /** ${api.apiKeyDoc} */
  apiKey: string;
${optionalDocs}}

/** A typed client whose methods, paths, bodies and responses follow the document. */
export type ${api.typePrefix}Client = Client<paths>;

/** Creates a typed client that authenticates every request. */
export function ${api.factoryName}(options: ${options}): ${api.typePrefix}Client {
  const { baseUrl = DEFAULT_BASE_URL, apiKey, ${optionalNames}headers, ...rest } = options;
  const merged = new Headers(headers as HeadersInit | undefined);
  merged.set('Authorization', \`Bearer \${apiKey}\`);
${optionalSets}  return createClient<paths>({ ...rest, baseUrl, headers: merged });
}
`;
}
