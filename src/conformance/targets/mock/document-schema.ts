/**
 * A schema that requires a property none of the schemas at that spot declares (no `properties`
 * entry, no `patternProperties` or `additionalProperties` to carry it): Prism makes a body up from
 * the properties a schema declares, so the mock never sends it, and the body-schema failure is
 * the document's defect (Clerk's SAMLConnection requires `authenticatable` and never declares it).
 * This says so, naming the schema that requires it. Only for a body that breaks its schema.
 *
 * Likewise a string no value can satisfy, where the schemas that all apply at its spot leave it
 * no length (Adyen's TerminalAPI `CardStatusWords`: `format: byte`, a multiple of 4 characters,
 * with `pattern: ^.{2,2}$`): whatever the mock (or any server) sends there breaks the schema.
 */
import { directionalErrors, facetsAt } from '../../cases/requestDirection.js';
import { createSchemaWalker, declaredProperties, type Facet, type SchemaWalker } from '../../cases/schemaWalk.js';
import { unsatisfiableString } from '../../../openapi/unsatisfiableString.js';
import { parsedBody, type Check } from '../../checks/check.js';
import type { CheckFailure } from '../../model.js';

/** Whether a facet lets an object carry properties it does not declare by name. */
const open = (facet: Facet) => facet.schema.patternProperties !== undefined || (facet.schema.additionalProperties !== undefined && facet.schema.additionalProperties !== false);

/** The keywords a string with no valid length breaks. */
const LENGTH_KEYWORDS = new Set(['format', 'pattern', 'minLength', 'maxLength']);

/**
 * The facets at `instancePath` when each of them applies (reached through `$ref`s and `allOf`
 * only, at every level on the way); undefined where a `oneOf` or `anyOf` offers alternatives,
 * which are no conjunction.
 */
function conjunctFacetsAt(walker: SchemaWalker, schemaPointer: string, value: unknown, instancePath: string): Facet[] | undefined {
  return facetsAt(walker, schemaPointer, value, instancePath, (facets) => facets.some((f) => f.schema.oneOf !== undefined || f.schema.anyOf !== undefined));
}

/** The document-schema failures of strings in `body` that no value could satisfy. */
function unsatisfiableStrings(walker: SchemaWalker, errors: readonly { keyword: string; instancePath: string }[], schemaPointer: string, body: unknown): CheckFailure[] {
  const found: CheckFailure[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    if (!LENGTH_KEYWORDS.has(error.keyword) || seen.has(error.instancePath) || found.length >= 10) continue;
    seen.add(error.instancePath);
    const facets = conjunctFacetsAt(walker, schemaPointer, body, error.instancePath);
    const why = facets && unsatisfiableString(facets.map((f) => f.schema));
    if (!facets || !why) continue;
    const holder = facets.find((f) => f.schema.format !== undefined || f.schema.pattern !== undefined) ?? facets[0];
    found.push({
      rule: 'document-schema',
      message: `${holder?.pointer ?? schemaPointer} admits no value at body${error.instancePath}: ${why}; a defect of the document, not of the server or the suite`,
      expected: 'a schema some value satisfies',
      instancePath: error.instancePath || '/',
    });
  }
  return found;
}

export const documentSchema: Check = {
  id: 'document-schema',
  description: 'the schema declares every property it requires (the mock makes bodies up from declared ones)',
  appliesTo: (ctx) => ctx.doc !== undefined && parsedBody(ctx) !== undefined && ctx.statusKey !== undefined && ctx.operation.schemaPointer(ctx.statusKey, ctx.mediaType) !== undefined,
  run: (ctx) => {
    const doc = ctx.doc;
    if (!doc) return [];
    const body = parsedBody(ctx)?.value;
    const schemaPointer = ctx.operation.schemaPointer(ctx.statusKey as string, ctx.mediaType) as string;
    const walker = createSchemaWalker(ctx.validator, doc);
    const found: CheckFailure[] = [];
    const seen = new Set<string>();
    const errors = directionalErrors(ctx.validator, doc, schemaPointer, body, 'response');
    for (const error of errors) {
      if (error.keyword !== 'required' || found.length >= 10) continue;
      const name = String(error.params.missingProperty);
      const key = `${error.instancePath}\u0000${name}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const facets = facetsAt(walker, schemaPointer, body, error.instancePath);
      if (facets.length === 0 || facets.some(open) || declaredProperties(facets).includes(name)) continue;
      const requiring = facets.find((f) => Array.isArray(f.schema.required) && f.schema.required.includes(name));
      found.push({
        rule: 'document-schema',
        message: `${requiring?.pointer ?? schemaPointer} requires '${name}' at body${error.instancePath} and no schema there declares it: Prism makes a body up from the properties its schemas declare, so the mock never sends it; a defect of the document, not of the server or the suite`,
        expected: 'every required property declared',
        instancePath: error.instancePath || '/',
      });
    }
    return [...found, ...unsatisfiableStrings(walker, errors, schemaPointer, body)];
  },
};
