/**
 * Credentials and scopes as the documents declare them: which header each security scheme reads
 * (`http` bearer → `Authorization: Bearer <key>`, `apiKey` in a header → that header), and the
 * scopes an operation's security requirement names for the scheme the caller used.
 */
import { isObject } from '../../openapi/jsonPointer.js';
import type { OpenApiDocument } from '../../openapi/loadDocument.js';
import type { Operation } from '../../openapi/operations.js';
import { headerValue, type SandboxRequest } from './httpTypes.js';

export interface PresentedKey {
  /** The security scheme (component name) the key came in through. */
  scheme: string;
  key: string;
}

function schemeKey(doc: OpenApiDocument, scheme: string, request: SandboxRequest): string | undefined {
  const schemes = doc.components?.securitySchemes;
  const s = isObject(schemes) ? schemes[scheme] : undefined;
  if (!isObject(s)) throw new Error(`security scheme '${scheme}' is not in the document`);
  if (s.type === 'http' && String(s.scheme).toLowerCase() === 'bearer') {
    const m = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(headerValue(request.headers, 'authorization') ?? '');
    return m?.[1];
  }
  if (s.type === 'apiKey' && s.in === 'header' && typeof s.name === 'string') {
    const value = headerValue(request.headers, s.name)?.trim();
    return value ? value : undefined;
  }
  throw new Error(`security scheme '${scheme}' is neither http bearer nor an apiKey header: the sandbox cannot read it`);
}

/**
 * The key the caller presented, through the first of the operation's security alternatives (in
 * document order) that it used; `undefined` when it used none of them (or a malformed one).
 */
export function presentedKey(doc: OpenApiDocument, operation: Operation, request: SandboxRequest): PresentedKey | undefined {
  for (const requirement of operation.security()) {
    for (const scheme of Object.keys(requirement)) {
      const key = schemeKey(doc, scheme, request);
      if (key !== undefined) return { scheme, key };
    }
  }
  return undefined;
}

/** The scopes the operation requires when called through `scheme` (its security requirement's list). */
export function requiredScopes(operation: Operation, scheme: string): string[] {
  const requirement = operation.security().find((r) => Object.hasOwn(r, scheme));
  return requirement?.[scheme] ?? [];
}

/** Every scope any operation of the document requires, sorted. */
export function documentScopes(operations: Operation[]): string[] {
  return [...new Set(operations.flatMap((op) => op.security().flatMap((r) => Object.values(r).flat())))].sort();
}
