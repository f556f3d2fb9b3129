import type { RegistryEntry } from '../../core/registry.js';

/** The key a mock is given: Prism accepts any value. */
export const MOCK_API_KEY = 'conformance-mock-key';

export interface Credentials {
  apiKey: string;
  /** Env variable holding the key, for redacted output. */
  apiKeyEnv: string;
  /** Extra headers sent on every request (the manifest's `credentials.headers`), with their env variable. */
  extraHeaders: { header: string; value: string; env: string; /** How the curl line shows the value (default `$<env>`). */ shown?: string }[];
  /**
   * The credential of one security scheme and how it is shown; `'headers'` when an extra header
   * already carries it; undefined when there is none (the case is skipped). Default: the API key
   * for every scheme, shown as `$<apiKeyEnv>`.
   */
  forScheme?: (scheme: string) => { value: string; shown: string } | 'headers' | undefined;
  /** What to tell the user when a scheme has no credential (e.g. "pass --header box=Authorization: …"). */
  hint?: string;
}

/** Credentials of an API from the environment, as its manifest names them; `missing` names the variable that is not set. */
export function credentialsFromEnv(entry: RegistryEntry, env: NodeJS.ProcessEnv): { credentials?: Credentials; missing?: string } {
  const apiKeyEnv = entry.credentials.apiKey.env;
  const apiKey = env[apiKeyEnv];
  if (!apiKey) return { missing: apiKeyEnv };
  const extraHeaders = entry.credentials.headers.filter((h) => env[h.env]).map((h) => ({ header: h.header, value: env[h.env] as string, env: h.env }));
  return { credentials: { apiKey, apiKeyEnv, extraHeaders } };
}

export function mockCredentials(entry: RegistryEntry): Credentials {
  return { apiKey: MOCK_API_KEY, apiKeyEnv: entry.credentials.apiKey.env, extraHeaders: [] };
}
