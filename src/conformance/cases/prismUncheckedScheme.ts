/**
 * Security schemes Prism does not check. Its security validator has handlers for apiKey, http,
 * oauth2 and openIdConnect; for a scheme of any other type (mutualTLS) it returns a warning, not a
 * refusal, and lets the request through on the alternative naming it. A request without
 * credentials is then answered as a valid one, so the cases that withhold or break credentials prove
 * nothing on the mock. (An http scheme it has no handler for, `HOBA`, is refused instead: see
 * prismUnknownHttpScheme in deriveCases.ts.)
 */
import { childPointer, isObject, resolveRef } from '../../openapi/jsonPointer.js';
import type { OpenApiDocument } from '../../openapi/loadDocument.js';

const CHECKED_TYPES = new Set(['apiKey', 'http', 'oauth2', 'openIdConnect']);

/** The first scheme of `requirements` (every alternative, sendable or not) that Prism does not check, as `"name" (type)`, or undefined. */
export function prismUncheckedScheme(doc: OpenApiDocument, requirements: readonly Record<string, string[]>[]): string | undefined {
  const schemes = doc.components?.securitySchemes;
  for (const requirement of requirements) {
    for (const name of Object.keys(requirement)) {
      const raw = isObject(schemes) ? schemes[name] : undefined;
      let scheme: unknown;
      try {
        scheme = resolveRef(doc, raw, childPointer('#/components/securitySchemes', name)).value;
      } catch {
        continue;
      }
      if (isObject(scheme) && !CHECKED_TYPES.has(String(scheme.type))) return `"${name}" (${String(scheme.type)})`;
    }
  }
  return undefined;
}
