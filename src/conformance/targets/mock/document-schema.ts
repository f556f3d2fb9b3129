/**
 * A schema that requires a property none of the schemas at that spot declares (no `properties`
 * entry, no `patternProperties` or `additionalProperties` to carry it): Prism makes a body up from
 * the properties a schema declares, so the mock never sends it, and the body-schema failure is
 * the document's defect (Clerk's SAMLConnection requires `authenticatable` and never declares it).
 * This says so, naming the schema that requires it. Only for a body that breaks its schema.
 */
import { directionalErrors, facetsAt } from '../../cases/requestDirection.js';
import { createSchemaWalker, declaredProperties, type Facet } from '../../cases/schemaWalk.js';
import { parsedBody, type Check } from '../../checks/check.js';
import type { CheckFailure } from '../../model.js';

/** Whether a facet lets an object carry properties it does not declare by name. */
const open = (facet: Facet) => facet.schema.patternProperties !== undefined || (facet.schema.additionalProperties !== undefined && facet.schema.additionalProperties !== false);

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
    for (const error of directionalErrors(ctx.validator, doc, schemaPointer, body, 'response')) {
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
    return found;
  },
};
