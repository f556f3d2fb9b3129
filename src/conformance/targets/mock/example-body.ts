import { isDeepStrictEqual } from 'node:util';
import { asPrismReadsIt } from './asPrismReadsIt.js';
import { parsedBody, type Check } from '../../checks/check.js';

/** Asked for a documented example, the mock answers exactly that example (as Prism reads it: see asPrismReadsIt). */
export const exampleBody: Check = {
  id: 'example-body',
  description: 'the mock answers the documented example it was asked for',
  appliesTo: (ctx) => ctx.expect.documented?.example !== undefined && parsedBody(ctx) !== undefined,
  run: (ctx) => {
    const answered = parsedBody(ctx)?.value;
    const example = ctx.expect.documented?.example;
    if (isDeepStrictEqual(answered, example)) return [];
    const dereferenced = ctx.doc === undefined ? undefined : asPrismReadsIt(ctx.doc, example);
    if (dereferenced !== undefined && isDeepStrictEqual(answered, dereferenced)) return [];
    return [{ rule: 'example-body', message: 'the mock did not answer the documented example', expected: JSON.stringify(example).slice(0, 200), actual: ctx.redact.excerpt(ctx.response.bodyText, 200) }];
  },
};
