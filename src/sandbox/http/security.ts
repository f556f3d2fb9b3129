/**
 * Credentials and scopes on the server's side, by the shared core's reading of the documents'
 * security schemes: which key the caller presented, and whether it holds the scopes an operation's
 * requirements name.
 */
import { schemeHeader, scopeAlternatives } from '../../core/securitySchemes.js';
import type { OpenApiDocument } from '../../openapi/loadDocument.js';
import type { Operation } from '../../openapi/operations.js';
import { headerValue, type SandboxRequest } from './httpTypes.js';

export interface PresentedKey {
  /** The security scheme (component name) the key came in through. */
  scheme: string;
  key: string;
}

/**
 * The key the caller presented, through the first of the operation's security alternatives (in
 * document order) that it used; `undefined` when it used none of them (or a malformed one), or
 * when it presented two different keys through two schemes (`Authorization: Bearer A` with
 * `X-Api-Key: B`): which one it meant is not for the server to guess, as with two
 * `Authorization` headers. The same key through both is one credential.
 */
export function presentedKey(doc: OpenApiDocument, operation: Operation, request: SandboxRequest): PresentedKey | undefined {
  let found: PresentedKey | undefined;
  for (const { scheme, header, parse } of credentialHeaders(doc, operation)) {
    const value = headerValue(request.headers, header);
    const key = value === undefined ? undefined : parse(value);
    if (key === undefined) continue;
    if (found === undefined) found = { scheme, key };
    else if (found.key !== key) return undefined;
  }
  return found;
}

/** The operation's schemes in the order `presentedKey` tries them, read from the document once per operation. */
const headersOf = new WeakMap<Operation, { scheme: string; header: string; parse: (value: string) => string | undefined }[]>();
function credentialHeaders(doc: OpenApiDocument, operation: Operation) {
  let found = headersOf.get(operation);
  if (!found) {
    found = operation.security().flatMap((requirement) => Object.keys(requirement).map((scheme) => ({ scheme, ...schemeHeader(doc, scheme) })));
    headersOf.set(operation, found);
  }
  return found;
}

/**
 * The scopes of the operation's first requirement through `scheme` that `held` lacks; `[]` when
 * any one requirement's scope list is held in full (or none names a scope).
 */
export function missingScopes(operation: Operation, scheme: string, held: string[]): string[] {
  const alternatives = scopeAlternatives(operation, scheme);
  if (alternatives.length === 0 || alternatives.some((scopes) => scopes.every((s) => held.includes(s)))) return [];
  return (alternatives[0] ?? []).filter((s) => !held.includes(s));
}

/** The first scope `missingScopes` names, or `undefined` when the key may call the operation. */
export const missingScope = (operation: Operation, scheme: string, held: string[]): string | undefined => missingScopes(operation, scheme, held)[0];
