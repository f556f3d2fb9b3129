import { isDeepStrictEqual } from 'node:util';
import { parsedBody, type Check } from '../../checks/check.js';

/** Asked for a documented example, the mock answers exactly that example. */
export const exampleBody: Check = {
  id: 'example-body',
  description: 'the mock answers the documented example it was asked for',
  appliesTo: (ctx) => ctx.expect.documented?.example !== undefined && parsedBody(ctx) !== undefined,
  run: (ctx) =>
    isDeepStrictEqual(parsedBody(ctx)?.value, ctx.expect.documented?.example)
      ? []
      : [{ rule: 'example-body', message: 'the mock did not answer the documented example', expected: JSON.stringify(ctx.expect.documented?.example).slice(0, 200), actual: ctx.redact.excerpt(ctx.response.bodyText, 200) }],
};
