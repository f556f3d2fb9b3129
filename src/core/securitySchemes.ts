/**
 * Security schemes as the documents declare them, read the way a server reads them: which header
 * a scheme carries a key in and how the key is read back from a request (the sandbox checks it),
 * and the scopes an operation's requirements name. How the suite PLACES a credential of any scheme
 * type is src/openapi/securitySchemes.ts.
 */
import { isObject } from '../openapi/jsonPointer.js';
import type { OpenApiDocument } from '../openapi/loadDocument.js';
import type { Operation } from '../openapi/operations.js';

/** The header a scheme carries a key in and how the key is written there. */
export interface SchemeHeader {
  header: string;
  format: (key: string) => string;
  /** Reads the key back from that header's value; `undefined` when it is not in the scheme's form. */
  parse: (value: string) => string | undefined;
}

/** The header of security scheme `scheme` (http bearer or an apiKey in a header); throws naming it otherwise. */
export function schemeHeader(doc: OpenApiDocument, scheme: string): SchemeHeader {
  const schemes = doc.components?.securitySchemes;
  const s = isObject(schemes) ? schemes[scheme] : undefined;
  if (!isObject(s)) throw new Error(`security scheme '${scheme}' is not in the document`);
  if (s.type === 'http' && String(s.scheme).toLowerCase() === 'bearer') {
    return { header: 'Authorization', format: (k) => `Bearer ${k}`, parse: (v) => /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(v)?.[1] };
  }
  if (s.type === 'apiKey' && s.in === 'header' && typeof s.name === 'string') {
    return { header: s.name, format: (k) => k, parse: (v) => v.trim() || undefined };
  }
  throw new Error(`security scheme '${scheme}' is neither http bearer nor an apiKey in a header`);
}

/**
 * The scopes that satisfy `operation` when called through `scheme`: one list per requirement
 * naming that scheme (any one list, held in full, is enough).
 */
export function scopeAlternatives(operation: Operation, scheme: string): string[][] {
  return operation.security().filter((r) => Object.hasOwn(r, scheme)).map((r) => r[scheme] ?? []);
}

/** Every scope any operation of the document requires, sorted. */
export function documentScopes(operations: Operation[]): string[] {
  return [...new Set(operations.flatMap((op) => op.security().flatMap((r) => Object.values(r).flat())))].sort();
}

/**
 * The HTTP authentication schemes (`Basic`, `Bearer`) of the operation's `http` security schemes
 * whose scheme is basic or bearer, each once, in document order: those whose 401 answers RFC 9110
 * §11.6.1 governs (a 401 MUST carry a WWW-Authenticate challenge).
 */
export function httpChallengeSchemes(doc: OpenApiDocument, operation: Operation): string[] {
  const schemes = doc.components?.securitySchemes;
  const found = new Set<string>();
  for (const name of operation.security().flatMap((r) => Object.keys(r))) {
    const s = isObject(schemes) ? schemes[name] : undefined;
    if (!isObject(s) || s.type !== 'http') continue;
    const scheme = String(s.scheme).toLowerCase();
    if (scheme === 'basic') found.add('Basic');
    else if (scheme === 'bearer') found.add('Bearer');
  }
  return [...found];
}
