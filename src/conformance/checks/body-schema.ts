import { directionalErrors } from '../cases/requestDirection.js';
import { getAtPointer } from '../../openapi/jsonPointer.js';
import { parsedBody, type Check } from './check.js';

/** A JSON body is valid against the schema its status and media type document (ajv, 2020-12). */
export const bodySchema: Check = {
  id: 'body-schema',
  description: 'the body is valid against its documented schema',
  appliesTo: (ctx) => parsedBody(ctx) !== undefined && ctx.operation.schemaPointer(ctx.statusKey as string, ctx.mediaType) !== undefined,
  run: (ctx) => {
    const schemaPointer = ctx.operation.schemaPointer(ctx.statusKey as string, ctx.mediaType) as string;
    const body = parsedBody(ctx)?.value;
    // A `writeOnly` property a schema requires is not expected in a response.
    const errors = ctx.doc ? directionalErrors(ctx.validator, ctx.doc, schemaPointer, body, 'response') : ctx.validator.validate(schemaPointer, body);
    return errors.map((error) => ({
      rule: 'body-schema' as const,
      message: `body${error.instancePath || ''} ${error.message}${error.keyword === 'enum' ? ` (${JSON.stringify(error.params.allowedValues)})` : ''}${error.keyword === 'additionalProperties' ? ` ('${String(error.params.additionalProperty)}')` : ''}`,
      instancePath: error.instancePath || '/',
      expected: `a body valid against ${schemaPointer}`,
      instanceValue: valueAt(body, error.instancePath),
    }));
  },
};

/** The value at an ajv instance path (`/a/0/b`, `''` for the whole body). */
function valueAt(body: unknown, instancePath: string): unknown {
  return instancePath === '' ? body : getAtPointer(body, `#${instancePath}`);
}
