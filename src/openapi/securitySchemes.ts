// How to send credentials for an operation's security requirements (OpenAPI 3.1 §4.8.27, §4.8.30):
// a list of alternatives (OR), each naming one or more schemes that must all be satisfied (AND).

import { childPointer, isObject, resolveRef } from './jsonPointer.js';
import type { OpenApiDocument } from './loadDocument.js';

/**
 * What the user supplies for one scheme, by scheme name: a string is the secret itself (the API
 * key, the bearer/OAuth 2/OpenID Connect token, or for `http basic` the `user:password` text, or
 * for any other http scheme the credentials after the scheme name); `{ username, password }` is
 * also accepted for basic.
 */
export type SuppliedCredential = string | { username: string; password: string };

/** What to add to a request. */
export interface CredentialPlacement {
  headers: Record<string, string>;
  query: Record<string, string>;
  cookies: Record<string, string>;
}

export type SecurityPlan =
  | ({ ok: true; /** The alternative used (an empty one means no credentials needed). */ requirement: Record<string, string[]> } & CredentialPlacement)
  | { ok: false; /** One line per alternative, saying why it can't be satisfied. */ reason: string };

/** How one scheme is sent, or why it can't be. */
export function placeCredential(
  doc: OpenApiDocument,
  schemeName: string,
  credential: SuppliedCredential | undefined,
): CredentialPlacement | { error: string } {
  const schemes = doc.components?.securitySchemes;
  const raw = isObject(schemes) ? schemes[schemeName] : undefined;
  if (raw === undefined) return { error: `security scheme "${schemeName}" is not in #/components/securitySchemes` };
  let scheme: unknown;
  try {
    scheme = resolveRef(doc, raw, childPointer('#/components/securitySchemes', schemeName)).value;
  } catch (error) {
    return { error: (error as Error).message };
  }
  if (!isObject(scheme)) return { error: `security scheme "${schemeName}" is not an object` };
  if (scheme.type === 'mutualTLS') {
    return { error: `security scheme "${schemeName}" (mutualTLS) needs a client certificate, which is not supported` };
  }
  if (credential === undefined) return { error: `no credential supplied for security scheme "${schemeName}" (${describeScheme(scheme)})` };
  const placement: CredentialPlacement = { headers: {}, query: {}, cookies: {} };
  const secret = typeof credential === 'string' ? credential : `${credential.username}:${credential.password}`;

  switch (scheme.type) {
    case 'apiKey': {
      const name = scheme.name;
      if (typeof name !== 'string' || name === '') return { error: `security scheme "${schemeName}" (apiKey) has no name` };
      if (scheme.in === 'header') placement.headers[name] = secret;
      else if (scheme.in === 'query') placement.query[name] = secret;
      else if (scheme.in === 'cookie') placement.cookies[name] = secret;
      else return { error: `security scheme "${schemeName}" (apiKey) has in: ${JSON.stringify(scheme.in)}, not header, query or cookie` };
      return placement;
    }
    case 'http': {
      const httpScheme = typeof scheme.scheme === 'string' ? scheme.scheme.toLowerCase() : '';
      if (httpScheme === '') return { error: `security scheme "${schemeName}" (http) has no scheme` };
      if (httpScheme === 'basic') {
        if (!secret.includes(':')) return { error: `the credential for security scheme "${schemeName}" (http basic) must be user:password` };
        placement.headers.Authorization = `Basic ${Buffer.from(secret, 'utf8').toString('base64')}`;
      } else if (httpScheme === 'bearer') {
        placement.headers.Authorization = `Bearer ${secret}`;
      } else {
        // RFC 7235 scheme names are case-insensitive; send it as the document spells it.
        placement.headers.Authorization = `${String(scheme.scheme)} ${secret}`;
      }
      return placement;
    }
    case 'oauth2':
    case 'openIdConnect':
      placement.headers.Authorization = `Bearer ${secret}`;
      return placement;
    default:
      return { error: `security scheme "${schemeName}" has unknown type ${JSON.stringify(scheme.type)}` };
  }
}

/** `apiKey in header "X-Key"`, `http bearer`, `oauth2`… for messages. */
export function describeScheme(scheme: Record<string, unknown>): string {
  if (scheme.type === 'apiKey') return `apiKey in ${String(scheme.in)} "${String(scheme.name)}"`;
  if (scheme.type === 'http') return `http ${String(scheme.scheme)}`;
  return String(scheme.type);
}

/**
 * Credentials for one of `requirements` (an operation's `security`, or the document's), trying
 * the alternatives in order and taking the first whose every scheme has a credential in
 * `credentials`. `[]`, or an alternative `{}`, needs nothing. When none can be satisfied, the
 * reason names each alternative and what it lacks. Secrets never appear in a reason.
 */
export function planSecurity(
  doc: OpenApiDocument,
  requirements: readonly Record<string, readonly string[]>[],
  credentials: Readonly<Record<string, SuppliedCredential>>,
): SecurityPlan {
  if (requirements.length === 0) return { ok: true, requirement: {}, headers: {}, query: {}, cookies: {} };
  const reasons: string[] = [];
  for (const requirement of requirements) {
    const placement: CredentialPlacement = { headers: {}, query: {}, cookies: {} };
    const problems: string[] = [];
    for (const name of Object.keys(requirement)) {
      const placed = placeCredential(doc, name, credentials[name]);
      if ('error' in placed) problems.push(placed.error);
      else {
        // Two schemes of one alternative writing the same header can't both be sent.
        for (const header of Object.keys(placed.headers)) {
          const existing = Object.keys(placement.headers).find((h) => h.toLowerCase() === header.toLowerCase());
          if (existing !== undefined) problems.push(`security schemes of {${Object.keys(requirement).join(', ')}} both need the ${header} header`);
        }
        Object.assign(placement.headers, placed.headers);
        Object.assign(placement.query, placed.query);
        Object.assign(placement.cookies, placed.cookies);
      }
    }
    if (problems.length === 0) return { ok: true, requirement: { ...requirement } as Record<string, string[]>, ...placement };
    reasons.push(`{${Object.keys(requirement).join(' + ')}}: ${problems.join('; ')}`);
  }
  return { ok: false, reason: `no security requirement can be satisfied: ${reasons.join(' | ')}` };
}

/** The headers (lower case) that carry a credential of one of the document's security schemes (or of the schemes named in `only`): `authorization`, an apiKey's header, `cookie`. */
export function credentialCarriers(doc: OpenApiDocument, only?: readonly string[]): Set<string> {
  const names = new Set<string>();
  const schemes = doc.components?.securitySchemes;
  for (const scheme of only ?? Object.keys(schemes && typeof schemes === 'object' ? schemes : {})) {
    const placed = placeCredential(doc, scheme, 'user:password');
    if ('error' in placed) continue;
    for (const header of Object.keys(placed.headers)) names.add(header.toLowerCase());
    if (Object.keys(placed.cookies).length > 0) names.add('cookie');
  }
  return names;
}
