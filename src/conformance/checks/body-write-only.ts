import { createSchemaWalker, forEachSpot, stated } from '../cases/schemaWalk.js';
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
    const walker = createSchemaWalker(ctx.validator, ctx.doc!);
    const pointer = ctx.operation.schemaPointer(ctx.statusKey as string, ctx.mediaType) as string;
    const found: string[] = [];
    forEachSpot(walker, pointer, parsedBody(ctx)!.value, ({ instancePath, value, facets }) => {
      if (instancePath === '' || !stated(facets, 'writeOnly').includes(true)) return;
      found.push(instancePath);
    });
    return found.map((instancePath) => ({
      rule: 'body-write-only' as const,
      message: `body${instancePath} is writeOnly: a response does not carry it`,
      instancePath,
      expected: `no writeOnly property in a response (${pointer})`,
    }));
  },
};
