import { statusMatches } from '../../../core/statusMatch.js';
import type { Check, CheckContext } from '../../checks/check.js';
import { mockViolation } from './mock-violation.js';
import { isObject } from '../../../openapi/jsonPointer.js';
import type { OpenApiDocument } from '../../../openapi/loadDocument.js';

/** A path template with every parameter name left out: `/Contacts/{ContactID}` → `/Contacts/{}`. */
const shape = (path: string) => path.replace(/\{[^}/]*\}/g, '{}');

const unexpectedStatus = (ctx: CheckContext) => ctx.expectedStatuses.length > 0 && !statusMatches(ctx.expectedStatuses, ctx.response.status);

const twinsByDocument = new WeakMap<OpenApiDocument, Map<string, string[]>>();

/** The other paths of the document with the same template as `path` (the Paths Object says they MUST NOT exist). */
export function identicalPaths(doc: OpenApiDocument, path: string): string[] {
  let byShape = twinsByDocument.get(doc);
  if (!byShape) {
    byShape = new Map();
    for (const key of Object.keys(isObject(doc.paths) ? doc.paths : {})) byShape.set(shape(key), [...(byShape.get(shape(key)) ?? []), key]);
    twinsByDocument.set(doc, byShape);
  }
  return (byShape.get(shape(path)) ?? []).filter((other) => other !== path);
}

/**
 * Two paths of one document that differ only in their parameters' names (`/Contacts/{ContactID}`
 * and `/Contacts/{ContactNumber}`, Xero's) are one URL template: OpenAPI says such paths MUST NOT
 * exist, and no router can tell which operation a request is for; Prism takes one of them and
 * validates the request against it (a contact number is not the other's uuid: 422), and reports a
 * negative case's violation under the other's parameter name. When an answer of such an operation
 * has a status the case does not expect, or Prism did not report the case's violation, this says
 * the defect is the document's, naming both paths.
 */
export const documentPath: Check = {
  id: 'document-path',
  description: "the operation's path is not the same template as another path of the document",
  appliesTo: (ctx) => ctx.doc !== undefined && (unexpectedStatus(ctx) || (mockViolation.appliesTo(ctx) && mockViolation.run(ctx).length > 0)),
  run: (ctx) => {
    const twins = identicalPaths(ctx.doc as OpenApiDocument, ctx.operation.path);
    if (twins.length === 0) return [];
    return [{
      rule: 'document-path',
      message: `the document's path ${ctx.operation.path} is the same template as ${twins.join(', ')} (OpenAPI: templated paths that differ only in parameter names MUST NOT exist), so no router can tell which operation this request is for: a defect of the document, not of the server or the suite`,
      expected: 'one path per URL template',
    }];
  },
};
