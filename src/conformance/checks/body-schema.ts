import { parsedBody, type Check } from './check.js';

/** A JSON body is valid against the schema its status and media type document (ajv, 2020-12). */
export const bodySchema: Check = {
  id: 'body-schema',
  description: 'the body is valid against its documented schema',
  appliesTo: (ctx) => parsedBody(ctx) !== undefined && ctx.operation.schemaPointer(ctx.statusKey as string, ctx.mediaType) !== undefined,
  run: (ctx) => {
    const schemaPointer = ctx.operation.schemaPointer(ctx.statusKey as string, ctx.mediaType) as string;
    return ctx.validator.validate(schemaPointer, parsedBody(ctx)?.value).map((error) => ({
      rule: 'body-schema' as const,
      message: `body${error.instancePath || ''} ${error.message}${error.keyword === 'enum' ? ` (${JSON.stringify(error.params.allowedValues)})` : ''}${error.keyword === 'additionalProperties' ? ` ('${String(error.params.additionalProperty)}')` : ''}`,
      instancePath: error.instancePath || '/',
      expected: `a body valid against ${schemaPointer}`,
    }));
  },
};
