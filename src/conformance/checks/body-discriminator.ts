import { directionalErrors, type Direction } from '../cases/requestDirection.js';
import { discriminatedSchema } from '../cases/discriminatorTags.js';
import { createSchemaWalker, forEachSpot } from '../cases/schemaWalk.js';
import { isObject } from '../../openapi/jsonPointer.js';
import type { OpenApiDocument } from '../../openapi/loadDocument.js';
import type { SchemaValidator } from '../../openapi/schemaValidator.js';
import { parsedBody, type Check } from './check.js';
import type { CheckFailure } from '../model.js';
import { documentStates } from './documentStates.js';

/**
 * Where a schema has a `discriminator`, a body object is valid against the schema its tag names
 * (`petType: "dog"` → Dog), not only against some branch. ajv reads `discriminator` as an
 * annotation: a `{ "petType": "dog", … }` that is a valid Cat, or a tag naming a schema whose
 * own rules the object breaks (the allOf inheritance of OpenAPI 3.0), passed body-schema.
 */
export const bodyDiscriminator: Check = {
  id: 'body-discriminator',
  description: 'a body object is valid against the schema its discriminator names',
  appliesTo: (ctx) => ctx.doc !== undefined && documentStates(ctx.doc, 'discriminator') && parsedBody(ctx) !== undefined && ctx.operation.schemaPointer(ctx.statusKey as string, ctx.mediaType) !== undefined,
  run: (ctx) => discriminatorMismatches(ctx.validator, ctx.doc as OpenApiDocument, ctx.operation.schemaPointer(ctx.statusKey as string, ctx.mediaType) as string, parsedBody(ctx)!.value),
};

/** The body-discriminator failures of `value` against the schema at `pointer` (each object the schema its tag names rejects, read for `direction`). */
export function discriminatorMismatches(validator: SchemaValidator, doc: OpenApiDocument, pointer: string, value: unknown, direction: Direction = 'response'): CheckFailure[] {
  if (!documentStates(doc, 'discriminator')) return [];
  const failures: CheckFailure[] = [];
  const seen = new Set<string>();
  forEachSpot(createSchemaWalker(validator, doc), pointer, value, ({ instancePath, value, facets }) => {
    if (!isObject(value)) return;
    for (const { schema } of facets) {
      const d = schema.discriminator;
      if (!isObject(d) || typeof d.propertyName !== 'string') continue;
      const tag = value[d.propertyName];
      if (typeof tag !== 'string') continue; // absent or not a string: body-schema's `required`/`type` say so
      const target = discriminatedSchema(doc, d, tag);
      if (!target || seen.has(`${instancePath}\u0000${target}`)) continue;
      seen.add(`${instancePath}\u0000${target}`);
      const error = errorsAgainst(validator, doc, target, value, direction)[0];
      if (error) {
        failures.push({
          rule: 'body-discriminator',
          message: `body${instancePath} has ${d.propertyName} '${tag}' but is not a valid ${target.split('/').pop()}: body${instancePath}${error.instancePath} ${error.message}`,
          instancePath: instancePath || '/',
          expected: `a body valid against ${target} (discriminator ${d.propertyName})`,
        });
      }
    }
  });
  return failures;
}

function errorsAgainst(validator: SchemaValidator, doc: OpenApiDocument, target: string, value: unknown, direction: Direction) {
  try {
    return directionalErrors(validator, doc, target, value, direction);
  } catch {
    return []; // a target ajv cannot compile alone: nothing to say here (schema-compile says it elsewhere)
  }
}
