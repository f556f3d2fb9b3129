import { createSchemaWalker, forEachSpot, stated } from '../cases/schemaWalk.js';
import type { OpenApiDocument } from '../../openapi/loadDocument.js';
import type { SchemaValidator } from '../../openapi/schemaValidator.js';
import { parsedBody, type Check } from './check.js';
import { documentStates } from './documentStates.js';

/**
 * A response body carries no property its schema marks `writeOnly` (OpenAPI 3.1 §4.8.24: such a
 * property "SHOULD NOT be sent as part of the response": a password, a secret the client set).
 * ajv reads `writeOnly` as an annotation, so a server echoing one passed body-schema.
 */
export const bodyWriteOnly: Check = {
  id: 'body-write-only',
  description: 'a response body carries no writeOnly property',
  appliesTo: (ctx) => ctx.doc !== undefined && documentStates(ctx.doc, 'writeOnly') && parsedBody(ctx) !== undefined && ctx.operation.schemaPointer(ctx.statusKey as string, ctx.mediaType) !== undefined,
  run: (ctx) => {
    const pointer = ctx.operation.schemaPointer(ctx.statusKey as string, ctx.mediaType) as string;
    return writeOnlySpots(ctx.validator, ctx.doc!, pointer, parsedBody(ctx)!.value).map((instancePath) => ({
      rule: 'body-write-only' as const,
      message: `body${instancePath} is writeOnly: a response does not carry it`,
      instancePath,
      expected: `no writeOnly property in a response (${pointer})`,
    }));
  },
};

/** The instance paths of `value` (a response body) where the schema at `pointer` marks the property `writeOnly`. */
export function writeOnlySpots(validator: SchemaValidator, doc: OpenApiDocument, pointer: string, value: unknown): string[] {
  const found: string[] = [];
  forEachSpot(createSchemaWalker(validator, doc), pointer, value, ({ instancePath, facets }) => {
    if (instancePath !== '' && stated(facets, 'writeOnly').includes(true)) found.push(instancePath);
  });
  return found;
}
