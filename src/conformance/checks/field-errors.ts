import { getAtPointer, isObject } from '../../openapi/jsonPointer.js';
import { parsedBody, type Check } from './check.js';

/**
 * For APIs whose manifest declares where an error body names invalid fields (`fieldErrors`), a
 * negative case's answer names the field it broke, and the answer to a request the document says
 * is valid names none: a server that enforces a bound tighter than the document's, or refuses a
 * documented form of a parameter, answers a valid request that way (a 404 or 403 naming no field
 * passes). Against a live target only: a mock answers a fixed example.
 */
export const fieldErrors: Check = {
  id: 'field-errors',
  description: 'the error body names the invalid field, and none for a valid request',
  appliesTo: (ctx) => ctx.api.fieldErrors !== undefined && (ctx.expect.fieldErrorKey !== undefined || ctx.expect.valid === true) && ctx.target === 'live' && parsedBody(ctx) !== undefined,
  run: (ctx) => {
    const pointer = ctx.api.fieldErrors as string;
    const named = getAtPointer(parsedBody(ctx)?.value, `#${pointer}`);
    if (ctx.expect.fieldErrorKey === undefined) {
      if (!isObject(named) || Object.keys(named).length === 0) return [];
      const fields = ctx.redact.excerpt(Object.keys(named).join(', '), 200);
      return [{ rule: 'field-errors', message: `a request the document says is valid was refused as invalid (${ctx.response.status}): ${pointer} names ${fields}`, expected: 'no invalid field', actual: fields }];
    }
    const key = ctx.expect.fieldErrorKey as string;
    if (!isObject(named) || Object.hasOwn(named, key)) return [];
    return [{ rule: 'field-errors', message: `${pointer} does not name '${key}'`, expected: key, actual: Object.keys(named).join(', ') || '(empty)' }];
  },
};
