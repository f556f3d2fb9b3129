import { isObject } from '../../openapi/jsonPointer.js';
import type { OpenApiDocument } from '../../openapi/loadDocument.js';
import type { ApiName } from '../model.js';

/** Where each API's credentials come from. Never printed: reports show the variable's name instead. */
export const CREDENTIAL_ENV: Record<ApiName, { key: string; extraHeaders: Record<string, string> }> = {
  layers: { key: 'LAYERS_API_KEY', extraHeaders: {} },
  ayrshare: { key: 'AYRSHARE_API_KEY', extraHeaders: { 'Profile-Key': 'AYRSHARE_PROFILE_KEY' } },
  hoko: { key: 'HOKO_API_KEY', extraHeaders: {} },
};

/** The key a mock is given: Prism accepts any value. */
export const MOCK_API_KEY = 'conformance-mock-key';

export interface Credentials {
  apiKey: string;
  /** Env variable holding the key, for redacted output. */
  apiKeyEnv: string;
  /** Extra headers sent on every request (Ayrshare Profile-Key), with their env variable. */
  extraHeaders: { header: string; value: string; env: string }[];
}

/** Credentials of `api` from the environment; `undefined` key when the variable is not set. */
export function credentialsFromEnv(api: ApiName, env: NodeJS.ProcessEnv): { credentials?: Credentials; missing?: string } {
  const spec = CREDENTIAL_ENV[api];
  const apiKey = env[spec.key];
  if (!apiKey) return { missing: spec.key };
  const extraHeaders = Object.entries(spec.extraHeaders)
    .filter(([, variable]) => env[variable])
    .map(([header, variable]) => ({ header, value: env[variable] as string, env: variable }));
  return { credentials: { apiKey, apiKeyEnv: spec.key, extraHeaders } };
}

export function mockCredentials(api: ApiName): Credentials {
  return { apiKey: MOCK_API_KEY, apiKeyEnv: CREDENTIAL_ENV[api].key, extraHeaders: [] };
}

/** The header a security scheme of the document puts the key in, and how it is written. */
export function schemeHeader(doc: OpenApiDocument, scheme: string): { header: string; format: (key: string) => string } {
  const schemes = doc.components?.securitySchemes;
  const s = isObject(schemes) ? schemes[scheme] : undefined;
  if (isObject(s) && s.type === 'http' && String(s.scheme).toLowerCase() === 'bearer') return { header: 'Authorization', format: (k) => `Bearer ${k}` };
  if (isObject(s) && s.type === 'apiKey' && s.in === 'header' && typeof s.name === 'string') return { header: s.name, format: (k) => k };
  throw new Error(`security scheme '${scheme}' is not one the suite can send (http bearer or apiKey in a header)`);
}
