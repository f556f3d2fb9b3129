import type { OpenApiDocument } from '../../openapi/loadDocument.js';
import type { ObservedResponse, RequestSpec } from '../model.js';
import { boundedFetch, DEFAULT_LIMITS, type TransportLimits } from '../../core/boundedFetch.js';
import { schemeHeader } from '../../core/securitySchemes.js';
import type { Credentials } from './credentials.js';

export interface PreparedRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: string;
  /** The same request as a `curl` command, credentials written as `$ENV_VAR`. */
  curl: string;
}

const shellQuote = (s: string) => `'${s.replaceAll("'", `'\\''`)}'`;

/** Turns a case's request into URL, headers and body for `baseUrl`, with credentials applied. */
export function prepareRequest(doc: OpenApiDocument, baseUrl: string, spec: RequestSpec, credentials: Credentials): PreparedRequest {
  const path = spec.pathTemplate.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(spec.pathParams[name] ?? `{${name}}`));
  const query = new URLSearchParams(spec.query).toString();
  const url = `${baseUrl.replace(/\/+$/, '')}${path}${query ? `?${query}` : ''}`;
  const headers: Record<string, string> = { Accept: 'application/json', ...spec.headers };
  const shown: Record<string, string> = { ...headers };
  for (const extra of credentials.extraHeaders) {
    headers[extra.header] = extra.value;
    shown[extra.header] = `$${extra.env}`;
  }
  if (spec.auth.kind === 'scheme') {
    const { header, format } = schemeHeader(doc, spec.auth.scheme);
    headers[header] = format(credentials.apiKey);
    shown[header] = format(`$${credentials.apiKeyEnv}`);
  } else if (spec.auth.kind === 'malformed') {
    headers[spec.auth.header] = shown[spec.auth.header] = spec.auth.value;
  }
  let body: string | undefined;
  if (spec.body && 'json' in spec.body) {
    body = JSON.stringify(spec.body.json);
    headers['Content-Type'] = shown['Content-Type'] = 'application/json';
  } else if (spec.body) {
    body = spec.body.raw;
    headers['Content-Type'] = shown['Content-Type'] = spec.body.contentType;
  }
  const curlBody = body === undefined ? '' : ` --data ${shellQuote(body.length > 2000 ? `${body.slice(0, 2000)}…` : body)}`;
  const curlHeaders = Object.entries(shown)
    .map(([k, v]) => ` -H ${v.includes('$') ? `"${k}: ${v}"` : shellQuote(`${k}: ${v}`)}`)
    .join('');
  return { url, method: spec.method, headers, ...(body !== undefined ? { body } : {}), curl: `curl -i -X ${spec.method} ${shellQuote(url)}${curlHeaders}${curlBody}` };
}

/** Sends a prepared request and reads its answer within `limits` (no redirect followed); rejects with a TransportError saying why. */
export async function sendRequest(request: PreparedRequest, limits: TransportLimits = DEFAULT_LIMITS): Promise<ObservedResponse> {
  return boundedFetch(request.url, { method: request.method, headers: request.headers, ...(request.body !== undefined ? { body: request.body } : {}) }, limits);
}
